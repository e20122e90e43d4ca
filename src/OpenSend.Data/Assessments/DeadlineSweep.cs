using Microsoft.EntityFrameworkCore;
using OpenSend.Data.Database;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Plans;
using OpenSend.Domain.Redress;
using OpenSend.Domain.Reviews;
using OpenSend.Domain.Timescales;

namespace OpenSend.Data.Assessments;

/// <summary>How many open statutory clocks of one kind an LA has in one state on the sweep's day.</summary>
public sealed record DeadlineTally(string LaCode, StatutoryStep Step, DeadlineState State, int Count);

/// <summary>Every open clock classified on one day: per LA, per step, overdue / due within 7 days / not yet due.</summary>
public sealed record DeadlineSweepResult(DateOnly Today, int OpenCases, IReadOnlyList<DeadlineTally> Tallies, int OpenReviews = 0)
{
    public int OpenClocks => Tallies.Sum(t => t.Count);

    public int Count(DeadlineState state, string? laCode = null, StatutoryStep? step = null) =>
        Tallies.Where(t => t.State == state && (laCode is null || t.LaCode == laCode) && (step is null || t.Step == step)).Sum(t => t.Count);
}

/// <summary>
/// Classifies every open statutory clock of every open case — the pathway's decisions and each
/// adviser's 6 weeks (reg 8(1)) — through the domain's own <see cref="PathwayClocks"/>, and of every
/// open review of a plan in force (s.44, regs 18–22) through <see cref="ReviewClocks"/>, as the case
/// and review pages do, so they can never disagree. The caseload's cheaper next-deadline column
/// answers "which case is most urgent"; this answers "how many clocks are overdue" (an adviser can be
/// late while the case's next pathway deadline is weeks away).
/// </summary>
/// <remarks>
/// Only the facts the clocks depend on are read (<see cref="PathwayFacts"/>, rather than whole
/// cases: a whole-case read took 3.4 s for England, decision 0007), a
/// few LAs at a time, so memory is bounded by a few LAs' open work rather than England's. It reads no
/// child's details and writes nothing, so it is not audited; whoever publishes its numbers does
/// so as aggregates.
/// </remarks>
public sealed class DeadlineSweep(OpenSendDbContext db)
{
    /// <summary>LAs read per round trip: 16 of the largest hold about 10,000 open cases' facts.</summary>
    public const int LasPerQuery = 16;

    public async Task<DeadlineSweepResult> RunAsync(DateOnly today, IReadOnlyCollection<string>? onlyLaCodes = null, CancellationToken cancellationToken = default)
    {
        var openStages = AssessmentStageText.Open.ToArray();
        var laCodes = onlyLaCodes is { Count: > 0 }
            ? onlyLaCodes.Order(StringComparer.Ordinal).ToList()
            : (await db.Assessments.AsNoTracking()
                .Where(a => openStages.Contains(a.Stage) || a.OrderOpenSince != null || (a.ReassessmentRequestedOn != null && a.ReassessmentConcludedOn == null))
                .Select(a => a.LaCode).Distinct()
                .ToListAsync(cancellationToken))
                .Union(await db.AnnualReviews.AsNoTracking().Where(AnnualReview.Open).Select(r => r.LaCode).Distinct().ToListAsync(cancellationToken))
                .Union(await db.PlanAmendments.AsNoTracking().Where(PlanAmendment.Open).Select(a => a.LaCode).Distinct().ToListAsync(cancellationToken))
                .Union(await db.Mediations.AsNoTracking().Where(m => m.Stage != MediationStage.Certified).Select(m => m.LaCode).Distinct().ToListAsync(cancellationToken))
                .Union(await db.TribunalAppeals.AsNoTracking().Where(t => t.Stage == AppealStage.Registered || t.Stage == AppealStage.Opposed).Select(t => t.LaCode).Distinct().ToListAsync(cancellationToken))
                .Order(StringComparer.Ordinal).ToList();

        var tallies = new List<DeadlineTally>();
        var openCases = 0;
        var openReviews = 0;
        var counts = new Dictionary<(string, StatutoryStep, DeadlineState), int>();
        foreach (var chunk in laCodes.Chunk(LasPerQuery))
        {
            counts.Clear();
            // Open cases, and plans in force carrying out a tribunal's order (regs 44–45).
            var open = db.Assessments.AsNoTracking().Where(a => chunk.Contains(a.LaCode) && (openStages.Contains(a.Stage) || a.OrderOpenSince != null
                || (a.ReassessmentRequestedOn != null && a.ReassessmentConcludedOn == null)));
            // Three flat reads joined here: EF Core's nested collection projection cost 1.4 s of the
            // first version's 2.3 s for England (docs/benchmarks.md).
            var cases = await open
                .Select(a => new CaseRow(a.Id, a.LaCode, a.RuleSetId, a.Stage, a.RequestReceivedOn, a.AssessDecisionOn, a.WillAssess, a.IssueDecisionOn, a.WillIssue, a.FinalPlanIssuedOn,
                    a.Orders, a.ReassessmentRequestedOn, a.ReassessDecisionOn, a.WillReassess, a.ReassessmentConcludedOn))
                .ToListAsync(cancellationToken);
            // Looked up by the open cases' ids (an index lookup each): joining let PostgreSQL read all
            // 4 million advice requests once per chunk of LAs, most of them of closed cases.
            var ids = cases.Select(c => c.Id).ToList();
            var advice = (await db.AdviceRequests.AsNoTracking().Where(r => ids.Contains(r.AssessmentId)).Select(r => new { r.AssessmentId, r.Id, r.RequestedOn, r.ReceivedOn })
                    .ToListAsync(cancellationToken))
                .ToLookup(r => r.AssessmentId, r => new AdviceClockFacts(r.Id, r.RequestedOn, r.ReceivedOn));
            var exceptions = (await db.Set<PathwayException>().AsNoTracking().Where(e => ids.Contains(e.AssessmentId)).Select(e => new { e.AssessmentId, e.Steps, e.AdviceRequestId, e.Basis })
                    .ToListAsync(cancellationToken))
                .ToLookup(e => e.AssessmentId, e => new ExceptionClockFacts(e.Steps, e.AdviceRequestId, e.Basis));

            // The open reviews: every one is of a plan in force, since a review ends with its plan
            // (ReviewStage.Ended), so no join to the cases is needed (that join cost 5 s for England). A
            // review's clocks are a pure function of its facts, so reviews with the same facts have the
            // same clocks: they are counted in the database, from an index holding those facts, and each
            // set of facts is evaluated once (docs/benchmarks.md, benchmark 2).
            var reviews = await db.AnnualReviews.AsNoTracking()
                .Where(r => chunk.Contains(r.LaCode)).Where(AnnualReview.Open)
                .GroupBy(r => new
                {
                    r.LaCode,
                    r.RuleSetId,
                    r.DueBy,
                    r.MeetingOn,
                    r.InvitationsSentOn,
                    r.PapersCirculatedOn,
                    r.MeetingHeldOn,
                    r.ReportSentOn,
                    r.DecidedOn,
                    r.Decision,
                    r.AmendmentNoticeOn,
                    r.AmendedPlanIssuedOn,
                    r.PhaseTransfer,
                    r.PhaseTransferDueBy,
                })
                .Select(g => new { Facts = g.Key, Reviews = g.Count() })
                .ToListAsync(cancellationToken);
            foreach (var (r, count) in reviews.Select(g => (g.Facts, g.Reviews)))
            {
                openReviews += count;
                var facts = new ReviewFacts(Guid.Empty, r.RuleSetId, r.DueBy, r.MeetingOn, r.InvitationsSentOn, r.PapersCirculatedOn, r.MeetingHeldOn, r.ReportSentOn,
                    r.DecidedOn, r.Decision, r.AmendmentNoticeOn, r.AmendedPlanIssuedOn, r.PhaseTransfer, r.PhaseTransferDueBy);
                foreach (var clock in ReviewClocks.Evaluate(facts, today))
                {
                    if (clock.IsOpen)
                    {
                        var key = (r.LaCode, clock.Deadline.Step, clock.State);
                        counts[key] = counts.GetValueOrDefault(key) + count;
                    }
                }
            }

            // Amendments outside a review (reg 22): a review's own clocks already count the amendments it
            // asked for. Only those of plans still in force: a plan that ceased or moved away ends them.
            var amendments = await db.PlanAmendments.AsNoTracking()
                .Where(a => chunk.Contains(a.LaCode) && a.ConcludedOn == null && a.ReviewId == null)
                .Where(a => db.Assessments.Any(c => c.Id == a.AssessmentId && c.Stage == AssessmentStage.PlanIssued))
                .GroupBy(a => new { a.LaCode, a.RuleSetId, a.NoticeOn })
                .Select(g => new { Facts = g.Key, Amendments = g.Count() })
                .ToListAsync(cancellationToken);
            foreach (var (a, count) in amendments.Select(g => (g.Facts, g.Amendments)))
            {
                foreach (var clock in PlanAmendment.Clocks(a.RuleSetId, a.NoticeOn, null, today).Where(c => c.IsOpen))
                {
                    var key = (a.LaCode, clock.Deadline.Step, clock.State);
                    counts[key] = counts.GetValueOrDefault(key) + count;
                }
            }

            // Redress (decision 0020): each open mediation's clocks, the council's response to each appeal
            // still with the tribunal, and the commissioners' answers to recent recommendations (5 weeks).
            var mediations = await db.Mediations.AsNoTracking()
                .Where(m => chunk.Contains(m.LaCode) && (m.Stage != MediationStage.Certified || (m.AgreementTribunalCouldNotOrder && m.AgreementCarriedOutOn == null)))
                .ToListAsync(cancellationToken);
            var recently = today.AddDays(-56);
            var appeals = await db.TribunalAppeals.AsNoTracking()
                .Where(t => chunk.Contains(t.LaCode) && (t.Stage == AppealStage.Registered || t.Stage == AppealStage.Opposed || (t.Stage == AppealStage.Decided && t.OutcomeOn >= recently)))
                .ToListAsync(cancellationToken);
            foreach (var (laCode, clock) in mediations.SelectMany(m => m.Deadlines(today).Select(d => (m.LaCode, d)))
                .Concat(appeals.SelectMany(t => t.Deadlines(today).Select(d => (t.LaCode, d)))))
            {
                if (clock.IsOpen)
                {
                    var key = (laCode, clock.Deadline.Step, clock.State);
                    counts[key] = counts.GetValueOrDefault(key) + 1;
                }
            }

            openCases += cases.Count(c => openStages.Contains(c.Stage));
            foreach (var c in cases)
            {
                var facts = new PathwayFacts(c.RuleSetId, c.Stage, c.RequestReceivedOn, c.AssessDecisionOn, c.WillAssess, c.IssueDecisionOn, c.WillIssue, c.FinalPlanIssuedOn,
                    advice[c.Id].ToList(), exceptions[c.Id].ToList(), Orders: c.Orders,
                    Reassessment: c.ReassessmentRequestedOn is { } asked ? new ReassessmentClockFacts(asked, c.ReassessDecisionOn, c.WillReassess, c.ReassessmentConcludedOn) : null);
                // A plan in force is here only for its order's and re-assessment's clocks; its reviews are counted above.
                var onlyOrders = !openStages.Contains(c.Stage);
                foreach (var clock in PathwayClocks.Evaluate(facts, today))
                {
                    if (clock.IsOpen && (!onlyOrders || OrderSteps.Contains(clock.Deadline.Step)))
                    {
                        var key = (c.LaCode, clock.Deadline.Step, clock.State);
                        counts[key] = counts.GetValueOrDefault(key) + 1;
                    }
                }
            }

            tallies.AddRange(counts
                .OrderBy(c => c.Key.Item1, StringComparer.Ordinal).ThenBy(c => c.Key.Item2).ThenBy(c => c.Key.Item3)
                .Select(c => new DeadlineTally(c.Key.Item1, c.Key.Item2, c.Key.Item3, c.Value)));
        }

        return new DeadlineSweepResult(today, openCases, tallies, openReviews);
    }

    private static readonly HashSet<StatutoryStep> OrderSteps =
        [StatutoryStep.NotifyBy, StatutoryStep.DecisionNotToIssueBy, StatutoryStep.DraftPlanBy, StatutoryStep.FinalPlanBy, StatutoryStep.AmendedPlanBy,
            StatutoryStep.ReassessmentDecisionBy, StatutoryStep.ReassessmentOutcomeBy];

    private sealed record CaseRow(
        Guid Id, string LaCode, string RuleSetId, AssessmentStage Stage, DateOnly RequestReceivedOn, DateOnly? AssessDecisionOn,
        bool? WillAssess, DateOnly? IssueDecisionOn, bool? WillIssue, DateOnly? FinalPlanIssuedOn, IReadOnlyList<OrderClock> Orders,
        DateOnly? ReassessmentRequestedOn, DateOnly? ReassessDecisionOn, bool? WillReassess, DateOnly? ReassessmentConcludedOn);
}
