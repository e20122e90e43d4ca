using System.Linq.Expressions;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Common;
using OpenSend.Domain.Plans;
using OpenSend.Domain.Timescales;
using static OpenSend.Domain.Common.Refusal;

namespace OpenSend.Domain.Reviews;

/// <summary>Where a review of a plan in force is (s.44; SEND Regulations 2014 regs 18–22).</summary>
public enum ReviewStage
{
    /// <summary>Due; no meeting arranged yet.</summary>
    Due,

    /// <summary>The meeting date is set and invitations are out (reg 20(3)).</summary>
    MeetingArranged,

    /// <summary>The meeting has been held; the report is to follow (reg 20(7)).</summary>
    MeetingHeld,

    /// <summary>The setting's report is with the LA, which must decide (reg 20(10)).</summary>
    ReportSubmitted,

    /// <summary>The LA decided to amend: proposed amendments and an amended final plan to follow (reg 22).</summary>
    Amending,

    /// <summary>Decided and, for an amendment, the amended plan issued.</summary>
    Completed,

    /// <summary>
    /// Ended unfinished because the plan stopped being the council's to review: it ceased, or the
    /// child moved to another council, which maintains and reviews the plan from the transfer (the
    /// duty to review, s.44, is the maintaining council's; transfers, reg 15). Nothing more is due.
    /// </summary>
    Ended,
}

public enum ReviewDecision
{
    /// <summary>Keep the plan as it is (reg 20(10)(a)).</summary>
    Maintain,

    /// <summary>Amend the plan (s.44(4), reg 22).</summary>
    Amend,

    /// <summary>Cease to maintain the plan (s.45, regs 29–31).</summary>
    Cease,
}

public enum OutcomeProgress
{
    Achieved,
    OnTrack,
    NotOnTrack,
}

/// <summary>SEN2's reasons a plan ceased (the DfE's codes 1–9).</summary>
public enum CeaseReason
{
    ReachedMaximumAge = 1,
    NeedsMetWithoutPlan = 2,
    MovedToHigherEducation = 3,
    PaidEmployment = 4,
    TransferredToAnotherLa = 5,
    NoLongerWishesToEngage = 6,
    MovedOutsideEngland = 7,
    Died = 8,
    Other = 9,
}

public static class CeaseReasonText
{
    public static string Title(this CeaseReason reason) => reason switch
    {
        CeaseReason.ReachedMaximumAge => "Reached the maximum age",
        CeaseReason.NeedsMetWithoutPlan => "Needs met without an EHC plan",
        CeaseReason.MovedToHigherEducation => "Moved on to higher education",
        CeaseReason.PaidEmployment => "Moved into paid employment",
        CeaseReason.TransferredToAnotherLa => "Moved to another English local authority",
        CeaseReason.NoLongerWishesToEngage => "The young person no longer wishes to engage",
        CeaseReason.MovedOutsideEngland => "Moved outside England",
        CeaseReason.Died => "Died",
        _ => "Other",
    };
}

/// <summary>Progress towards one outcome of the plan since the last review, with its evidence.</summary>
public sealed record OutcomeProgressEntry(Guid OutcomeId, string Outcome, OutcomeProgress Progress, string Evidence);

/// <summary>A change the review recommends to one section of the plan.</summary>
public sealed record RecommendedChange(PlanSection Section, string Change);

/// <summary>
/// The written report of the review meeting (reg 20(7)): the views of the child or young person
/// and of the family, progress against each outcome in the plan, recommended changes, and the
/// green paper's recorded consideration of stepping down to SEN support and of ceasing the plan.
/// </summary>
public sealed record ReviewReport(
    string? ChildViews,
    string? FamilyViews,
    IReadOnlyList<OutcomeProgressEntry> Progress,
    IReadOnlyList<RecommendedChange> Changes,
    bool StepDownRecommended,
    string StepDownReasons,
    bool CeaseRecommended,
    string CeaseReasons);

/// <summary>
/// One review of a plan in force, from its due date to the LA's decision and, for an amendment,
/// the amended plan. Its stage changes only through the named methods below, each checked against
/// <see cref="ReviewTransitions"/>; every date it holds starts or stops one of the review's clocks
/// (<see cref="Deadlines"/>).
/// </summary>
public sealed class AnnualReview
{
    private AnnualReview()
    {
        LaCode = RuleSetId = DecisionReasons = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>The LA maintaining the plan (tenant key).</summary>
    public string LaCode { get; private set; }

    /// <summary>The case the plan belongs to.</summary>
    public Guid AssessmentId { get; private set; }

    /// <summary>The rule set of the case (its clocks for life).</summary>
    public string RuleSetId { get; private set; }

    /// <summary>The setting that leads the review (the SENCO's "my reviews"), if one does.</summary>
    public Guid? SettingOrganisationId { get; private set; }

    /// <summary>The day the review must be held by (s.44(1), or reg 15(5) after a transfer).</summary>
    public DateOnly DueBy { get; private set; }

    /// <summary>
    /// For a child under 5, the day the Code of Practice recommends the review by (9.178: every 3 to 6
    /// months, the LA's interval). Guidance, not law: see <see cref="RecommendedReviewOverdue"/>.
    /// </summary>
    public DateOnly? RecommendedBy { get; private set; }

    /// <summary>The council agreed to hold this review early, when the family or setting asked (<see cref="EarlyReviewRequest"/>).</summary>
    public bool BroughtForward { get; private set; }

    public PhaseTransferKind? PhaseTransfer { get; private set; }

    /// <summary>Reg 18's date for the plan to be reviewed and amended before the phase transfer.</summary>
    public DateOnly? PhaseTransferDueBy { get; private set; }

    /// <summary>The day the child or young person moves to the next setting.</summary>
    public DateOnly? PhaseTransferOn { get; private set; }

    public ReviewStage Stage { get; private set; }

    public DateOnly? MeetingOn { get; private set; }

    public DateOnly? InvitationsSentOn { get; private set; }

    public DateOnly? PapersCirculatedOn { get; private set; }

    public DateOnly? MeetingHeldOn { get; private set; }

    public DateOnly? ReportSentOn { get; private set; }

    public ReviewReport? Report { get; private set; }

    public DateOnly? DecidedOn { get; private set; }

    public ReviewDecision? Decision { get; private set; }

    public string DecisionReasons { get; private set; }

    public CeaseReason? CeaseReason { get; private set; }

    /// <summary>The proposed amendments sent to the family (reg 22(2)): the amended draft's date.</summary>
    public DateOnly? AmendmentNoticeOn { get; private set; }

    /// <summary>The amended final plan (reg 22(3)).</summary>
    public DateOnly? AmendedPlanIssuedOn { get; private set; }

    /// <summary>Having sent the proposed amendments, the council decided not to amend (reg 22(4)).</summary>
    public DateOnly? NotAmendedOn { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Optimistic concurrency.</summary>
    public int Version { get; private set; }

    public StatutoryRuleSet RuleSet => RuleSetCatalogue.Get(RuleSetId);

    /// <summary>
    /// A review still running: neither decided (and amended) nor ended with its plan. One definition
    /// for queries (translated to SQL, and matched by the deadline sweep's partial index) and for
    /// a review in hand.
    /// </summary>
    public static readonly Expression<Func<AnnualReview, bool>> Open = r => r.Stage != ReviewStage.Completed && r.Stage != ReviewStage.Ended;

    private static readonly Func<AnnualReview, bool> IsOpenNow = Open.Compile();

    public bool IsOpen => IsOpenNow(this);

    /// <summary>A review falls due: when the plan was made or last reviewed says when (<see cref="ReviewSchedule"/>).</summary>
    public static AnnualReview Schedule(Guid assessmentId, string laCode, StatutoryRuleSet rules, DateOnly dueBy, UpcomingPhaseTransfer? phaseTransfer, Guid? settingOrganisationId, DateTimeOffset now,
        DateOnly? recommendedBy = null) => new()
        {
            RecommendedBy = recommendedBy < dueBy ? recommendedBy : null,
            Id = RecordId.New(),
            AssessmentId = assessmentId,
            LaCode = laCode,
            RuleSetId = rules.Id,
            DueBy = phaseTransfer is { } transfer && transfer.Deadline.Due < dueBy ? transfer.Deadline.Due : dueBy,
            PhaseTransfer = phaseTransfer?.Kind,
            PhaseTransferDueBy = phaseTransfer?.Deadline.Due,
            PhaseTransferOn = phaseTransfer?.TransferOn,
            SettingOrganisationId = settingOrganisationId,
            Stage = ReviewStage.Due,
            CreatedAt = now,
            UpdatedAt = now,
        };

    /// <summary>Reg 20(3): the meeting is set and everyone invited, at least 2 weeks before it.</summary>
    public void ArrangeMeeting(DateOnly meetingOn, DateOnly invitationsSentOn, DateTimeOffset now)
    {
        Begin(ReviewAction.ArrangeMeeting, invitationsSentOn, now);
        Require(meetingOn >= invitationsSentOn, "meeting-before-invitations", "The meeting cannot be before the invitations were sent.");
        MeetingOn = meetingOn;
        InvitationsSentOn = invitationsSentOn;
        Move(ReviewAction.ArrangeMeeting, now);
    }

    /// <summary>
    /// Reg 18(2): a young person is to move from one post-16 institution to another at a time other
    /// than the usual phase transfers; the plan must be reviewed and amended at least 5 months
    /// before the move, which brings the review forward if it was due later.
    /// </summary>
    public void ProposePost16Transfer(DateOnly transferOn, DateTimeOffset now)
    {
        Begin(ReviewAction.ProposePost16Transfer, UkCalendar.DateOf(now), now);
        Require(transferOn > UkCalendar.DateOf(now), "transfer-not-ahead", "Enter the date the young person is to start at the new college or institution; it must be in the future.");
        Require(PhaseTransfer is null or PhaseTransferKind.Post16ToPost16, "phase-transfer-already",
            "This review already covers a transfer between phases of education; a move between post-16 institutions is recorded on the review after it.");
        var due = RuleSet.PhaseTransferDeadline(PhaseTransferKind.Post16ToPost16, transferOn).Due;
        PhaseTransfer = PhaseTransferKind.Post16ToPost16;
        PhaseTransferOn = transferOn;
        PhaseTransferDueBy = due;
        if (MeetingHeldOn is null && due < DueBy)
        {
            DueBy = due;
        }

        Move(ReviewAction.ProposePost16Transfer, now);
    }

    /// <summary>
    /// The council agreed to review the plan early (s.44(1) sets only the longest gap: a plan may be
    /// reviewed at any time), so the review due is to be held by <paramref name="dueBy"/>. Only
    /// before its meeting is arranged; the clocks then run from the new date.
    /// </summary>
    public void BringForward(DateOnly dueBy, DateTimeOffset now)
    {
        Begin(ReviewAction.BringForward, UkCalendar.DateOf(now), now);
        var today = UkCalendar.DateOf(now);
        Require(dueBy >= today, "early-review-date-passed", "Enter the date the early review will be held by; it cannot be in the past.");
        Require(dueBy < DueBy, "early-review-not-earlier", $"The review is already due by {UkCalendar.InWords(DueBy)}. Enter an earlier date, or refuse with your reasons.");
        DueBy = dueBy;
        BroughtForward = true;
        Move(ReviewAction.BringForward, now);
    }

    /// <summary>
    /// Reg 20(3): advice and information for the review, and the views of the child and family
    /// (s.19), are gathered between the invitations and the meeting. Taking one does not change
    /// the review's stage or version, so a family and a school giving theirs at once both succeed.
    /// </summary>
    public ReviewContribution Contribute(ReviewContributorKind kind, Guid? personId, string authorName, Guid? organisationId, string? organisationName,
        string? childViews, string text, DateTimeOffset now)
    {
        if (!ReviewTransitions.IsAllowed(Stage, ReviewAction.Contribute))
        {
            throw new StepRefusedException("review-not-collecting", Stage == ReviewStage.Due
                ? "The review meeting has not been arranged yet. Advice and views are collected once the invitations are sent."
                : $"The review meeting was held on {UkCalendar.InWords(MeetingHeldOn.GetValueOrDefault())}, so advice and views for it can no longer be added. Contact the school or the council.");
        }

        Require(!string.IsNullOrWhiteSpace(text), "contribution-text", kind == ReviewContributorKind.Family
            ? "Enter your views for the review."
            : "Enter your advice and information for the review.");
        Require(text.Length <= ReviewContribution.MaxLength && (childViews?.Length ?? 0) <= ReviewContribution.MaxLength, "contribution-too-long",
            $"Keep each answer to {ReviewContribution.MaxLength:N0} characters or fewer; attach a longer report to the case instead.");
        return new ReviewContribution(RecordId.New(), LaCode, Id, AssessmentId, kind, personId, authorName, organisationId, organisationName,
            Text.NullIfBlank(childViews), text.Trim(), UkCalendar.DateOf(now), now);
    }

    /// <summary>Reg 20(4): the advice and information gathered for the review go out at least 2 weeks before the meeting.</summary>
    public void RecordPapersCirculated(DateOnly on, DateTimeOffset now)
    {
        Begin(ReviewAction.CirculatePapers, on, now);
        RequireNotBefore(on, InvitationsSentOn!.Value, "the invitations");
        PapersCirculatedOn = on;
        Move(ReviewAction.CirculatePapers, now);
    }

    public void RecordMeetingHeld(DateOnly heldOn, DateTimeOffset now)
    {
        Begin(ReviewAction.HoldMeeting, heldOn, now);
        RequireNotBefore(heldOn, InvitationsSentOn!.Value, "the invitations");
        MeetingHeldOn = heldOn;
        Move(ReviewAction.HoldMeeting, now);
    }

    /// <summary>Reg 20(7): the written report, within 2 weeks of the meeting, with progress against every outcome in the plan.</summary>
    public void SubmitReport(DateOnly sentOn, ReviewReport report, PlanContent plan, DateTimeOffset now)
    {
        Begin(ReviewAction.SubmitReport, sentOn, now);
        RequireNotBefore(sentOn, MeetingHeldOn!.Value, "the meeting");
        var missing = plan.Outcomes.Where(o => report.Progress.All(p => p.OutcomeId != o.Id)).ToList();
        Require(missing.Count == 0, "progress-missing",
            $"Record progress against every outcome in the plan; missing: {string.Join("; ", missing.Select(o => o.Description))}.");
        Require(report.Progress.All(p => !string.IsNullOrWhiteSpace(p.Evidence)), "progress-evidence",
            "Give the evidence for the progress recorded against each outcome.");
        // The green paper (ch.2) asks every review to consider stepping down to SEN support and ceasing, with reasons.
        Require(!string.IsNullOrWhiteSpace(report.StepDownReasons), "step-down-reasons",
            "Record whether stepping down to SEN support was considered, and why it is or is not recommended.");
        Require(!string.IsNullOrWhiteSpace(report.CeaseReasons), "cease-reasons",
            "Record whether ceasing the plan was considered, and why it is or is not recommended.");
        Report = report;
        ReportSentOn = sentOn;
        Move(ReviewAction.SubmitReport, now);
    }

    /// <summary>
    /// Reg 20(10): the LA decides to maintain, amend or cease, within 4 weeks of the meeting, and
    /// tells the family with their rights of appeal and to mediation. The decision cannot come before
    /// the meeting it follows. To cease, a SEN2 cease reason is recorded; the plan stays in force while
    /// an appeal is possible (s.45, reg 31).
    /// </summary>
    public AppealRights? Decide(DateOnly decidedOn, ReviewDecision decision, string reasons, CeaseReason? ceaseReason, DateTimeOffset now)
    {
        Begin(ReviewAction.Decide, decidedOn, now);
        RequireNotBefore(decidedOn, MeetingHeldOn!.Value, "the review meeting");
        Require(!string.IsNullOrWhiteSpace(reasons), "decision-reasons", "Give the reasons for the decision: the family is told them with their appeal rights.");
        Require(decision != ReviewDecision.Cease || ceaseReason is not null, "cease-reason-missing", "Select why the plan is to cease.");
        Require(decision == ReviewDecision.Cease || ceaseReason is null, "cease-reason-not-ceasing", "A cease reason is only recorded when the plan is to cease.");
        DecidedOn = decidedOn;
        Decision = decision;
        DecisionReasons = reasons.Trim();
        CeaseReason = ceaseReason;
        Move(ReviewAction.Decide, now, decision == ReviewDecision.Amend ? ReviewStage.Amending : ReviewStage.Completed);
        // A decision to amend is not itself appealable: the amended plan carries the appeal rights when issued.
        return decision switch
        {
            ReviewDecision.Maintain => AppealRights.For(AppealableDecision.NotToAmend, decidedOn, RuleSet),
            ReviewDecision.Cease => AppealRights.For(AppealableDecision.ToCease, decidedOn, RuleSet),
            _ => null,
        };
    }

    /// <summary>Reg 22(2): the proposed amendments (the amended draft) sent to the family, with at least 15 days to comment.</summary>
    public void RecordAmendmentNotice(DateOnly sentOn, DateTimeOffset now)
    {
        Begin(ReviewAction.SendAmendmentNotice, sentOn, now);
        RequireNotBefore(sentOn, DecidedOn!.Value, "the decision to amend");
        AmendmentNoticeOn = sentOn;
        Move(ReviewAction.SendAmendmentNotice, now);
    }

    /// <summary>
    /// Reg 22(3): the amended final plan. Not inside the 15 days the family has to comment on the
    /// proposed amendments (reg 22(2)(c)), and due within 8 weeks of the notice (and 12 weeks of the
    /// meeting, Devon [2022]).
    /// </summary>
    public void RecordAmendedPlanIssued(DateOnly issuedOn, bool familyHasNoFurtherComments, DateTimeOffset now)
    {
        Begin(ReviewAction.IssueAmendedPlan, issuedOn, now);
        Require(AmendmentNoticeOn is not null, "amendment-notice-missing",
            "Send the family the proposed amendments (an amended draft) first: they have at least 15 days to comment (reg 22(2)).");
        var closes = RuleSet.Rule(StatutoryStep.RepresentationsClose).DueFrom(AmendmentNoticeOn!.Value);
        Require(issuedOn > closes || familyHasNoFurtherComments, "amendment-representations-open",
            $"The family can comment on the proposed amendments until {UkCalendar.InWords(closes)} (reg 22(2)(c)). Issue the amended plan after that, or once they confirm they have no further comments.");
        AmendedPlanIssuedOn = issuedOn;
        Move(ReviewAction.IssueAmendedPlan, now);
    }

    /// <summary>
    /// Reg 22(4): after sending the proposed amendments the council decides not to amend after all.
    /// The review completes; the family is given appeal rights by the amendment (s.51(2)(e)).
    /// </summary>
    public void RecordNotAmended(DateOnly decidedOn, DateTimeOffset now)
    {
        Begin(ReviewAction.DecideNotToAmend, decidedOn, now);
        Require(AmendmentNoticeOn is not null, "amendment-notice-missing",
            "No amendments have been proposed yet. To keep the plan as it is, the decision at the review is changed, not an amendment withdrawn.");
        RequireNotBefore(decidedOn, AmendmentNoticeOn!.Value, "the proposed amendments");
        NotAmendedOn = decidedOn;
        Move(ReviewAction.DecideNotToAmend, now);
    }

    /// <summary>The plan ceased or moved to another council before this review finished: its clocks stop (see <see cref="ReviewStage.Ended"/>).</summary>
    public void EndWithPlan(DateOnly on, DateTimeOffset now)
    {
        Begin(ReviewAction.EndWithPlan, on, now);
        Move(ReviewAction.EndWithPlan, now);
    }

    /// <summary>
    /// The meeting has not been held by the day the Code of Practice recommends for an under-5 (9.178).
    /// Shown and counted apart from the statutory clocks: it is not a breach of s.44.
    /// </summary>
    public bool RecommendedReviewOverdue(DateOnly today) => IsOpen && MeetingHeldOn is null && RecommendedBy is { } recommended && today > recommended;

    /// <summary>Every clock of this review on <paramref name="today"/> (<see cref="ReviewClocks"/>).</summary>
    public IReadOnlyList<DeadlineProgress> Deadlines(DateOnly today) => ReviewClocks.Evaluate(ClockFacts, today);

    /// <summary>What the clocks depend on.</summary>
    public ReviewFacts ClockFacts => new(Id, RuleSetId, DueBy, MeetingOn, InvitationsSentOn, PapersCirculatedOn, MeetingHeldOn, ReportSentOn,
        DecidedOn, Decision, AmendmentNoticeOn, AmendedPlanIssuedOn, PhaseTransfer, PhaseTransferDueBy, NotAmendedOn);

    /// <summary>
    /// Removes what identifies the child and family under the retention policy (the views, evidence,
    /// outcomes' wording and reasons), keeping the dates, decision and progress ratings statistics need.
    /// </summary>
    public void Anonymise()
    {
        const string removed = "Removed under the retention policy";
        if (Report is { } report)
        {
            Report = report with
            {
                ChildViews = null,
                FamilyViews = null,
                Progress = report.Progress.Select(p => p with { Outcome = removed, Evidence = removed }).ToList(),
                Changes = report.Changes.Select(c => c with { Change = removed }).ToList(),
                StepDownReasons = removed,
                CeaseReasons = removed,
            };
        }

        DecisionReasons = DecisionReasons.Length == 0 ? DecisionReasons : removed;
    }

    private void Begin(ReviewAction action, DateOnly on, DateTimeOffset now)
    {
        if (!ReviewTransitions.IsAllowed(Stage, action))
        {
            throw new StepRefusedException("review-step-not-allowed", ReviewTransitions.Refusal(Stage, action));
        }

        var today = UkCalendar.DateOf(now);
        Require(on <= today, "date-in-future", $"The date cannot be in the future. Today is {UkCalendar.InWords(today)}.");
    }

    private void Move(ReviewAction action, DateTimeOffset now, ReviewStage? to = null)
    {
        Stage = to ?? ReviewTransitions.Next(Stage, action)!.Value;
        UpdatedAt = now;
        Version++;
    }

    private static void RequireNotBefore(DateOnly on, DateOnly notBefore, string label) =>
        Require(on >= notBefore, "date-before-previous-step", $"The date cannot be before {label} ({UkCalendar.InWords(notBefore)}).");

}

/// <summary>The named steps of a review.</summary>
public enum ReviewAction
{
    ArrangeMeeting,
    CirculatePapers,
    HoldMeeting,
    SubmitReport,
    Decide,
    SendAmendmentNotice,
    IssueAmendedPlan,

    /// <summary>Reg 22(4): not to amend after the proposed amendments.</summary>
    DecideNotToAmend,
    ProposePost16Transfer,
    Contribute,
    EndWithPlan,

    /// <summary>An early review agreed: the review is held sooner than s.44(1) requires.</summary>
    BringForward,
}

/// <summary>The one table of which review step may be recorded at which stage (convention 1).</summary>
public static class ReviewTransitions
{
    private static readonly Dictionary<(ReviewStage, ReviewAction), ReviewStage> Table = new()
    {
        [(ReviewStage.Due, ReviewAction.ArrangeMeeting)] = ReviewStage.MeetingArranged,
        [(ReviewStage.MeetingArranged, ReviewAction.CirculatePapers)] = ReviewStage.MeetingArranged,
        [(ReviewStage.MeetingArranged, ReviewAction.HoldMeeting)] = ReviewStage.MeetingHeld,
        [(ReviewStage.MeetingHeld, ReviewAction.SubmitReport)] = ReviewStage.ReportSubmitted,
        // Reg 20(10): the decision follows the meeting; the LA need not wait for a late report.
        [(ReviewStage.MeetingHeld, ReviewAction.Decide)] = ReviewStage.Completed,
        [(ReviewStage.ReportSubmitted, ReviewAction.Decide)] = ReviewStage.Completed,
        [(ReviewStage.Amending, ReviewAction.SendAmendmentNotice)] = ReviewStage.Amending,
        [(ReviewStage.Amending, ReviewAction.IssueAmendedPlan)] = ReviewStage.Completed,
        [(ReviewStage.Amending, ReviewAction.DecideNotToAmend)] = ReviewStage.Completed,
        // Reg 20(3)-(4): advice and views are gathered between the invitations and the meeting.
        [(ReviewStage.MeetingArranged, ReviewAction.Contribute)] = ReviewStage.MeetingArranged,
        // Reg 18(2): a move between post-16 institutions can be proposed while the review is open.
        [(ReviewStage.Due, ReviewAction.ProposePost16Transfer)] = ReviewStage.Due,
        [(ReviewStage.MeetingArranged, ReviewAction.ProposePost16Transfer)] = ReviewStage.MeetingArranged,
        [(ReviewStage.MeetingHeld, ReviewAction.ProposePost16Transfer)] = ReviewStage.MeetingHeld,
        [(ReviewStage.ReportSubmitted, ReviewAction.ProposePost16Transfer)] = ReviewStage.ReportSubmitted,
        [(ReviewStage.Amending, ReviewAction.ProposePost16Transfer)] = ReviewStage.Amending,
        // An early review is agreed before the meeting is arranged; once it is, the review is already under way.
        [(ReviewStage.Due, ReviewAction.BringForward)] = ReviewStage.Due,
        // The plan ceased or moved away: whatever the review had reached, it ends there.
        [(ReviewStage.Due, ReviewAction.EndWithPlan)] = ReviewStage.Ended,
        [(ReviewStage.MeetingArranged, ReviewAction.EndWithPlan)] = ReviewStage.Ended,
        [(ReviewStage.MeetingHeld, ReviewAction.EndWithPlan)] = ReviewStage.Ended,
        [(ReviewStage.ReportSubmitted, ReviewAction.EndWithPlan)] = ReviewStage.Ended,
        [(ReviewStage.Amending, ReviewAction.EndWithPlan)] = ReviewStage.Ended,
    };

    public static bool IsAllowed(ReviewStage from, ReviewAction action) => Table.ContainsKey((from, action));

    public static ReviewStage? Next(ReviewStage from, ReviewAction action) => Table.TryGetValue((from, action), out var to) ? to : null;

    public static string Refusal(ReviewStage stage, ReviewAction action) => (stage, action) switch
    {
        (ReviewStage.Completed, ReviewAction.ProposePost16Transfer) => "This review is complete. Record the move on the next review.",
        (_, ReviewAction.BringForward) => "The review is already under way: its meeting has been arranged. Refuse the early review with your reasons and take what was asked to that meeting.",
        (ReviewStage.Due, _) => "Arrange the review meeting first: set its date and send the invitations.",
        (ReviewStage.MeetingArranged, ReviewAction.SubmitReport or ReviewAction.Decide) => "The review meeting has not been held yet. Record the meeting first; the decision cannot come before it.",
        (ReviewStage.Amending, _) => "The council decided to amend the plan: send the proposed amendments, then issue the amended plan or decide not to amend (reg 22(4)).",
        (ReviewStage.Completed, _) => "This review is complete. The next review is scheduled from it.",
        (ReviewStage.Ended, _) => "This review ended when the plan ceased or moved to another council. Nothing more can be recorded on it.",
        _ => $"This step cannot be recorded while the review is at '{stage}'.",
    };
}
