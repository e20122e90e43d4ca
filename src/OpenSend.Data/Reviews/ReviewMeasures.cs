using OpenSend.Domain.Reviews;
using OpenSend.Domain.Timescales;

namespace OpenSend.Data.Reviews;

/// <summary>The LA's review numbers (the same definitions later feed the dashboard and SEN2).</summary>
public sealed record ReviewCounts(string Scope, int DueIn12Weeks, int Overdue, int HeldInYear, int DecidedWithin4Weeks, int Decided, int AmendedWithin12Weeks, int Amended, int PhaseTransfersAtRisk,
    int NoticeWithin4Weeks, int Noticed, int RecommendedOverdue);

/// <summary>The review measures, each defined once, for the LA's board and each setting.</summary>
public static class ReviewMeasures
{
    /// <summary>How far ahead a setting's list looks (issue: reviews due in the next 12 weeks).</summary>
    public const int SettingHorizonWeeks = 12;

    /// <summary>A phase transfer is at risk when its reg 18 date is this close and the plan is not yet amended.</summary>
    public const int PhaseTransferRiskWeeks = 8;

    /// <summary>
    /// The review measures, each defined once: due in the next 12 weeks; overdue (a statutory clock
    /// passed); held in the last 12 months; decided within 4 weeks of the meeting (reg 20(10)) of those
    /// decided; amendment concluded (amended plan, or a decision not to amend) within 12 weeks of the
    /// meeting of those concluded, and proposed amendments sent within 4 weeks of it of those sent
    /// (Devon [2022]); phase transfers at risk; and, apart, under-5s' reviews past the Code of
    /// Practice's recommended date (9.178), which are not statutory breaches.
    /// </summary>
    public static ReviewCounts Count(string scope, IReadOnlyCollection<AnnualReview> reviews, DateOnly today)
    {
        var decided = reviews.Where(r => r.DecidedOn is not null && r.MeetingHeldOn is not null).ToList();
        var amended = reviews.Where(r => (r.AmendedPlanIssuedOn ?? r.NotAmendedOn) is not null && r.MeetingHeldOn is not null).ToList();
        var noticed = reviews.Where(r => r.AmendmentNoticeOn is not null && r.MeetingHeldOn is not null).ToList();
        return new ReviewCounts(
            scope,
            reviews.Count(r => r.IsOpen && r.MeetingHeldOn is null && r.DueBy >= today && r.DueBy <= today.AddDays(7 * SettingHorizonWeeks)),
            reviews.Count(r => r.IsOpen && r.Deadlines(today).Any(d => d.State == DeadlineState.Overdue)),
            reviews.Count(r => r.MeetingHeldOn is { } held && held > today.AddYears(-1)),
            decided.Count(r => r.DecidedOn <= r.RuleSet.Rule(StatutoryStep.DecisionBy).DueFrom(r.MeetingHeldOn!.Value)),
            decided.Count,
            amended.Count(r => (r.AmendedPlanIssuedOn ?? r.NotAmendedOn) <= r.RuleSet.Rule(StatutoryStep.AmendedPlanBy).DueFrom(r.MeetingHeldOn!.Value)),
            amended.Count,
            reviews.Count(r => r.IsOpen && r.PhaseTransferDueBy is { } due && due <= today.AddDays(7 * PhaseTransferRiskWeeks) && r.AmendedPlanIssuedOn is null),
            noticed.Count(r => r.AmendmentNoticeOn <= r.RuleSet.Rule(StatutoryStep.AmendmentNoticeBy).DueFrom(r.MeetingHeldOn!.Value)),
            noticed.Count,
            reviews.Count(r => r.RecommendedReviewOverdue(today)));
    }
}
