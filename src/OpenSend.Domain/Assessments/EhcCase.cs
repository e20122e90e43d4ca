using OpenSend.Domain.Common;
using OpenSend.Domain.Redress;
using OpenSend.Domain.Timescales;
using static OpenSend.Domain.Common.Refusal;

namespace OpenSend.Domain.Assessments;

/// <summary>
/// One child's statutory case in one LA: the request for an EHC needs assessment and everything that
/// follows it, the "20-week pathway" (Children and Families Act 2014 ss.36–40; SEND Regulations 2014
/// regs 3–14), and then the plan in force, its reviews' decisions, amendments and ceasing (ss.44–45),
/// on one timeline the family reads (decision 0018: one aggregate, not two, so that these steps and
/// redress's orders agree on the plan's status in one transaction). Its stage changes only through
/// the named methods below, each of which consults <see cref="PathwayTransitions"/> and refuses an
/// illegal step with a reason. Its table keeps the name `assessments`.
/// </summary>
public sealed class EhcCase
{
    private readonly List<AdviceRequest> _adviceRequests = [];
    private readonly List<PanelRecommendation> _panelRecommendations = [];
    private readonly List<PathwayException> _exceptions = [];
    private readonly List<PathwayEvent> _timeline = [];

    private EhcCase()
    {
        LaCode = Reference = ReasonForRequest = RuleSetId = TrackingTokenHash = string.Empty;
        Child = new Child(string.Empty, string.Empty, default);
        ChildDetails = Returns.ChildDetails.None;
        Requester = new Requester(RequesterKind.Parent, string.Empty, string.Empty, null, null);
    }

    public Guid Id { get; private set; }

    /// <summary>The LA responsible for the child: the tenant key of every row about this case.</summary>
    public string LaCode { get; private set; }

    /// <summary>The reference a family quotes, e.g. "999-2026-00042".</summary>
    public string Reference { get; private set; }

    public Child Child { get; private set; }

    /// <summary>The child's sex, ethnicity, postcode and pupil or learner number, for the SEN2 return.</summary>
    public Returns.ChildDetails ChildDetails { get; private set; }

    public Requester Requester { get; private set; }

    public string ReasonForRequest { get; private set; }

    /// <summary>The requester agreed that information may be shared with the professionals asked for advice.</summary>
    public bool ConsentToShare { get; private set; }

    /// <summary>The day the clock started (s.36(1) request received, or s.24 responsibility).</summary>
    public DateOnly RequestReceivedOn { get; private set; }

    /// <summary>The rule set in force when the clock started; it stays with the case.</summary>
    public string RuleSetId { get; private set; }

    public AssessmentStage Stage { get; private set; }

    public DateOnly? AssessDecisionOn { get; private set; }

    public bool? WillAssess { get; private set; }

    public DateOnly? IssueDecisionOn { get; private set; }

    public bool? WillIssue { get; private set; }

    public int DraftsServed { get; private set; }

    public DateOnly? DraftServedOn { get; private set; }

    public DateOnly? RepresentationsReceivedOn { get; private set; }

    public bool FamilyHasNoFurtherComments { get; private set; }

    public bool MeetingRequested { get; private set; }

    /// <summary>The day the meeting the family asked for about the current draft was held (reg 13(1)(a)(ii)).</summary>
    public DateOnly? RequestedMeetingHeldOn { get; private set; }

    /// <summary>The school or other institution the family asked to be named (s.38(2)(b)).</summary>
    public string? RequestedSetting { get; private set; }

    public DateOnly? FinalPlanIssuedOn { get; private set; }

    public string? NamedSetting { get; private set; }

    /// <summary>
    /// The council's officer named as the family's one point of contact for the case (green paper ch.2
    /// paras 20–21; the responses in ../shared/seeds/ ask for a single named person). Null: unassigned.
    /// </summary>
    public Guid? CaseworkerPersonId { get; private set; }

    /// <summary>The caseworker's name and email as they were when named, shown to the family with how to contact them.</summary>
    public string? CaseworkerName { get; private set; }

    public string? CaseworkerEmail { get; private set; }

    /// <summary>When the case stopped being open (an outcome, withdrawal or transfer).</summary>
    public DateOnly? ClosedOn { get; private set; }

    public string? TransferredToLaCode { get; private set; }

    /// <summary>For a plan received from another LA (reg 15): the LA that maintained it.</summary>
    public string? TransferredFromLaCode { get; private set; }

    /// <summary>The date of the transfer (reg 15(2)); the new LA's clocks start here.</summary>
    public DateOnly? TransferredInOn { get; private set; }

    /// <summary>When the old LA last reviewed the plan, if it had (the 12-month review clock, s.44(1)).</summary>
    public DateOnly? PlanLastReviewedOn { get; private set; }

    /// <summary>When the family was told of the transfer (reg 15(4)).</summary>
    public DateOnly? TransferNoticeOn { get; private set; }

    /// <summary>What the new LA told the family: whether it proposes a new EHC needs assessment.</summary>
    public bool? TransferProposesAssessment { get; private set; }

    /// <summary>What the new LA told the family: when it proposes to review the plan.</summary>
    public DateOnly? TransferReviewProposedOn { get; private set; }

    /// <summary>A review's decision to cease the plan (reg 20(10)), pending until the plan ceases or is kept.</summary>
    public DateOnly? CeaseDecidedOn { get; private set; }

    /// <summary>
    /// The last day to appeal the latest appealable decision on the plan in force: the final plan, an
    /// amended plan, a decision not to amend (s.51(2)(c), (e)). What the family's page shows.
    /// </summary>
    public DateOnly? LatestAppealBy { get; private set; }

    /// <summary>Why the plan is to cease, or ceased (SEN2's reason).</summary>
    public Reviews.CeaseReason? CeaseReason { get; private set; }

    /// <summary>The day the LA stopped maintaining the plan (s.45).</summary>
    public DateOnly? PlanCeasedOn { get; private set; }

    /// <summary>
    /// The tribunal's orders and the appeals the council did not oppose (regs 44–45), each with its
    /// clocks' start and what has been done; their clocks are the case's own (<see cref="PathwayClocks"/>).
    /// Replaced whole on each change, never edited in place.
    /// </summary>
    public IReadOnlyList<OrderClock> Orders { get; private set; } = [];

    /// <summary>Where the child is while a disagreement lasts (null: in their usual setting, or none recorded), since when, and the setting if placed.</summary>
    public DisagreementPlacement? DuringDisagreement { get; private set; }

    public DateOnly? DuringDisagreementSince { get; private set; }

    public string? DuringDisagreementSetting { get; private set; }

    /// <summary>
    /// The council records where the child is while mediation or an appeal is under way: a temporary
    /// placement, or out of education awaiting the outcome; null when that ends. Not a statutory step (no
    /// clock moves); the caller checks a disagreement is under way and audits it.
    /// </summary>
    public void RecordDuringDisagreement(DisagreementPlacement? placement, DateOnly? since, string? setting, DateTimeOffset now)
    {
        Require(AnonymisedAt is null, "case-anonymised", "This record has been anonymised.");
        if (placement is null)
        {
            DuringDisagreement = null;
            DuringDisagreementSince = null;
            DuringDisagreementSetting = null;
            Touch(now);
            return;
        }

        var today = UkCalendar.DateOf(now);
        Require(since is not null, "since-missing", "Enter the date it began");
        Require(since <= today, "date-in-future", $"The date cannot be in the future. Today is {UkCalendar.InWords(today)}.");
        Require(placement != DisagreementPlacement.TemporaryPlacement || !string.IsNullOrWhiteSpace(setting), "setting-missing", "Enter where the child is placed for now");
        DuringDisagreement = placement;
        DuringDisagreementSince = since;
        DuringDisagreementSetting = placement == DisagreementPlacement.TemporaryPlacement ? setting!.Trim() : null;
        Touch(now);
    }

    /// <summary>A re-assessment asked for (reg 24(1)): the day the request was received, and who asked.</summary>
    public DateOnly? ReassessmentRequestedOn { get; private set; }

    public string? ReassessmentRequestedBy { get; private set; }

    public DateOnly? ReassessDecisionOn { get; private set; }

    public bool? WillReassess { get; private set; }

    /// <summary>When the re-assessment ended: refused, or the amended plan or notice of no change sent (reg 27).</summary>
    public DateOnly? ReassessmentConcludedOn { get; private set; }

    /// <summary>A re-assessment asked for and not yet ended.</summary>
    public bool ReassessmentOpen => ReassessmentRequestedOn is not null && ReassessmentConcludedOn is null;

    /// <summary>When the oldest order not yet carried out began (null: none), so the deadline sweep finds a plan in force with an order's clocks running.</summary>
    public DateOnly? OrderOpenSince { get; private set; }

    private void SetOrders(IReadOnlyList<OrderClock> orders)
    {
        Orders = orders;
        OrderOpenSince = orders.Where(o => !o.IsCarriedOut).Select(o => (DateOnly?)o.From).Min();
    }

    /// <summary>The earliest open statutory deadline; kept on the row so a caseload sorts in the database.</summary>
    public DateOnly? NextDeadlineOn { get; private set; }

    public StatutoryStep? NextDeadlineStep { get; private set; }

    /// <summary>SHA-256 of the family's private tracking token; the token itself is never stored.</summary>
    public string TrackingTokenHash { get; private set; }

    /// <summary>
    /// When the tracking link was used to add the request to a family account. A link adds the
    /// request to an account once: after that anyone else holding it (a forwarded email, a family
    /// member whose access the LA ended) cannot. The LA can send a new link.
    /// </summary>
    public DateTimeOffset? TrackingLinkUsedAt { get; private set; }

    /// <summary>The tracking link adds the request to a family account; it cannot do so again.</summary>
    public void UseTrackingLink(DateTimeOffset now)
    {
        if (TrackingLinkUsedAt is { } used)
        {
            throw new StepRefusedException("tracking-link-used",
                $"This link was used on {UkCalendar.InWords(used)} to add the request to an account. If that was not you, contact the council: they can send a new link.");
        }

        TrackingLinkUsedAt = now;
    }

    /// <summary>The LA sends a new tracking link: the old one stops working, and the new one can add the request to an account once.</summary>
    public void ReplaceTrackingLink(string newTrackingTokenHash, DateTimeOffset now)
    {
        TrackingTokenHash = newTrackingTokenHash;
        TrackingLinkUsedAt = null;
        UpdatedAt = now;
    }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>When the personal details were removed under the retention policy, if they have been.</summary>
    public DateTimeOffset? AnonymisedAt { get; private set; }

    /// <summary>Optimistic concurrency: two caseworkers recording at once cannot both win.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<AdviceRequest> AdviceRequests => _adviceRequests;

    public IReadOnlyList<PanelRecommendation> PanelRecommendations => _panelRecommendations;

    public IReadOnlyList<PathwayException> Exceptions => _exceptions;

    public IReadOnlyList<PathwayEvent> Timeline => _timeline;

    public StatutoryRuleSet RuleSet => RuleSetCatalogue.Get(RuleSetId);

    public bool IsOpen => Stage.IsOpen();

    /// <summary>The last day of the 15-day representation window on the latest draft (reg 13(1)(a)).</summary>
    public DateOnly? RepresentationsCloseOn =>
        DraftServedOn is { } served ? RuleSet.Rule(StatutoryStep.RepresentationsClose).DueFrom(served) : null;

    public IReadOnlyList<PathwayAction> AllowedActions => PathwayTransitions.AllowedFrom(Stage);

    /// <summary>Starts the clock: a request received under s.36(1) (reg 3–4).</summary>
    public static EhcCase Receive(
        Guid id,
        string laCode,
        string reference,
        Child child,
        Requester requester,
        string? reasonForRequest,
        bool consentToShare,
        DateOnly receivedOn,
        StatutoryRuleSet rules,
        string trackingTokenHash,
        Actor by,
        DateTimeOffset now)
    {
        var today = UkCalendar.DateOf(now);
        Require(!string.IsNullOrWhiteSpace(child.GivenName) && !string.IsNullOrWhiteSpace(child.FamilyName),
            "child-name-missing", "Enter the child's or young person's full name.");
        Require(child.DateOfBirth <= today, "date-of-birth-in-future", "The date of birth must be today or in the past.");
        Require(receivedOn <= today, "date-in-future", $"The date the request was received cannot be in the future. Today is {UkCalendar.InWords(today)}.");
        Require(receivedOn >= child.DateOfBirth, "received-before-birth", "The request cannot be received before the child's date of birth.");
        // The 0-25 system: an EHC plan cannot be made for someone aged 25 or over (s.46).
        Require(CompulsorySchoolAge.AgeOn(child.DateOfBirth, receivedOn) < 25, "over-25",
            "The young person must be under 25 when the request is made. EHC plans cover ages 0 to 25.");
        // s.36(1): a young person (over compulsory school age, s.83(2)) may ask in their own name.
        Require(requester.Kind != RequesterKind.YoungPerson || CompulsorySchoolAge.IsOverCompulsorySchoolAge(child.DateOfBirth, receivedOn),
            "not-a-young-person",
            $"A young person can ask in their own name only once they are over compulsory school age (after {UkCalendar.InWords(CompulsorySchoolAge.EndsOn(child.DateOfBirth))}). Until then a parent or the school asks.");
        Require(!string.IsNullOrWhiteSpace(requester.Name), "requester-name-missing", "Enter the name of the person asking.");
        // s.36(1): a request is a request whatever its form. A missing reason or agreement to share
        // never stops it being recorded (the clock runs from receipt); the LA asks for them.
        Require(rules.InForceOn(receivedOn), "rule-set-not-in-force", $"{rules.Name} was not in force on {UkCalendar.InWords(receivedOn)}.");

        var assessment = new EhcCase
        {
            Id = id,
            LaCode = laCode,
            Reference = reference,
            Child = child,
            Requester = requester,
            ReasonForRequest = reasonForRequest?.Trim() ?? string.Empty,
            ConsentToShare = consentToShare,
            RequestReceivedOn = receivedOn,
            RuleSetId = rules.Id,
            Stage = AssessmentStage.RequestReceived,
            TrackingTokenHash = trackingTokenHash,
            CreatedAt = now,
        };
        var decideBy = rules.Rule(StatutoryStep.DecisionToAssess).DueFrom(receivedOn);
        assessment.Record(PathwayAction.ReceiveRequest, AssessmentStage.RequestReceived, receivedOn, by, now,
            $"Request received from {requester.Kind.Title().ToLowerInvariant()} ({requester.Name}).",
            FamilyWording.RequestReceived(receivedOn, decideBy, assessment.StillNeededFromRequester),
            Text.NullIfBlank(reasonForRequest));
        return assessment;
    }

    /// <summary>
    /// A plan another LA maintained arrives with the child (Children and Families Act 2014 s.47;
    /// reg 15). It is treated as made by this LA on the date the old LA made it (reg 15(3)(a)), so
    /// the case starts with the plan in force and the transfer's clocks running: the family told
    /// within 6 weeks (reg 15(4)) and the plan reviewed by the later of reg 15(5)'s dates.
    /// </summary>
    public static EhcCase ReceiveTransferredPlan(
        Guid id,
        string laCode,
        string reference,
        Child child,
        Requester contact,
        string fromLaCode,
        string fromLaName,
        DateOnly transferredOn,
        DateOnly planMadeOn,
        DateOnly? lastReviewedOn,
        StatutoryRuleSet rules,
        string trackingTokenHash,
        Actor by,
        DateTimeOffset now)
    {
        var today = UkCalendar.DateOf(now);
        Require(!string.IsNullOrWhiteSpace(child.GivenName) && !string.IsNullOrWhiteSpace(child.FamilyName),
            "child-name-missing", "The plan must name the child or young person.");
        Require(fromLaCode != laCode, "transfer-same-la", "This plan is already maintained by your council; a transfer comes from another council.");
        Require(transferredOn <= today, "date-in-future", $"The date of the transfer cannot be in the future. Today is {UkCalendar.InWords(today)}.");
        Require(transferredOn >= planMadeOn, "transfer-before-plan",
            $"The date of the transfer cannot be before the plan was made ({UkCalendar.InWords(planMadeOn)}).");
        Require(lastReviewedOn is null || (lastReviewedOn >= planMadeOn && lastReviewedOn <= transferredOn), "review-date-out-of-range",
            "The last review must be after the plan was made and before the transfer.");
        Require(CompulsorySchoolAge.AgeOn(child.DateOfBirth, transferredOn) < 25, "over-25", "EHC plans cover ages 0 to 25.");
        Require(rules.InForceOn(transferredOn), "rule-set-not-in-force", $"{rules.Name} was not in force on {UkCalendar.InWords(transferredOn)}.");

        var assessment = new EhcCase
        {
            Id = id,
            LaCode = laCode,
            Reference = reference,
            Child = child,
            Requester = contact,
            ReasonForRequest = $"EHC plan transferred from {fromLaName} ({fromLaCode}).",
            ConsentToShare = true,
            RequestReceivedOn = transferredOn,
            RuleSetId = rules.Id,
            Stage = AssessmentStage.PlanIssued,
            WillAssess = true,
            WillIssue = true,
            FinalPlanIssuedOn = planMadeOn,
            TransferredFromLaCode = fromLaCode,
            TransferredInOn = transferredOn,
            PlanLastReviewedOn = lastReviewedOn,
            TrackingTokenHash = trackingTokenHash,
            CreatedAt = now,
        };
        var noticeBy = rules.Rule(StatutoryStep.TransferNotice).DueFrom(transferredOn);
        assessment.Record(PathwayAction.ReceiveTransferredPlan, AssessmentStage.PlanIssued, transferredOn, by, now,
            $"EHC plan received from {fromLaName} ({fromLaCode}); made on {UkCalendar.InWords(planMadeOn)}. Tell the family by {UkCalendar.InWords(noticeBy)}.",
            FamilyWording.PlanTransferredIn(fromLaName, transferredOn, noticeBy),
            null);
        return assessment;
    }

    /// <summary>
    /// Reg 15(4): the family told that the plan has transferred, whether the new LA proposes to make an
    /// EHC needs assessment, and when it proposes to review the plan (no later than reg 15(5) allows).
    /// </summary>
    public void RecordTransferNotice(DateOnly givenOn, bool proposesAssessment, DateOnly reviewProposedOn, Actor by, DateTimeOffset now)
    {
        var next = Begin(PathwayAction.RecordTransferNotice, givenOn, now, TransferredInOn ?? RequestReceivedOn, "the date of the transfer");
        Require(TransferredInOn is not null, "not-a-transferred-plan", "Only a plan received from another council needs this notice (reg 15(4)).");
        Require(TransferNoticeOn is null, "transfer-notice-given", $"The family was told of the transfer on {UkCalendar.InWords(TransferNoticeOn.GetValueOrDefault())}.");
        var reviewBy = PathwayClocks.TransferReviewDue(RuleSet, ClockFacts.TransferredIn!);
        Require(reviewProposedOn >= givenOn, "review-before-notice", "The review the family is told of cannot be before the notice.");
        Require(reviewProposedOn <= reviewBy, "review-too-late",
            $"The review must be held by {UkCalendar.InWords(reviewBy)}: the later of 12 months from the plan being made or last reviewed, and 3 months from the transfer (reg 15(5)).");
        TransferNoticeOn = givenOn;
        TransferProposesAssessment = proposesAssessment;
        TransferReviewProposedOn = reviewProposedOn;
        Record(PathwayAction.RecordTransferNotice, next, givenOn, by, now,
            $"Family told of the transfer; {(proposesAssessment ? "a new EHC needs assessment is proposed" : "no new assessment is proposed")}; review proposed for {UkCalendar.InWords(reviewProposedOn)}.",
            FamilyWording.TransferNotice(proposesAssessment, reviewProposedOn),
            null);
    }

    /// <summary>
    /// A review's decision (reg 20(10)) written on the case, so the family's page and email say what
    /// was decided, why, and (to keep or cease the plan) how to appeal and by when.
    /// </summary>
    public void RecordReviewDecision(DateOnly decidedOn, DateOnly meetingOn, Reviews.ReviewDecision decision, string reasons, AppealRights? rights, Actor by, DateTimeOffset now,
        Reviews.CeaseReason? ceaseReason = null)
    {
        var next = Begin(PathwayAction.RecordReviewDecision, decidedOn, now, meetingOn, "the review meeting");
        Require(decision != Reviews.ReviewDecision.Cease || ceaseReason is not null, "cease-reason-missing", "Select why the plan is to cease.");
        // A later decision to keep or amend the plan replaces an earlier decision to cease it.
        CeaseDecidedOn = decision == Reviews.ReviewDecision.Cease ? decidedOn : null;
        CeaseReason = decision == Reviews.ReviewDecision.Cease ? ceaseReason : null;
        if (decision == Reviews.ReviewDecision.Maintain && rights is not null)
        {
            LatestAppealBy = rights.AppealBy;
        }
        var staff = decision switch
        {
            Reviews.ReviewDecision.Maintain => "keep the plan as it is",
            Reviews.ReviewDecision.Amend => "amend the plan",
            _ => "cease the plan",
        };
        Record(PathwayAction.RecordReviewDecision, next, decidedOn, by, now,
            $"Review of {UkCalendar.InWords(meetingOn)}: decided to {staff}.",
            FamilyWording.ReviewDecided(meetingOn, decision, rights),
            rights is null ? Text.NullIfBlank(reasons) : RightsDetail(reasons, rights));
    }

    /// <summary>
    /// Reg 22(2): the proposed amendments go on the case's record and to the family, with the last day
    /// they can comment. A revised amended draft is recorded the same way and restarts their 15 days.
    /// </summary>
    public void RecordAmendmentsProposed(DateOnly sentOn, DateOnly commentsCloseOn, string reason, bool revised, Actor by, DateTimeOffset now)
    {
        var next = Begin(PathwayAction.ProposeAmendments, sentOn, now, FinalPlanIssuedOn ?? TransferredInOn ?? RequestReceivedOn, "the final plan");
        Record(PathwayAction.ProposeAmendments, next, sentOn, by, now,
            $"{(revised ? "Revised proposed amendments" : "Proposed amendments")} sent to the family; comments close {UkCalendar.InWords(commentsCloseOn)}.",
            FamilyWording.AmendmentsProposed(revised, commentsCloseOn),
            Text.NullIfBlank(reason));
    }

    /// <summary>Reg 22(3): the amended plan goes on the record and to the family, with their appeal rights (s.51(2)(c)).</summary>
    public void RecordAmendedPlanIssued(DateOnly issuedOn, DateOnly noticeOn, DateOnly dueBy, string? namedSetting, AppealRights rights, Actor by, DateTimeOffset now)
    {
        var next = Begin(PathwayAction.IssueAmendedPlan, issuedOn, now, noticeOn, "the proposed amendments");
        NamedSetting = Text.NullIfBlank(namedSetting) ?? NamedSetting;
        LatestAppealBy = rights.AppealBy;
        if (ReassessmentOpen && WillReassess == true && issuedOn >= ReassessDecisionOn)
        {
            ReassessmentConcludedOn = issuedOn;
        }

        // An order on the plan in force is carried out by the amended plan; a re-assessment ends in one (reg 27).
        CarryOutOrders(issuedOn, o => IsAssessOrder(o) ? o with { FinalPlanOn = issuedOn } : IsMakePlanOrder(o) ? null : o with { AmendedPlanOn = issuedOn });
        Record(PathwayAction.IssueAmendedPlan, next, issuedOn, by, now,
            issuedOn <= dueBy
                ? $"Amended plan issued within 8 weeks of the proposed amendments{(NamedSetting is null ? "" : $", naming {NamedSetting}")}."
                : $"Amended plan issued {issuedOn.DayNumber - dueBy.DayNumber} days after the 8 weeks from the proposed amendments ended{(NamedSetting is null ? "" : $", naming {NamedSetting}")}.",
            FamilyWording.AmendedPlanIssued(rights),
            RightsDetail(null, rights));
    }

    /// <summary>Reg 22(4): the decision not to amend after all, with its reasons and the family's appeal rights (s.51(2)(e)).</summary>
    public void RecordDecisionNotToAmend(DateOnly decidedOn, DateOnly noticeOn, DateOnly dueBy, string reasons, AppealRights rights, Actor by, DateTimeOffset now)
    {
        var next = Begin(PathwayAction.DecideNotToAmend, decidedOn, now, noticeOn, "the proposed amendments");
        LatestAppealBy = rights.AppealBy;
        // After a re-assessment, a notice that the plan will not change (reg 27).
        CarryOutOrders(decidedOn, o => IsAssessOrder(o) ? o with { NotIssuingOn = decidedOn } : null);
        Record(PathwayAction.DecideNotToAmend, next, decidedOn, by, now,
            decidedOn <= dueBy
                ? "Decided not to amend the plan after proposing amendments; appeal and mediation rights given."
                : $"Decided not to amend the plan, {decidedOn.DayNumber - dueBy.DayNumber} days after the 8 weeks from the proposed amendments ended; appeal and mediation rights given.",
            FamilyWording.NotAmended(noticeOn, rights),
            RightsDetail(reasons, rights));
    }

    /// <summary>
    /// The LA's decision on section I goes on the case's record and to the family: the setting named,
    /// each preference not named with its ground, and their right to appeal about section I once the
    /// plan is issued, which needs no mediation certificate (s.51(2)(c), s.55).
    /// </summary>
    public void RecordPlacementDecision(DateOnly decidedOn, string namedSetting, IReadOnlyList<(string Setting, string Why)> notNamed, Actor by, DateTimeOffset now)
    {
        var next = Begin(PathwayAction.RecordPlacementDecision, decidedOn, now, DraftServedOn ?? RequestReceivedOn, "the date the draft was served");
        NamedSetting = namedSetting;
        var refused = notNamed.Count == 0 ? string.Empty : " " + string.Join(" ", notNamed.Select(n => $"{n.Setting} was not named: {n.Why}."));
        Record(PathwayAction.RecordPlacementDecision, next, decidedOn, by, now,
            $"Named {namedSetting} in section I.{(notNamed.Count > 0 ? $" {notNamed.Count} preference{(notNamed.Count == 1 ? "" : "s")} not named." : "")}",
            FamilyWording.PlacementDecided(namedSetting, refused),
            $"{refused.Trim()} When the {(Stage == AssessmentStage.PlanIssued ? "amended" : "final")} plan is issued you can appeal to the First-tier Tribunal (SEND) about the school or college named in section I; an appeal only about section I does not need a mediation certificate (Children and Families Act 2014 s.55).".Trim());
    }

    /// <summary>
    /// The earliest day the plan may cease after the decision to cease it: the day after the family's
    /// time to appeal ends, which is 2 months from the decision or 1 month from a mediation
    /// certificate, whichever is later (Tribunal Procedure Rules r.20; s.55).
    /// </summary>
    public DateOnly? EarliestCeaseOn(DateOnly? mediationCertificateOn)
    {
        if (CeaseDecidedOn is not { } decided)
        {
            return null;
        }

        return RuleSet.AppealBy(decided, mediationCertificateOn).AddDays(1);
    }

    /// <summary>
    /// The plan ceases (s.45). The LA must keep maintaining it until the family's time to appeal the
    /// decision to cease has passed (regs 29–31), or, where they appealed, until the tribunal
    /// dismissed the appeal, when it ceases at once (reg 44(2)(a)). An appeal still waiting for the
    /// tribunal is recorded by not ceasing.
    /// </summary>
    public void CeasePlan(DateOnly ceasedOn, DateOnly? mediationCertificateOn, DateOnly? appealDismissedOn, Actor by, DateTimeOffset now, bool appealPending = false)
    {
        var next = Begin(PathwayAction.CeasePlan, ceasedOn, now, CeaseDecidedOn ?? RequestReceivedOn, "the decision to cease the plan");
        Require(CeaseDecidedOn is not null && CeaseReason is not null, "no-decision-to-cease",
            "The plan can only cease after the council decides to cease it, with the reason, and the family is told their right to appeal (s.45, reg 31).");
        // s.45 and reg 31: while the family's appeal against ceasing is with the tribunal, the plan stays in force.
        Require(!appealPending, "appeal-pending",
            "The family's appeal against the decision to cease is with the tribunal. The plan stays in force until the tribunal decides; record its decision on the appeal.");
        if (appealDismissedOn is { } dismissed)
        {
            Require(dismissed >= CeaseDecidedOn!.Value, "date-before-previous-step", $"The tribunal's decision cannot be before the decision to cease ({UkCalendar.InWords(CeaseDecidedOn!.Value)}).");
            RequireNotBefore(ceasedOn, dismissed, "the tribunal's decision");
        }
        else
        {
            var earliest = EarliestCeaseOn(mediationCertificateOn)!.Value;
            Require(ceasedOn >= earliest, "appeal-window-open",
                $"The family can appeal the decision to cease until {UkCalendar.InWords(earliest.AddDays(-1))}, and the plan stays in force until then. Record the plan ceased on or after {UkCalendar.InWords(earliest)}, or on the day the tribunal dismissed an appeal.");
        }

        PlanCeasedOn = ceasedOn;
        ClosedOn = ceasedOn;
        var reason = CeaseReason!.Value;
        Record(PathwayAction.CeasePlan, next, ceasedOn, by, now,
            $"Plan ceased ({Reviews.CeaseReasonText.Title(reason)}){(appealDismissedOn is { } d ? $" after the tribunal dismissed the appeal on {UkCalendar.InWords(d)}" : "")}.",
            FamilyWording.PlanCeased(ceasedOn),
            null);
    }

    /// <summary>A decision to cease is withdrawn or overturned (reg 44(2)): the plan stays in force and is reviewed as usual.</summary>
    public void KeepPlan(DateOnly decidedOn, string reasons, Actor by, DateTimeOffset now)
    {
        var next = Begin(PathwayAction.KeepPlan, decidedOn, now, CeaseDecidedOn ?? RequestReceivedOn, "the decision to cease the plan");
        Require(CeaseDecidedOn is not null, "no-decision-to-cease", "The plan is not due to cease, so there is nothing to withdraw.");
        Require(!string.IsNullOrWhiteSpace(reasons), "reason-missing", "Enter why the plan is to continue: for example, the tribunal's order or the council's reconsideration.");
        CeaseDecidedOn = null;
        CeaseReason = null;
        Record(PathwayAction.KeepPlan, next, decidedOn, by, now,
            "Decision to cease withdrawn: the plan stays in force.",
            FamilyWording.PlanKept,
            reasons.Trim());
    }

    /// <summary>
    /// s.45 and regs 29–31: the council decides at any time (not only after a review) to cease the plan,
    /// because it is no longer responsible or the plan is no longer necessary, having informed and
    /// consulted the family and the setting first. The plan stays in force until the family's time to
    /// appeal has passed or an appeal is decided (<see cref="CeasePlan"/>).
    /// </summary>
    public AppealRights DecideToCease(DateOnly decidedOn, Reviews.CeaseReason reason, DateOnly familyConsultedOn, DateOnly settingConsultedOn, string reasons,
        Actor by, DateTimeOffset now)
    {
        var next = Begin(PathwayAction.DecideToCease, decidedOn, now, FinalPlanIssuedOn ?? TransferredInOn ?? RequestReceivedOn, "the plan was made");
        Require(CeaseDecidedOn is null, "cease-already-decided", $"The council already decided on {UkCalendar.InWords(CeaseDecidedOn.GetValueOrDefault())} to cease the plan.");
        Require(!string.IsNullOrWhiteSpace(reasons), "reasons-missing", "Enter the reasons for the decision. The family must be told why (reg 31).");
        // Reg 31(1)–(2): the council informs the parent or young person and consults them and the
        // setting before it decides; the consultation cannot postdate the decision.
        Require(familyConsultedOn <= decidedOn && settingConsultedOn <= decidedOn, "consultation-after-decision",
            "The family and the setting must be informed and consulted before the decision (reg 31).");
        RequireNotBefore(familyConsultedOn, FinalPlanIssuedOn ?? TransferredInOn ?? RequestReceivedOn, "the plan was made");
        RequireNotBefore(settingConsultedOn, FinalPlanIssuedOn ?? TransferredInOn ?? RequestReceivedOn, "the plan was made");
        CeaseDecidedOn = decidedOn;
        CeaseReason = reason;
        var rights = AppealRights.For(AppealableDecision.ToCease, decidedOn, RuleSet);
        Record(PathwayAction.DecideToCease, next, decidedOn, by, now,
            $"Decided to cease the plan ({Reviews.CeaseReasonText.Title(reason)}); family consulted {UkCalendar.InWords(familyConsultedOn)}, setting consulted {UkCalendar.InWords(settingConsultedOn)}.",
            FamilyWording.DecidedToCease(decidedOn, rights),
            RightsDetail(reasons, rights));
        return rights;
    }

    /// <summary>
    /// Reg 24(1): the parent or young person, or the setting the child attends, asks for a re-assessment,
    /// or the council thinks one necessary. The council decides and tells the family within 15 days.
    /// </summary>
    public void RequestReassessment(DateOnly receivedOn, string requestedBy, Actor by, DateTimeOffset now)
    {
        var next = Begin(PathwayAction.RequestReassessment, receivedOn, now, FinalPlanIssuedOn ?? TransferredInOn ?? RequestReceivedOn, "the plan was made");
        Require(!ReassessmentOpen, "reassessment-open", $"A re-assessment asked for on {UkCalendar.InWords(ReassessmentRequestedOn.GetValueOrDefault())} has not ended yet.");
        Require(!string.IsNullOrWhiteSpace(requestedBy), "requested-by-missing", "Select who asked for the re-assessment");
        ReassessmentRequestedOn = receivedOn;
        ReassessmentRequestedBy = requestedBy.Trim();
        ReassessDecisionOn = null;
        WillReassess = null;
        ReassessmentConcludedOn = null;
        var decideBy = RuleSet.Rule(StatutoryStep.ReassessmentDecisionBy).DueFrom(receivedOn);
        Record(PathwayAction.RequestReassessment, next, receivedOn, by, now,
            $"Re-assessment asked for by {ReassessmentRequestedBy}; decide by {UkCalendar.InWords(decideBy)}.",
            FamilyWording.ReassessmentRequested(decideBy),
            null);
    }

    /// <summary>Regs 24–25: the council will re-assess; the amended plan or a notice of no change follows within 14 weeks of the request (reg 27).</summary>
    public void DecideToReassess(DateOnly decidedOn, string reasons, Actor by, DateTimeOffset now)
    {
        var next = BeginReassessmentDecision(PathwayAction.DecideToReassess, decidedOn, now);
        ReassessDecisionOn = decidedOn;
        WillReassess = true;
        var outcomeBy = RuleSet.Rule(StatutoryStep.ReassessmentOutcomeBy).DueFrom(ReassessmentRequestedOn!.Value);
        Record(PathwayAction.DecideToReassess, next, decidedOn, by, now,
            $"Decided to re-assess; the amended plan or a notice of no change is due by {UkCalendar.InWords(outcomeBy)}.",
            FamilyWording.DecidedToReassess(outcomeBy),
            Text.NullIfBlank(reasons));
    }

    /// <summary>
    /// Reg 24: the council will not re-assess (it may refuse within 6 months of the last assessment unless
    /// one is necessary, reg 24(2)), with reasons and the family's right to appeal (s.51(2)(d)).
    /// </summary>
    public AppealRights DecideNotToReassess(DateOnly decidedOn, string reasons, Actor by, DateTimeOffset now)
    {
        var next = BeginReassessmentDecision(PathwayAction.DecideNotToReassess, decidedOn, now);
        Require(!string.IsNullOrWhiteSpace(reasons), "reasons-missing", "Enter the reasons for the decision not to re-assess. The family must be told why.");
        ReassessDecisionOn = decidedOn;
        WillReassess = false;
        ReassessmentConcludedOn = decidedOn;
        var rights = AppealRights.For(AppealableDecision.NotToReassess, decidedOn, RuleSet);
        Record(PathwayAction.DecideNotToReassess, next, decidedOn, by, now,
            "Decided not to re-assess; appeal and mediation rights given.",
            FamilyWording.DecidedNotToReassess(rights),
            RightsDetail(reasons, rights));
        return rights;
    }

    /// <summary>Reg 27: after the re-assessment the plan will not change; the family is told why, with their right to appeal (s.51(2)(e)).</summary>
    public AppealRights NotifyNoChangeAfterReassessment(DateOnly decidedOn, string reasons, Actor by, DateTimeOffset now)
    {
        var next = Begin(PathwayAction.NotifyNoChangeAfterReassessment, decidedOn, now, ReassessDecisionOn ?? ReassessmentRequestedOn ?? RequestReceivedOn, "the decision to re-assess");
        Require(ReassessmentOpen && WillReassess == true, "not-reassessing", "The council has not decided to re-assess this plan, so there is no re-assessment to end.");
        Require(!string.IsNullOrWhiteSpace(reasons), "reasons-missing", "Enter why the plan will not change. The family must be told why.");
        ReassessmentConcludedOn = decidedOn;
        var rights = AppealRights.For(AppealableDecision.NotToAmend, decidedOn, RuleSet);
        LatestAppealBy = rights.AppealBy;
        CarryOutOrders(decidedOn, o => IsAssessOrder(o) ? o with { NotIssuingOn = decidedOn } : null);
        Record(PathwayAction.NotifyNoChangeAfterReassessment, next, decidedOn, by, now,
            "Re-assessment ended: the plan will not change; appeal and mediation rights given.",
            FamilyWording.NoChangeAfterReassessment(rights),
            RightsDetail(reasons, rights));
        return rights;
    }

    private AssessmentStage BeginReassessmentDecision(PathwayAction action, DateOnly decidedOn, DateTimeOffset now)
    {
        var next = Begin(action, decidedOn, now, ReassessmentRequestedOn ?? RequestReceivedOn, "the request for re-assessment");
        Require(ReassessmentOpen && ReassessDecisionOn is null, "no-reassessment-request",
            "There is no request for a re-assessment waiting for a decision. Record the request first.");
        return next;
    }

    /// <summary>
    /// The tribunal's order, or the council's notice that it will not oppose an appeal (regs 44–45),
    /// starting the clocks the regulations give from <paramref name="from"/>. An order to assess reopens a
    /// case closed by the refusal to assess, an order to make a plan one closed by the refusal to issue;
    /// an order on the plan in force (amend, name another setting, re-assess) binds it.
    /// </summary>
    public OrderClock RecordTribunalOrder(ClockAnchor anchor, DateOnly from, string what, Actor by, DateTimeOffset now)
    {
        var action = anchor switch
        {
            ClockAnchor.OrderToAssess or ClockAnchor.UnopposedRefusalToAssess when Stage != AssessmentStage.PlanIssued => PathwayAction.AssessUnderOrder,
            ClockAnchor.OrderToMakePlan or ClockAnchor.UnopposedRefusalToIssue => PathwayAction.MakePlanUnderOrder,
            ClockAnchor.OrderToAssess or ClockAnchor.UnopposedRefusalToAssess or ClockAnchor.OrderToAmend or ClockAnchor.OrderToNameSetting
                or ClockAnchor.UnopposedContents or ClockAnchor.UnopposedNameSetting => PathwayAction.RecordOrderOnPlan,
            _ => throw new ArgumentOutOfRangeException(nameof(anchor), anchor, "Not the start of an order's clocks."),
        };
        var next = Begin(action, from, now, ClosedOn ?? RequestReceivedOn, "the decision appealed");
        var order = new OrderClock(anchor, from, what.Trim());
        SetOrders([.. Orders, order]);
        if (action != PathwayAction.RecordOrderOnPlan)
        {
            ClosedOn = null;
        }

        var deadlines = RuleSet.DeadlinesFrom(anchor, from);
        Record(action, next, from, by, now,
            $"{what.Trim()} {string.Join("; ", deadlines.Select(d => $"{d.Title.ToLowerInvariant()} by {UkCalendar.InWords(d.Due)}"))}.",
            FamilyWording.OrderRecorded(what.Trim(), deadlines),
            null);
        return order;
    }

    /// <summary>Reg 44(2)(b), reg 45: the family told, within 2 weeks of the order or notice, that the assessment will be made.</summary>
    public void NotifyAssessmentUnderOrder(DateOnly notifiedOn, Actor by, DateTimeOffset now)
    {
        _ = PathwayTransitions.Next(Stage, PathwayAction.NotifyAssessmentUnderOrder) ?? throw Refusal(PathwayAction.NotifyAssessmentUnderOrder);
        var order = Orders.LastOrDefault(o => o.Anchor is ClockAnchor.OrderToAssess or ClockAnchor.UnopposedRefusalToAssess && o.NotifiedOn is null)
            ?? throw new StepRefusedException("no-order-to-assess", "There is no order to assess or re-assess waiting for this notice.");
        var next = Begin(PathwayAction.NotifyAssessmentUnderOrder, notifiedOn, now, order.From, "the order");
        SetOrders([.. Orders.Select(o => o == order ? o with { NotifiedOn = notifiedOn } : o)]);
        Record(PathwayAction.NotifyAssessmentUnderOrder, next, notifiedOn, by, now,
            "Family told the assessment the tribunal's decision requires will be made.",
            FamilyWording.AssessmentUnderOrderNotified,
            null);
    }

    /// <summary>Marks the step <paramref name="done"/> as done on <paramref name="on"/> for every open order that asks for it and began by then.</summary>
    private void CarryOutOrders(DateOnly on, Func<OrderClock, OrderClock?> done)
    {
        if (Orders.Count == 0)
        {
            return;
        }

        SetOrders([.. Orders.Select(o => o.IsCarriedOut || o.From > on ? o : done(o) ?? o)]);
    }

    private static bool IsAssessOrder(OrderClock o) => o.Anchor is ClockAnchor.OrderToAssess or ClockAnchor.UnopposedRefusalToAssess;

    private static bool IsMakePlanOrder(OrderClock o) => o.Anchor is ClockAnchor.OrderToMakePlan or ClockAnchor.UnopposedRefusalToIssue;

    public PanelRecommendation RecordPanelRecommendation(PanelQuestion question, PanelRecommendationOutcome outcome, DateOnly meetingOn, string notes, Actor by, DateTimeOffset now)
    {
        var next = Begin(PathwayAction.RecordPanelRecommendation, meetingOn, now, RequestReceivedOn, "the date the request was received");
        var expected = Stage == AssessmentStage.RequestReceived ? PanelQuestion.WhetherToAssess : PanelQuestion.WhetherToIssue;
        Require(question == expected, "panel-question-out-of-order", expected == PanelQuestion.WhetherToAssess
            ? "At this stage the panel can only recommend whether to carry out an assessment."
            : "At this stage the panel can only recommend whether to issue an EHC plan.");
        if (question == PanelQuestion.WhetherToIssue)
        {
            RequireNotBefore(meetingOn, AssessDecisionOn!.Value, "the decision to assess");
        }

        var recommendation = new PanelRecommendation(RecordId.New(), LaCode, Id, question, outcome, meetingOn, notes.Trim());
        _panelRecommendations.Add(recommendation);
        var what = (question, outcome) switch
        {
            (PanelQuestion.WhetherToAssess, PanelRecommendationOutcome.Yes) => "carry out an assessment",
            (PanelQuestion.WhetherToAssess, _) => "not carry out an assessment",
            (_, PanelRecommendationOutcome.Yes) => "issue an EHC plan",
            _ => "not issue an EHC plan",
        };
        Record(PathwayAction.RecordPanelRecommendation, next, meetingOn, by, now,
            $"Multi-agency panel recommended the council {what}.",
            FamilyWording.PanelRecommended(meetingOn, what),
            Text.NullIfBlank(notes));
        return recommendation;
    }

    public void DecideToAssess(DateOnly decidedOn, string reasons, Actor by, DateTimeOffset now)
    {
        var next = Begin(PathwayAction.DecideToAssess, decidedOn, now, RequestReceivedOn, "the date the request was received");
        RequirePanelRecommendation(PanelQuestion.WhetherToAssess, decidedOn);
        AssessDecisionOn = decidedOn;
        WillAssess = true;
        Record(PathwayAction.DecideToAssess, next, decidedOn, by, now,
            "Decided to carry out an EHC needs assessment.",
            FamilyWording.DecidedToAssess(Due(StatutoryStep.FinalPlan)),
            Text.NullIfBlank(reasons));
    }

    public AppealRights DecideNotToAssess(DateOnly decidedOn, string reasons, Actor by, DateTimeOffset now)
    {
        var next = Begin(PathwayAction.DecideNotToAssess, decidedOn, now, RequestReceivedOn, "the date the request was received");
        Require(!string.IsNullOrWhiteSpace(reasons), "reasons-missing", "Enter the reasons for the decision not to assess. The family must be told why (reg 5(3)).");
        RequirePanelRecommendation(PanelQuestion.WhetherToAssess, decidedOn);
        AssessDecisionOn = decidedOn;
        WillAssess = false;
        ClosedOn = decidedOn;
        var rights = AppealRights.For(AppealableDecision.NotToAssess, decidedOn, RuleSet);
        Record(PathwayAction.DecideNotToAssess, next, decidedOn, by, now,
            "Decided not to carry out an EHC needs assessment; appeal and mediation rights given.",
            FamilyWording.DecidedNotToAssess(rights),
            RightsDetail(reasons, rights));
        return rights;
    }

    public AdviceRequest RequestAdvice(AdviserKind kind, string adviserName, DateOnly requestedOn, Actor by, DateTimeOffset now, Guid? adviserOrganisationId = null)
    {
        var next = Begin(PathwayAction.RequestAdvice, requestedOn, now, AssessDecisionOn ?? RequestReceivedOn, "the decision to assess");
        Require(!string.IsNullOrWhiteSpace(adviserName), "adviser-missing", "Enter who the advice was requested from.");
        var request = new AdviceRequest(RecordId.New(), LaCode, Id, kind, adviserName.Trim(), adviserOrganisationId, requestedOn);
        _adviceRequests.Add(request);
        var due = RuleSet.Rule(StatutoryStep.AdviceProvided).DueFrom(requestedOn);
        Record(PathwayAction.RequestAdvice, next, requestedOn, by, now,
            $"{kind.Title()} requested from {request.AdviserName}; due by {UkCalendar.InWords(due)}.",
            FamilyWording.AdviceRequested(kind, due),
            null);
        return request;
    }

    public void RecordAdviceReceived(Guid adviceRequestId, DateOnly receivedOn, Actor by, DateTimeOffset now)
    {
        _ = PathwayTransitions.Next(Stage, PathwayAction.RecordAdviceReceived) ?? throw Refusal(PathwayAction.RecordAdviceReceived);
        var request = _adviceRequests.FirstOrDefault(a => a.Id == adviceRequestId)
            ?? throw new StepRefusedException("advice-request-not-found", "That advice request is not part of this case.");
        var next = Begin(PathwayAction.RecordAdviceReceived, receivedOn, now, request.RequestedOn, "the date the advice was requested");
        Require(request.ReceivedOn is null, "advice-already-received",
            $"Advice from {request.AdviserName} was already recorded as received on {UkCalendar.InWords(request.ReceivedOn.GetValueOrDefault())}.");
        request.MarkReceived(receivedOn);
        Record(PathwayAction.RecordAdviceReceived, next, receivedOn, by, now,
            $"{request.Kind.Title()} received from {request.AdviserName}.",
            FamilyWording.AdviceReceived(request.Kind),
            null);
    }

    public void DecideToIssue(DateOnly decidedOn, string reasons, Actor by, DateTimeOffset now)
    {
        var next = Begin(PathwayAction.DecideToIssue, decidedOn, now, AssessDecisionOn ?? RequestReceivedOn, "the decision to assess");
        RequireAdviceSought();
        RequirePanelRecommendation(PanelQuestion.WhetherToIssue, decidedOn);
        IssueDecisionOn = decidedOn;
        WillIssue = true;
        Record(PathwayAction.DecideToIssue, next, decidedOn, by, now,
            "Decided to issue an EHC plan.",
            FamilyWording.DecidedToIssue(Due(StatutoryStep.FinalPlan)),
            Text.NullIfBlank(reasons));
    }

    public AppealRights DecideNotToIssue(DateOnly decidedOn, string reasons, Actor by, DateTimeOffset now)
    {
        var next = Begin(PathwayAction.DecideNotToIssue, decidedOn, now, AssessDecisionOn ?? RequestReceivedOn, "the decision to assess");
        Require(!string.IsNullOrWhiteSpace(reasons), "reasons-missing", "Enter the reasons for the decision not to issue a plan. The family must be told why (reg 10(3)).");
        RequireAdviceSought();
        RequirePanelRecommendation(PanelQuestion.WhetherToIssue, decidedOn);
        IssueDecisionOn = decidedOn;
        WillIssue = false;
        ClosedOn = decidedOn;
        CarryOutOrders(decidedOn, o => IsAssessOrder(o) ? o with { NotIssuingOn = decidedOn } : null);
        var rights = AppealRights.For(AppealableDecision.NotToIssue, decidedOn, RuleSet);
        Record(PathwayAction.DecideNotToIssue, next, decidedOn, by, now,
            "Decided not to issue an EHC plan; appeal and mediation rights given.",
            FamilyWording.DecidedNotToIssue(rights),
            RightsDetail(reasons, rights));
        return rights;
    }

    public void ServeDraftPlan(DateOnly servedOn, Actor by, DateTimeOffset now)
    {
        var next = Begin(PathwayAction.ServeDraftPlan, servedOn, now, DraftServedOn ?? IssueDecisionOn ?? RequestReceivedOn,
            DraftServedOn is null ? "the decision to issue a plan" : "the previous draft");
        DraftsServed++;
        DraftServedOn = servedOn;
        CarryOutOrders(servedOn, o => IsAssessOrder(o) || IsMakePlanOrder(o) ? o with { DraftServedOn = o.DraftServedOn ?? servedOn } : null);
        // A new draft gives the family a new 15 days; earlier "no further comments" was about the old draft.
        FamilyHasNoFurtherComments = false;
        MeetingRequested = false;
        RequestedMeetingHeldOn = null;
        var closes = RepresentationsCloseOn!.Value;
        Record(PathwayAction.ServeDraftPlan, next, servedOn, by, now,
            $"Draft plan {DraftsServed} served; representations close {UkCalendar.InWords(closes)}.",
            FamilyWording.DraftServed(DraftsServed, closes),
            null);
    }

    public void RecordRepresentations(DateOnly receivedOn, string comments, string? requestedSetting, bool meetingRequested, bool noFurtherComments, Actor by, DateTimeOffset now)
    {
        var next = Begin(PathwayAction.RecordRepresentations, receivedOn, now, DraftServedOn ?? RequestReceivedOn, "the date the draft was served");
        Require(!string.IsNullOrWhiteSpace(comments) || noFurtherComments || !string.IsNullOrWhiteSpace(requestedSetting) || meetingRequested,
            "representations-empty", "Enter the family's comments, the setting they asked for, a meeting request, or that they have no further comments.");
        RepresentationsReceivedOn = receivedOn;
        FamilyHasNoFurtherComments = noFurtherComments;
        MeetingRequested = MeetingRequested || meetingRequested;
        if (!string.IsNullOrWhiteSpace(requestedSetting))
        {
            RequestedSetting = requestedSetting.Trim();
        }

        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(comments)) parts.Add("comments on the draft");
        if (!string.IsNullOrWhiteSpace(requestedSetting)) parts.Add($"asked for {requestedSetting.Trim()} to be named");
        if (meetingRequested) parts.Add("asked for a meeting");
        if (noFurtherComments) parts.Add("confirmed no further comments");
        Record(PathwayAction.RecordRepresentations, next, receivedOn, by, now,
            $"Family's representations recorded: {string.Join("; ", parts)}.",
            FamilyWording.Representations(noFurtherComments),
            Text.NullIfBlank(comments));
    }

    /// <summary>
    /// Reg 13(1)(a)(ii): the meeting with an officer the family required about the draft was held.
    /// Not a pathway step (the clocks do not depend on it); audited by the caller.
    /// </summary>
    public void RecordRequestedMeetingHeld(DateOnly heldOn, DateTimeOffset now)
    {
        Require(Stage == AssessmentStage.DraftServed && MeetingRequested, "no-meeting-requested", "The family has not asked for a meeting about the current draft plan.");
        RequireNotInFuture(heldOn, now);
        RequireNotBefore(heldOn, DraftServedOn!.Value, "the date the draft was served");
        RequestedMeetingHeldOn = heldOn;
        Touch(now);
    }

    public AppealRights IssueFinalPlan(DateOnly issuedOn, string? namedSetting, Actor by, DateTimeOffset now)
    {
        var next = Begin(PathwayAction.IssueFinalPlan, issuedOn, now, DraftServedOn ?? RequestReceivedOn, "the date the draft was served");
        // Reg 13(1)(a)(ii): a family may require a meeting about the draft; the plan is not final before it is held.
        Require(!MeetingRequested || RequestedMeetingHeldOn is not null, "requested-meeting-not-held",
            "The family asked for a meeting with an officer about the draft plan (reg 13(1)(a)(ii)). Hold it and record it on the case before issuing the final plan.");
        if (RequestedMeetingHeldOn is { } met)
        {
            RequireNotBefore(issuedOn, met, "the meeting the family asked for");
        }

        var closes = RepresentationsCloseOn!.Value;
        // Reg 13(1)(a): at least 15 days for representations, unless the family has said it has
        // no more to say (then from the day they said so).
        if (FamilyHasNoFurtherComments)
        {
            RequireNotBefore(issuedOn, RepresentationsReceivedOn!.Value, "the day the family confirmed they had no further comments");
        }
        else
        {
            Require(issuedOn > closes, "representation-window-open",
                $"The family has until {UkCalendar.InWords(closes)} to make representations on the draft plan (reg 13(1)(a)). " +
                $"The final plan can be issued from {UkCalendar.InWords(closes.AddDays(1))}, or sooner if the family confirms they have no further comments.");
        }

        FinalPlanIssuedOn = issuedOn;
        NamedSetting = Text.NullIfBlank(namedSetting) ?? RequestedSetting;
        ClosedOn = issuedOn;
        CarryOutOrders(issuedOn, o => IsAssessOrder(o) || IsMakePlanOrder(o) ? o with { FinalPlanOn = issuedOn } : null);
        var rights = AppealRights.For(AppealableDecision.FinalPlanContents, issuedOn, RuleSet);
        LatestAppealBy = rights.AppealBy;
        var deadline = Due(StatutoryStep.FinalPlan);
        Record(PathwayAction.IssueFinalPlan, next, issuedOn, by, now,
            issuedOn <= deadline
                ? $"Final EHC plan issued within 20 weeks{(NamedSetting is null ? "" : $", naming {NamedSetting}")}."
                : $"Final EHC plan issued {issuedOn.DayNumber - deadline.DayNumber} days after the 20-week deadline{(NamedSetting is null ? "" : $", naming {NamedSetting}")}.",
            FamilyWording.FinalPlanIssued(rights, RuleSet.Rule(StatutoryStep.AnnualReview).DueFrom(issuedOn)),
            RightsDetail(null, rights));
        return rights;
    }

    public PathwayException RecordException(
        ExceptionReason reason,
        IReadOnlyCollection<StatutoryStep> steps,
        Guid? adviceRequestId,
        DateOnly from,
        DateOnly to,
        string explanation,
        Actor by,
        DateTimeOffset now)
    {
        var today = UkCalendar.DateOf(now);
        var next = Begin(PathwayAction.RecordException, today, now, RequestReceivedOn, "the date the request was received");
        var rules = RuleSet;
        var ground = rules.Ground(reason);
        Require(steps.Count > 0, "exception-steps-missing", "Select the time limit the exception applies to.");
        Require(to >= from, "exception-dates-out-of-order", "The end date must be the same as or after the start date.");
        Require(!string.IsNullOrWhiteSpace(explanation), "exception-explanation-missing", "Explain why the time limit could not be met.");
        Require(ground.AvailableDuring(from, to), "exception-not-available",
            $"'{ground.Title}' applied only from {UkCalendar.InWords(ground.AvailableFrom.GetValueOrDefault())} to {UkCalendar.InWords(ground.AvailableUntil.GetValueOrDefault())}.");
        if (ground.MinimumContinuousDays is { } minimum)
        {
            var days = to.DayNumber - from.DayNumber + 1;
            Require(days >= minimum, "exception-too-short",
                $"'{ground.Title}' needs a continuous period of at least 4 weeks; {UkCalendar.InWords(from)} to {UkCalendar.InWords(to)} is {days} days.");
        }

        var progress = Deadlines(today);
        var bases = new List<string>();
        foreach (var step in steps.Distinct())
        {
            Require(ground.Excuses(step), "exception-does-not-cover-step",
                $"'{ground.Title}' cannot excuse the time limit to {rules.Rule(step).Title.ToLowerInvariant()}.");
            var deadline = step == StatutoryStep.AdviceProvided
                ? progress.FirstOrDefault(p => p.Deadline.Step == step && p.RelatesTo == adviceRequestId)
                : progress.FirstOrDefault(p => p.Deadline.Step == step);
            Require(deadline is not null, step == StatutoryStep.AdviceProvided ? "advice-request-not-found" : "deadline-not-found",
                step == StatutoryStep.AdviceProvided ? "Select the advice request it affected." : "That time limit does not apply to this case.");
            Require(deadline!.State is not (DeadlineState.Met or DeadlineState.NotNeeded), "deadline-not-breached",
                deadline.State == DeadlineState.Met
                    ? $"The time limit to {deadline.Deadline.Title.ToLowerInvariant()} was met on {UkCalendar.InWords(deadline.CompletedOn.GetValueOrDefault())}; there is nothing to excuse."
                    : $"The time limit to {deadline.Deadline.Title.ToLowerInvariant()} no longer applies to this case.");
            Require(from <= deadline.Deadline.Due, "exception-after-deadline",
                $"The circumstances began after the deadline to {deadline.Deadline.Title.ToLowerInvariant()} ({UkCalendar.InWords(deadline.Deadline.Due)}), so they cannot explain missing it.");
            bases.Add(ground.BasisByStep[step]);
        }

        if (reason is ExceptionReason.SchoolOrCollegeClosure or ExceptionReason.EarlyYearsProviderClosure)
        {
            // Regs 5(4)(a)–(b), 10(4)(a)–(b): only where advice was requested from the setting in the
            // period from one week before it closed to one week before it reopened. For the 6-week
            // decision the head teacher is asked while the request is considered, before any advice
            // request under reg 6 exists: the request stage must then fall in that period.
            var windowStart = from.AddDays(-7);
            var windowEnd = to.AddDays(1).AddDays(-7);
            var askedInWindow = _adviceRequests.Any(a => a.Kind == AdviserKind.Educational && a.RequestedOn >= windowStart && a.RequestedOn <= windowEnd);
            var onlyTheDecisionToAssess = steps.All(s => s == StatutoryStep.DecisionToAssess);
            var consideredUntil = AssessDecisionOn ?? Due(StatutoryStep.DecisionToAssess);
            var consideredInWindow = onlyTheDecisionToAssess && RequestReceivedOn <= windowEnd && consideredUntil >= windowStart;
            Require(askedInWindow || consideredInWindow,
                "closure-advice-not-in-window",
                onlyTheDecisionToAssess
                    ? $"This exception applies only when the setting was asked for advice between {UkCalendar.InWords(windowStart)} and {UkCalendar.InWords(windowEnd)} (one week before the closure to one week before reopening), and the request was being considered from {UkCalendar.InWords(RequestReceivedOn)} to {UkCalendar.InWords(consideredUntil)}: the two do not overlap."
                    : $"This exception applies only when educational advice was requested between {UkCalendar.InWords(windowStart)} and {UkCalendar.InWords(windowEnd)} (one week before the closure to one week before reopening). No educational advice was requested in that period.");
        }

        if (steps.Contains(StatutoryStep.AdviceProvided))
        {
            Require(adviceRequestId is not null && _adviceRequests.Any(a => a.Id == adviceRequestId),
                "advice-request-not-found", "Select the advice request it affected.");
        }

        var exception = new PathwayException(RecordId.New(), LaCode, Id, reason, steps.Distinct().ToList(), adviceRequestId, from, to,
            explanation.Trim(), string.Join("; ", bases), today, by.DisplayName);
        _exceptions.Add(exception);
        Record(PathwayAction.RecordException, next, today, by, now,
            $"Exception recorded: {ground.Title} ({UkCalendar.InWords(from)} to {UkCalendar.InWords(to)}), {exception.Basis}.",
            FamilyWording.ExceptionRecorded(ground.Title),
            explanation.Trim());
        return exception;
    }

    public void Withdraw(DateOnly withdrawnOn, string reason, Actor by, DateTimeOffset now)
    {
        var next = Begin(PathwayAction.Withdraw, withdrawnOn, now, LatestStepOn, "the last step recorded");
        Require(!string.IsNullOrWhiteSpace(reason), "reason-missing", "Enter why the request was withdrawn.");
        ClosedOn = withdrawnOn;
        Record(PathwayAction.Withdraw, next, withdrawnOn, by, now,
            "Request withdrawn.",
            FamilyWording.Withdrawn,
            reason.Trim());
    }

    public void TransferOut(DateOnly transferredOn, string receivingLaCode, string receivingLaName, Actor by, DateTimeOffset now)
    {
        var next = Begin(PathwayAction.TransferOut, transferredOn, now, LatestStepOn, "the last step recorded");
        Require(!string.IsNullOrWhiteSpace(receivingLaCode) && receivingLaCode != LaCode, "transfer-same-la",
            "Choose the council the child has moved to; it must be a different council.");
        TransferredToLaCode = receivingLaCode;
        ClosedOn = transferredOn;
        Record(PathwayAction.TransferOut, next, transferredOn, by, now,
            $"Transferred to {receivingLaName} ({receivingLaCode}).",
            FamilyWording.TransferredOut(receivingLaName),
            null);
    }

    /// <summary>What the request arrived without, that the LA asks the requester for (never a reason not to record it, s.36(1)).</summary>
    public IReadOnlyList<string> StillNeededFromRequester =>
        [
            .. string.IsNullOrWhiteSpace(ReasonForRequest) ? ["the reasons for the request"] : Array.Empty<string>(),
            .. ConsentToShare ? Array.Empty<string>() : ["agreement to share the request with the professionals asked for advice"],
        ];

    /// <summary>
    /// What the requester sent later: the reasons for the request, or their agreement to share it.
    /// Not a statutory step (the clock started on receipt); audited by the caller.
    /// </summary>
    public void CompleteRequest(string? reasonForRequest, bool consentToShare, DateTimeOffset now)
    {
        var reason = Text.NullIfBlank(reasonForRequest);
        Require(reason is not null || consentToShare, "nothing-to-complete",
            "Enter the reasons for the request or confirm the requester's agreement to share it.");
        Require(reason is null || string.IsNullOrWhiteSpace(ReasonForRequest), "reason-already-given",
            "The request already has its reasons. Add anything new as a document on the case.");
        ReasonForRequest = reason ?? ReasonForRequest;
        ConsentToShare |= consentToShare;
        Touch(now);
    }

    /// <summary>
    /// The LA names (or changes) the case's caseworker, a member of its own staff; the reason for a
    /// change is kept in the audit record by the caller. Not a statutory step: no clock moves.
    /// </summary>
    public void AssignCaseworker(Guid personId, string name, string email, DateTimeOffset now)
    {
        Require(AnonymisedAt is null, "case-anonymised", "This record has been anonymised, so no caseworker can be named on it.");
        Require(CaseworkerPersonId != personId, "caseworker-unchanged", $"{name} is already the caseworker for this case.");
        CaseworkerPersonId = personId;
        CaseworkerName = name.Trim();
        CaseworkerEmail = email.Trim();
        Touch(now);
    }

    /// <summary>The first day the decisions are the young person's (s.83(2)): the day after their school leaving date.</summary>
    public DateOnly YoungPersonFrom => YoungPersonRights.From(Child.DateOfBirth);

    public bool IsYoungPerson(DateOnly today) => today >= YoungPersonFrom;

    /// <summary>
    /// Set when the council records that the young person lacks capacity to make the decisions and
    /// who acts for them (s.80); the parent's say then continues through that representative.
    /// </summary>
    public CapacityRecord? LacksCapacity { get; private set; }

    /// <summary>
    /// The council records, from an assessment under the Mental Capacity Act 2005, that the young
    /// person cannot make the decisions about their plan, and who will act for them (s.80). Capacity
    /// is presumed (MCA s.1(2)), so a reason is required.
    /// </summary>
    public void RecordLacksCapacity(string? actingForThem, string? reasons, DateOnly assessedOn, string recordedBy, DateTimeOffset now)
    {
        Require(AnonymisedAt is null, "case-anonymised", "This record has been anonymised.");
        var today = UkCalendar.DateOf(now);
        Require(IsYoungPerson(today), "not-yet-a-young-person",
            $"{Child.GivenName} is not a young person until {UkCalendar.InWords(YoungPersonFrom)}; until then their parent makes the decisions.");
        Require(!string.IsNullOrWhiteSpace(actingForThem), "capacity-representative-missing", "Enter who will act for the young person (their deputy, attorney or parent)");
        Require(!string.IsNullOrWhiteSpace(reasons), "capacity-reasons-missing", "Say why the young person cannot make these decisions, from the capacity assessment");
        Require(reasons!.Trim().Length <= CapacityRecord.ReasonsLimit, "capacity-reasons-too-long", $"The reasons must be {CapacityRecord.ReasonsLimit:N0} characters or fewer");
        Require(assessedOn <= today, "date-in-future", $"The date of the assessment cannot be in the future. Today is {UkCalendar.InWords(today)}.");
        LacksCapacity = new CapacityRecord(actingForThem!.Trim(), reasons.Trim(), assessedOn, recordedBy);
        Touch(now);
    }

    /// <summary>How the family wants to hear from the council beside email (none recorded: email only).</summary>
    public ContactPreferences? Contact { get; private set; }

    /// <summary>The council or the family records how the family wants to hear from the council (not a statutory step; audited by the caller).</summary>
    public void RecordContactPreferences(ContactPreferences preferences, DateTimeOffset now)
    {
        Require(AnonymisedAt is null, "case-anonymised", "This record has been anonymised.");
        var kept = preferences.Validated();
        Contact = kept.IsEmpty ? null : kept;
        Touch(now);
    }

    /// <summary>The day the young person ended their parents' access to the record (null while parents keep it).</summary>
    public DateOnly? ParentAccessEndedOn { get; private set; }

    /// <summary>A parent made the request and the young person has since ended their parents' access: the requester hears nothing more (s.83(2)).</summary>
    public bool RequesterAccessEnded => Requester.Kind == RequesterKind.Parent && ParentAccessEndedOn is not null;

    /// <summary>
    /// The young person's choice of whether their parents still see the record (s.83(2)). Ending it
    /// also retires the tracking link a parent made the request with, so nothing reaches the parent
    /// by that way either; the caller revokes the parents' account links.
    /// </summary>
    public void RecordParentAccessChoice(bool parentsKeepAccess, string newTrackingTokenHash, DateTimeOffset now)
    {
        var today = UkCalendar.DateOf(now);
        Require(IsYoungPerson(today), "not-yet-a-young-person",
            $"The parent makes the decisions until {UkCalendar.InWords(YoungPersonFrom)}. From then, the young person chooses who sees the record.");
        Require(LacksCapacity is null, "young-person-represented",
            $"The council has recorded that {LacksCapacity?.ActingForThem} makes these decisions with the young person.");
        if (parentsKeepAccess)
        {
            ParentAccessEndedOn = null;
        }
        else
        {
            ParentAccessEndedOn = today;
            if (RequesterAccessEnded)
            {
                TrackingTokenHash = newTrackingTokenHash;
            }
        }

        Touch(now);
    }

    /// <summary>The young person has (regained) capacity to decide: the record is withdrawn and the decisions are theirs (MCA s.1(2)).</summary>
    public void WithdrawLacksCapacity(DateTimeOffset now)
    {
        Require(LacksCapacity is not null, "capacity-not-recorded", "No lack of capacity is recorded for this young person.");
        LacksCapacity = null;
        Touch(now);
    }

    /// <summary>The LA records the child's details for the SEN2 return (not a statutory step; audited by the caller).</summary>
    public void RecordChildDetails(Returns.ChildDetails details, DateTimeOffset now)
    {
        ChildDetails = details.Validated();
        Touch(now);
    }

    /// <summary>
    /// Removes what identifies the child and family once the record has been kept as long as the
    /// retention policy says, keeping the dates and outcomes that statistics need: the child's
    /// birth year, the stages, deadlines and their legal bases. The tracking link stops working.
    /// </summary>
    public void Anonymise(DateTimeOffset now, string newTrackingTokenHash)
    {
        if (AnonymisedAt is not null)
        {
            return;
        }

        const string removed = "Removed under the retention policy";
        Child = new Child("Removed", "Removed", new DateOnly(Child.DateOfBirth.Year, 7, 1));
        // Sex and ethnicity stay for statistics; what identifies the child goes.
        ChildDetails = ChildDetails with { Postcode = null, Upn = null, Uln = null };
        Requester = new Requester(Requester.Kind, "Removed", string.Empty, null, null);
        ReasonForRequest = removed;
        LacksCapacity = null;
        Contact = null;
        TrackingTokenHash = newTrackingTokenHash;
        foreach (var entry in _timeline)
        {
            entry.Anonymise();
        }

        foreach (var exception in _exceptions)
        {
            exception.Anonymise(removed);
        }

        foreach (var recommendation in _panelRecommendations)
        {
            recommendation.Anonymise();
        }

        AnonymisedAt = now;
        Touch(now);
    }

    /// <summary>Where each statutory deadline on this case stands on <paramref name="today"/>.</summary>
    public IReadOnlyList<DeadlineProgress> Deadlines(DateOnly today) => PathwayClocks.Evaluate(ClockFacts, today);

    /// <summary>What the clocks depend on (<see cref="PathwayClocks"/>).</summary>
    public PathwayFacts ClockFacts => new(
        RuleSetId, Stage, RequestReceivedOn, AssessDecisionOn, WillAssess, IssueDecisionOn, WillIssue, FinalPlanIssuedOn,
        _adviceRequests.Select(a => new AdviceClockFacts(a.Id, a.RequestedOn, a.ReceivedOn)).ToList(),
        _exceptions.Select(e => new ExceptionClockFacts(e.Steps, e.AdviceRequestId, e.Basis)).ToList(),
        TransferredInOn is { } transferredOn ? new TransferClockFacts(transferredOn, FinalPlanIssuedOn!.Value, PlanLastReviewedOn, TransferNoticeOn) : null,
        Orders,
        ReassessmentRequestedOn is { } asked ? new ReassessmentClockFacts(asked, ReassessDecisionOn, WillReassess, ReassessmentConcludedOn) : null);

    /// <summary>The due date of a pathway deadline counted from the clock start.</summary>
    public DateOnly Due(StatutoryStep step) => RuleSet.Rule(step).DueFrom(RequestReceivedOn);

    private DateOnly LatestStepOn => _timeline.Count == 0 ? RequestReceivedOn : _timeline.Max(e => e.OccurredOn);

    private AssessmentStage Begin(PathwayAction action, DateOnly on, DateTimeOffset now, DateOnly notBefore, string notBeforeLabel)
    {
        var next = PathwayTransitions.Next(Stage, action) ?? throw Refusal(action);
        RequireNotInFuture(on, now);
        RequireNotBefore(on, notBefore, notBeforeLabel);
        return next;
    }

    private static void RequireNotInFuture(DateOnly on, DateTimeOffset now)
    {
        var today = UkCalendar.DateOf(now);
        Require(on <= today, "date-in-future", $"The date cannot be in the future. Today is {UkCalendar.InWords(today)}.");
    }

    /// <summary>Every change moves the version, so a form filled from an older one is refused (lost updates).</summary>
    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }

    private void Record(PathwayAction action, AssessmentStage next, DateOnly on, Actor by, DateTimeOffset now, string summary, string familySummary, string? detail)
    {
        Stage = next;
        _timeline.Add(new PathwayEvent(RecordId.New(), LaCode, Id, action, on, now, by, RuleSet.BasisFor(action), summary, familySummary, detail));
        Touch(now);
        var nextOpen = Deadlines(RequestReceivedOn).Where(d => d.IsOpen).MinBy(d => d.Deadline.Due);
        NextDeadlineOn = nextOpen?.Deadline.Due;
        NextDeadlineStep = nextOpen?.Deadline.Step;
    }

    private StepRefusedException Refusal(PathwayAction action)
    {
        var closedOn = UkCalendar.InWords(ClosedOn.GetValueOrDefault());
        return Stage switch
        {
            AssessmentStage.Withdrawn => new StepRefusedException("case-withdrawn",
                $"This request was withdrawn on {closedOn}. Nothing more can be recorded on it; a new request starts a new case."),
            AssessmentStage.TransferredOut => new StepRefusedException("case-transferred",
                $"This case moved to another council ({TransferredToLaCode}) on {closedOn}. Nothing more can be recorded here."),
            AssessmentStage.NotAssessing => new StepRefusedException("decided-not-to-assess",
                $"The council decided not to assess on {closedOn}, so {action.AsSubject().ToLowerInvariant()} cannot be recorded. If the decision changes on appeal, record the tribunal's order; a new request starts a new case."),
            AssessmentStage.NotIssuing => new StepRefusedException("decided-not-to-issue",
                $"The council decided not to issue a plan on {closedOn}, so {action.AsSubject().ToLowerInvariant()} cannot be recorded."),
            AssessmentStage.PlanCeased => new StepRefusedException("plan-ceased",
                $"The plan ceased on {closedOn}. Nothing more can be recorded on it; a new request starts a new case."),
            AssessmentStage.PlanIssued => new StepRefusedException("plan-issued",
                $"The final plan was issued on {closedOn} and the assessment is complete. Changes to the plan are made through a review or an amendment."),
            _ => action switch
            {
                PathwayAction.IssueFinalPlan => new StepRefusedException("draft-not-served",
                    "A draft plan must be served, and the family given at least 15 days to comment, before the final plan is issued (reg 13(1))."),
                PathwayAction.ServeDraftPlan => new StepRefusedException("no-decision-to-issue",
                    "The council must decide to issue a plan before a draft can be served."),
                PathwayAction.DecideToIssue or PathwayAction.DecideNotToIssue or PathwayAction.RequestAdvice or PathwayAction.RecordAdviceReceived
                    when Stage == AssessmentStage.RequestReceived => new StepRefusedException("no-decision-to-assess",
                    "The council must first decide to carry out an assessment (reg 5(1))."),
                PathwayAction.DecideToAssess or PathwayAction.DecideNotToAssess => new StepRefusedException("assessment-decision-made",
                    $"The decision whether to assess was already recorded on {UkCalendar.InWords(AssessDecisionOn.GetValueOrDefault())}."),
                PathwayAction.DecideToIssue or PathwayAction.DecideNotToIssue => new StepRefusedException("issue-decision-made",
                    $"The decision whether to issue a plan was already recorded on {UkCalendar.InWords(IssueDecisionOn.GetValueOrDefault())}."),
                _ => new StepRefusedException("step-not-allowed",
                    $"{action.AsSubject()} cannot be recorded while the case is at '{Stage.Title()}'."),
            },
        };
    }

    private void RequirePanelRecommendation(PanelQuestion question, DateOnly decidedOn)
    {
        if (!RuleSet.Policy.PanelRecommendationRequired)
        {
            return;
        }

        var what = question == PanelQuestion.WhetherToAssess ? "whether to assess" : "whether to issue a plan";
        var recommendation = _panelRecommendations.Where(p => p.Question == question).MaxBy(p => p.MeetingOn);
        Require(recommendation is not null, "panel-recommendation-required",
            $"Under the {RuleSet.Name}, the multi-agency panel's recommendation on {what} must be recorded before the council decides (green paper 2022 ch.2 paras 12–13).");
        RequireNotBefore(decidedOn, recommendation!.MeetingOn, "the panel's recommendation");
    }

    private void RequireAdviceSought() =>
        Require(_adviceRequests.Count > 0, "no-advice-sought",
            "Advice must be sought before deciding whether to issue a plan (reg 6(1)). Record the advice requests first.");

    private static void RequireNotBefore(DateOnly on, DateOnly notBefore, string label) =>
        Require(on >= notBefore, "date-before-previous-step", $"The date cannot be before {label} ({UkCalendar.InWords(notBefore)}).");

    private static string RightsDetail(string? reasons, AppealRights rights)
    {
        var lines = new List<string>();
        if (!string.IsNullOrWhiteSpace(reasons))
        {
            lines.Add($"Reasons: {reasons.Trim()}");
        }

        lines.Add($"Appeal and mediation rights given ({rights.Basis}):");
        lines.AddRange(rights.Points.Select(p => $"- {p}"));
        return string.Join('\n', lines);
    }
}
