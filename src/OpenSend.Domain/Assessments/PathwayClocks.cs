using OpenSend.Domain.Redress;
using OpenSend.Domain.Timescales;

namespace OpenSend.Domain.Assessments;

/// <summary>An adviser's clock: reg 8(1) gives 6 weeks from the LA's request.</summary>
public sealed record AdviceClockFacts(Guid Id, DateOnly RequestedOn, DateOnly? ReceivedOn);

/// <summary>A recorded exception: which deadlines it excuses (and, for an adviser's, whose).</summary>
public sealed record ExceptionClockFacts(IReadOnlyList<StatutoryStep> Steps, Guid? AdviceRequestId, string Basis);

/// <summary>
/// A plan received from another LA (reg 15): when it transferred, when the old LA made it and last
/// reviewed it, and when the family was told.
/// </summary>
public sealed record TransferClockFacts(DateOnly TransferredOn, DateOnly PlanMadeOn, DateOnly? LastReviewedOn, DateOnly? NoticeGivenOn);

/// <summary>A re-assessment (regs 24–27): when it was asked for, decided, and ended.</summary>
public sealed record ReassessmentClockFacts(DateOnly RequestedOn, DateOnly? DecidedOn, bool? WillReassess, DateOnly? ConcludedOn);

/// <summary>
/// Everything the pathway's statutory clocks depend on, and nothing else: a case page reads it from
/// the whole case, the deadline sweep projects it straight from the database, and both get the
/// same answer from <see cref="PathwayClocks.Evaluate"/>.
/// </summary>
public sealed record PathwayFacts(
    string RuleSetId,
    AssessmentStage Stage,
    DateOnly RequestReceivedOn,
    DateOnly? AssessDecisionOn,
    bool? WillAssess,
    DateOnly? IssueDecisionOn,
    bool? WillIssue,
    DateOnly? FinalPlanIssuedOn,
    IReadOnlyList<AdviceClockFacts> Advice,
    IReadOnlyList<ExceptionClockFacts> Exceptions,
    TransferClockFacts? TransferredIn = null,
    IReadOnlyList<OrderClock>? Orders = null,
    ReassessmentClockFacts? Reassessment = null);

/// <summary>Where each statutory deadline of a needs assessment stands on a given day.</summary>
public static class PathwayClocks
{
    public static IReadOnlyList<DeadlineProgress> Evaluate(PathwayFacts facts, DateOnly today)
    {
        var rules = RuleSetCatalogue.Get(facts.RuleSetId);
        var orders = facts.Orders ?? [];
        var later = orders.SelectMany(o => o.Evaluate(rules, facts.Exceptions, today)).Concat(ReassessmentClocks(rules, facts.Reassessment, today));
        if (facts.TransferredIn is { } transfer)
        {
            // The 20-week pathway ran at the old LA; here only the transfer's own clocks run.
            return [.. TransferClocks(rules, transfer, facts.Exceptions, today)
                .Concat(later)
                .OrderBy(p => p.Deadline.Due)];
        }

        // Regs 44–45: a case reopened by an order runs to the order's clocks; the 20-week pathway's
        // ended with the decision appealed, so what is done after the order does not count against it.
        var reopenedOn = orders.Where(o => o.Anchor is ClockAnchor.OrderToAssess or ClockAnchor.UnopposedRefusalToAssess
            or ClockAnchor.OrderToMakePlan or ClockAnchor.UnopposedRefusalToIssue).Select(o => (DateOnly?)o.From).Min();
        DateOnly? BeforeOrder(DateOnly? on) => reopenedOn is { } reopened && on >= reopened ? null : on;
        const string orderedInstead = "The tribunal's decision set new time limits.";

        var isOpen = facts.Stage.IsOpen();
        var closedWithoutOutcome = facts.Stage is AssessmentStage.Withdrawn or AssessmentStage.TransferredOut;
        var closedBecause = facts.Stage == AssessmentStage.Withdrawn ? "The request was withdrawn." : "The case moved to another council.";
        var result = new List<DeadlineProgress>(3 + facts.Advice.Count);

        DeadlineProgress Track(StatutoryStep step, DateOnly start, DateOnly? completedOn, string? notNeededBecause, Guid? adviceRequestId = null)
        {
            var rule = rules.Rule(step);
            var deadline = new StatutoryDeadline(step, rule.DueFrom(start), rule.Title, rule.Duty, rule.Basis);
            if (completedOn is null && (notNeededBecause ?? (closedWithoutOutcome ? closedBecause : null)) is { } because)
            {
                return DeadlineProgress.NotNeeded(deadline, today, because) with { RelatesTo = adviceRequestId };
            }

            // A recorded exception never moves the due date; it marks a breach as excused.
            var excuse = facts.Exceptions.FirstOrDefault(e => e.Steps.Contains(step) && (adviceRequestId is null || e.AdviceRequestId == adviceRequestId));
            return DeadlineProgress.Evaluate(deadline, completedOn, today, excuse?.Basis) with { RelatesTo = adviceRequestId };
        }

        result.Add(Track(StatutoryStep.DecisionToAssess, facts.RequestReceivedOn, facts.AssessDecisionOn, null));
        foreach (var advice in facts.Advice)
        {
            result.Add(Track(StatutoryStep.AdviceProvided, advice.RequestedOn, advice.ReceivedOn,
                advice.ReceivedOn is null && !isOpen ? "The assessment has ended." : null,
                advice.Id));
        }

        result.Add(Track(StatutoryStep.DecisionNotToIssue, facts.RequestReceivedOn, BeforeOrder(facts.WillIssue == false ? facts.IssueDecisionOn : null),
            reopenedOn is not null ? orderedInstead
            : facts.WillAssess == false ? "The council decided not to assess."
            : facts.WillIssue == true ? "The council decided to issue a plan."
            : facts.Stage == AssessmentStage.PlanIssued ? "A plan was issued." : null));
        result.Add(Track(StatutoryStep.FinalPlan, facts.RequestReceivedOn, BeforeOrder(facts.FinalPlanIssuedOn),
            reopenedOn is not null ? orderedInstead
            : facts.WillAssess == false ? "The council decided not to assess."
            : facts.WillIssue == false ? "The council decided not to issue a plan." : null));
        result.AddRange(later);
        return result.OrderBy(p => p.Deadline.Due).ToList();
    }

    /// <summary>Regs 24 and 27: the decision within 15 days of the request, and the outcome within 14 weeks of it unless the council refused.</summary>
    private static IEnumerable<DeadlineProgress> ReassessmentClocks(StatutoryRuleSet rules, ReassessmentClockFacts? facts, DateOnly today)
    {
        if (facts is null)
        {
            yield break;
        }

        StatutoryDeadline Deadline(StatutoryStep step)
        {
            var rule = rules.Rule(step, ClockAnchor.ReassessmentRequested);
            return new StatutoryDeadline(step, rule.DueFrom(facts.RequestedOn), rule.Title, rule.Duty, rule.Basis);
        }

        yield return DeadlineProgress.Evaluate(Deadline(StatutoryStep.ReassessmentDecisionBy), facts.DecidedOn, today);
        yield return facts.WillReassess == false
            ? DeadlineProgress.NotNeeded(Deadline(StatutoryStep.ReassessmentOutcomeBy), today, "The council decided not to re-assess.")
            : DeadlineProgress.Evaluate(Deadline(StatutoryStep.ReassessmentOutcomeBy), facts.ConcludedOn, today);
    }

    /// <summary>The review due after a transfer: the later of s.44(1)'s 12 months from the plan being made or last reviewed, and 3 months beginning with the transfer (reg 15(5)).</summary>
    public static DateOnly TransferReviewDue(StatutoryRuleSet rules, TransferClockFacts transfer)
    {
        var annual = rules.Rule(StatutoryStep.AnnualReview).DueFrom(transfer.LastReviewedOn ?? transfer.PlanMadeOn);
        var afterTransfer = rules.Rule(StatutoryStep.TransferReview).DueFrom(transfer.TransferredOn);
        return annual > afterTransfer ? annual : afterTransfer;
    }

    private static List<DeadlineProgress> TransferClocks(StatutoryRuleSet rules, TransferClockFacts transfer, IReadOnlyList<ExceptionClockFacts> exceptions, DateOnly today)
    {
        DeadlineProgress Track(StatutoryStep step, DateOnly due, DateOnly? completedOn)
        {
            var rule = rules.Rule(step);
            var excuse = exceptions.FirstOrDefault(e => e.Steps.Contains(step));
            return DeadlineProgress.Evaluate(new StatutoryDeadline(step, due, rule.Title, rule.Duty, rule.Basis), completedOn, today, excuse?.Basis);
        }

        return
        [
            Track(StatutoryStep.TransferNotice, rules.Rule(StatutoryStep.TransferNotice).DueFrom(transfer.TransferredOn), transfer.NoticeGivenOn),
            // Reviews are recorded by the plan-in-force work; until then this clock stays open.
            Track(StatutoryStep.TransferReview, TransferReviewDue(rules, transfer), null),
        ];
    }
}
