using System.Linq.Expressions;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Common;
using OpenSend.Domain.Timescales;
using static OpenSend.Domain.Common.Refusal;

namespace OpenSend.Domain.Plans;

/// <summary>How a proposal to amend a plan ended (reg 22(3)–(4)).</summary>
public enum AmendmentOutcome
{
    /// <summary>The amended final plan was issued (reg 22(3)).</summary>
    Amended,

    /// <summary>The council decided not to amend after all (reg 22(4)).</summary>
    NotAmended,
}

/// <summary>
/// One proposal to amend a plan in force, from the notice of the proposed amendments to the amended
/// plan or the decision not to amend. Reg 22 governs every amendment, whether it follows a review
/// (reg 20(10)) or not: the family gets the proposed amendments with at least 15 days to comment
/// (reg 22(2)), and the council issues the amended plan, or tells the family it will not amend,
/// within 8 weeks of the notice (reg 22(3)–(4)). Either outcome carries a right of appeal: the
/// amended plan's sections B, F and I (s.51(2)(c)) or the decision not to amend (s.51(2)(e)).
/// </summary>
public sealed class PlanAmendment
{
    private PlanAmendment()
    {
        LaCode = RuleSetId = Reason = DecisionReasons = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>The LA maintaining the plan (tenant key).</summary>
    public string LaCode { get; private set; }

    public Guid AssessmentId { get; private set; }

    /// <summary>The review whose decision to amend this carries out; null for an amendment outside a review.</summary>
    public Guid? ReviewId { get; private set; }

    /// <summary>The case's rule set (its clocks for life).</summary>
    public string RuleSetId { get; private set; }

    /// <summary>Why the plan is being amended (the amended draft's reason).</summary>
    public string Reason { get; private set; }

    /// <summary>The notice of the proposed amendments (reg 22(2)): the 8 weeks run from it (reg 22(3)).</summary>
    public DateOnly NoticeOn { get; private set; }

    /// <summary>The latest amended draft: the family's 15 days to comment run from it (reg 22(2)(c)).</summary>
    public DateOnly LatestDraftOn { get; private set; }

    public DateOnly? ConcludedOn { get; private set; }

    public AmendmentOutcome? Outcome { get; private set; }

    /// <summary>Why the council decided not to amend (reg 22(4)); empty otherwise.</summary>
    public string DecisionReasons { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Optimistic concurrency.</summary>
    public int Version { get; private set; }

    public StatutoryRuleSet RuleSet => RuleSetCatalogue.Get(RuleSetId);

    /// <summary>An amendment still in hand: neither issued nor decided against. One definition for queries and for an amendment in hand.</summary>
    public static readonly Expression<Func<PlanAmendment, bool>> Open = a => a.ConcludedOn == null;

    public bool IsOpen => ConcludedOn is null;

    /// <summary>The last day the family may comment on the latest amended draft (reg 22(2)(c): at least 15 days, beginning with the day it was sent).</summary>
    public DateOnly CommentsCloseOn => RuleSet.Rule(StatutoryStep.RepresentationsClose).DueFrom(LatestDraftOn);

    /// <summary>The last day for the amended plan or the decision not to amend (reg 22(3)–(4): 8 weeks from the notice).</summary>
    public DateOnly DueBy => RuleSet.Rule(StatutoryStep.AmendedPlanAfterNotice).DueFrom(NoticeOn);

    /// <summary>Reg 22(2): the proposed amendments (an amended draft) are sent to the family.</summary>
    public static PlanAmendment Propose(Guid assessmentId, string laCode, StatutoryRuleSet rules, Guid? reviewId, DateOnly noticeOn, string reason, DateTimeOffset now)
    {
        RequireNotInFuture(noticeOn, now);
        return new PlanAmendment
        {
            Id = RecordId.New(),
            AssessmentId = assessmentId,
            LaCode = laCode,
            RuleSetId = rules.Id,
            ReviewId = reviewId,
            Reason = reason.Trim(),
            NoticeOn = noticeOn,
            LatestDraftOn = noticeOn,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>
    /// A further amended draft while the amendment is in hand: the family's 15 days run again from it,
    /// since they must be able to comment on what will be issued; the 8 weeks still run from the first
    /// notice (reg 22(3)), so revising a proposal never buys the council time.
    /// </summary>
    public void Revise(DateOnly draftOn, DateTimeOffset now)
    {
        RequireOpen();
        RequireNotInFuture(draftOn, now);
        Require(draftOn >= LatestDraftOn, "date-before-previous-step", $"The amended draft cannot be dated before the last one ({UkCalendar.InWords(LatestDraftOn)}).");
        LatestDraftOn = draftOn;
        Touch(now);
    }

    /// <summary>
    /// Reg 22(3): the amended final plan, not inside the family's 15 days to comment on the latest
    /// amended draft unless they have confirmed they have no further comments. Its sections B, F and I
    /// can be appealed (s.51(2)(c)), so it carries the family's appeal rights.
    /// </summary>
    public AppealRights IssueAmendedPlan(DateOnly issuedOn, bool familyHasNoFurtherComments, DateTimeOffset now)
    {
        RequireOpen();
        RequireNotInFuture(issuedOn, now);
        Require(issuedOn >= LatestDraftOn, "date-before-draft", $"The amended plan cannot be dated before the amended draft ({UkCalendar.InWords(LatestDraftOn)}).");
        Require(issuedOn > CommentsCloseOn || familyHasNoFurtherComments, "amendment-representations-open",
            $"The family can comment on the proposed amendments until {UkCalendar.InWords(CommentsCloseOn)} (SEND Regulations 2014 reg 22(2)(c)). " +
            $"Issue the amended plan from {UkCalendar.InWords(CommentsCloseOn.AddDays(1))}, or sooner if the family confirms they have no further comments.");
        Conclude(issuedOn, AmendmentOutcome.Amended, string.Empty, now);
        return AppealRights.For(AppealableDecision.AmendedPlanContents, issuedOn, RuleSet);
    }

    /// <summary>
    /// Reg 22(4): having proposed amendments, the council decides not to amend. The family is told,
    /// with the reasons, within 8 weeks of the notice, and may appeal (s.51(2)(e)). A late decision is
    /// still recorded; the clock shows it late.
    /// </summary>
    public AppealRights DecideNotToAmend(DateOnly decidedOn, string reasons, DateTimeOffset now)
    {
        RequireOpen();
        RequireNotInFuture(decidedOn, now);
        Require(decidedOn >= NoticeOn, "date-before-previous-step", $"The decision cannot be before the proposed amendments were sent ({UkCalendar.InWords(NoticeOn)}).");
        Require(!string.IsNullOrWhiteSpace(reasons), "decision-reasons", "Give the reasons for not amending the plan: the family is told them with their appeal rights (reg 22(4)).");
        Require(reasons.Length <= MaxReasonsLength, "decision-reasons-too-long", $"Keep the reasons to {MaxReasonsLength:N0} characters or fewer.");
        Conclude(decidedOn, AmendmentOutcome.NotAmended, reasons.Trim(), now);
        return AppealRights.For(AppealableDecision.NotToAmendAfterNotice, decidedOn, RuleSet);
    }

    public const int MaxReasonsLength = 4000;

    /// <summary>The amendment's clocks on <paramref name="today"/>: the family's comments (reg 22(2)(c)) and the 8 weeks (reg 22(3)–(4)).</summary>
    public IReadOnlyList<DeadlineProgress> Deadlines(DateOnly today) => Clocks(RuleSetId, NoticeOn, ConcludedOn, today);

    /// <summary>
    /// The 8 weeks from the notice, met by the amended plan or the decision not to amend (reg 22(3)–(4)).
    /// A pure function of its facts, so the case page and the deadline sweep agree.
    /// </summary>
    public static IReadOnlyList<DeadlineProgress> Clocks(string ruleSetId, DateOnly noticeOn, DateOnly? concludedOn, DateOnly today) =>
        RuleSetCatalogue.Get(ruleSetId).DeadlinesFrom(ClockAnchor.AmendmentNotice, noticeOn)
            .Select(d => DeadlineProgress.Evaluate(d, concludedOn, today)).ToList();

    /// <summary>Removes the council's reasons under the retention policy; the dates and outcome stay for statistics.</summary>
    public void Anonymise()
    {
        const string removed = "Removed under the retention policy";
        Reason = Reason.Length == 0 ? Reason : removed;
        DecisionReasons = DecisionReasons.Length == 0 ? DecisionReasons : removed;
    }

    private void Conclude(DateOnly on, AmendmentOutcome outcome, string reasons, DateTimeOffset now)
    {
        ConcludedOn = on;
        Outcome = outcome;
        DecisionReasons = reasons;
        Touch(now);
    }

    private void RequireOpen() => Require(IsOpen, "amendment-concluded", Outcome == AmendmentOutcome.Amended
        ? $"The amended plan was issued on {UkCalendar.InWords(ConcludedOn.GetValueOrDefault())}. A further change starts a new amendment with a new amended draft."
        : $"The council decided on {UkCalendar.InWords(ConcludedOn.GetValueOrDefault())} not to amend the plan. A further change starts a new amendment with a new amended draft.");

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }

    private static void RequireNotInFuture(DateOnly on, DateTimeOffset now)
    {
        var today = UkCalendar.DateOf(now);
        Require(on <= today, "date-in-future", $"The date cannot be in the future. Today is {UkCalendar.InWords(today)}.");
    }
}
