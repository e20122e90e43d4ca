using OpenSend.Domain.Timescales;

namespace OpenSend.Domain.Reviews;

/// <summary>What a review's clocks depend on: the dates it holds and its decision (decision 0007, as for the pathway).</summary>
public sealed record ReviewFacts(
    Guid ReviewId,
    string RuleSetId,
    DateOnly DueBy,
    DateOnly? MeetingOn,
    DateOnly? InvitationsSentOn,
    DateOnly? PapersCirculatedOn,
    DateOnly? MeetingHeldOn,
    DateOnly? ReportSentOn,
    DateOnly? DecidedOn,
    ReviewDecision? Decision,
    DateOnly? AmendmentNoticeOn,
    DateOnly? AmendedPlanIssuedOn,
    PhaseTransferKind? PhaseTransfer,
    DateOnly? PhaseTransferDueBy,
    DateOnly? NotAmendedOn = null);

/// <summary>
/// Every clock of one review, as a pure function of its facts, so the review page, the review board
/// and the national deadline sweep cannot disagree: the review itself (s.44(1)), the meeting's
/// (reg 20), the decision's (reg 20(10)), the amendment's (reg 22, Devon [2022]) and a phase
/// transfer's (reg 18).
/// </summary>
public static class ReviewClocks
{
    public static IReadOnlyList<DeadlineProgress> Evaluate(ReviewFacts facts, DateOnly today)
    {
        var rules = RuleSetCatalogue.Get(facts.RuleSetId);
        var review = rules.Rule(StatutoryStep.AnnualReview);
        var result = new List<DeadlineProgress>
        {
            DeadlineProgress.Evaluate(new StatutoryDeadline(StatutoryStep.AnnualReview, facts.DueBy, review.Title, review.Duty, review.Basis), facts.MeetingHeldOn, today),
        };
        if (facts.MeetingOn is { } meeting)
        {
            foreach (var deadline in rules.DeadlinesFrom(ClockAnchor.ReviewMeeting, facts.MeetingHeldOn ?? meeting))
            {
                DateOnly? done = deadline.Step switch
                {
                    StatutoryStep.InvitationsBy => facts.InvitationsSentOn,
                    StatutoryStep.PapersBy => facts.PapersCirculatedOn,
                    StatutoryStep.ReportBy => facts.ReportSentOn,
                    StatutoryStep.DecisionBy => facts.DecidedOn,
                    // Reg 22(3)-(4): the amendment ends with the amended plan or a decision not to amend.
                    StatutoryStep.AmendedPlanBy => facts.AmendedPlanIssuedOn ?? facts.NotAmendedOn,
                    StatutoryStep.AmendmentNoticeBy => facts.AmendmentNoticeOn,
                    _ => null,
                };
                string? notNeeded = deadline.Step is (StatutoryStep.AmendedPlanBy or StatutoryStep.AmendmentNoticeBy) && facts.Decision is { } d && d != ReviewDecision.Amend
                    ? $"The council decided to {(d == ReviewDecision.Maintain ? "keep the plan as it is" : "cease the plan")}."
                    : null;
                result.Add(notNeeded is null ? DeadlineProgress.Evaluate(deadline, done, today) : DeadlineProgress.NotNeeded(deadline, today, notNeeded));
            }
        }

        if (facts.AmendmentNoticeOn is { } notice)
        {
            result.AddRange(rules.DeadlinesFrom(ClockAnchor.AmendmentNotice, notice).Select(d => DeadlineProgress.Evaluate(d, facts.AmendedPlanIssuedOn ?? facts.NotAmendedOn, today)));
        }

        if (facts.PhaseTransfer is { } kind && facts.PhaseTransferDueBy is { } transferDue)
        {
            var rule = rules.PhaseTransfer(kind);
            var phase = new StatutoryDeadline(StatutoryStep.PhaseTransferAmendment, transferDue, "Review and amend the plan, naming the next setting",
                "The council must review the plan and send the amended plan naming the next school or college by {0}", rule.Basis);
            // Reg 18(1): met only by the plan amended to name the next setting. Keeping the plan as it
            // is does not name one; ceasing it ends the duty (there is no plan to amend).
            var done = facts.AmendedPlanIssuedOn ?? (facts.Decision is ReviewDecision.Cease ? facts.DecidedOn : null);
            result.Add(DeadlineProgress.Evaluate(phase, done, today) with { RelatesTo = facts.ReviewId });
        }

        return result.OrderBy(d => d.Deadline.Due).ToList();
    }
}
