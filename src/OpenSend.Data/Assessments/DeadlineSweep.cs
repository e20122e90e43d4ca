using Microsoft.EntityFrameworkCore;
using OpenSend.Data.Database;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Timescales;

namespace OpenSend.Data.Assessments;

/// <summary>How many open statutory clocks of one kind an LA has in one state on the sweep's day.</summary>
public sealed record DeadlineTally(string LaCode, StatutoryStep Step, DeadlineState State, int Count);

/// <summary>Every open clock classified on one day: per LA, per step, overdue / due within 7 days / not yet due.</summary>
public sealed record DeadlineSweepResult(DateOnly Today, int OpenCases, IReadOnlyList<DeadlineTally> Tallies)
{
    public int OpenClocks => Tallies.Sum(t => t.Count);

    public int Count(DeadlineState state, string? laCode = null, StatutoryStep? step = null) =>
        Tallies.Where(t => t.State == state && (laCode is null || t.LaCode == laCode) && (step is null || t.Step == step)).Sum(t => t.Count);
}

/// <summary>
/// Classifies every open statutory clock of every open case — the pathway's decisions and each
/// adviser's 6 weeks (reg 8(1)) — through the domain's own <see cref="PathwayClocks"/>, as the case
/// page does, so the two can never disagree. The caseload's cheaper next-deadline column
/// answers "which case is most urgent"; this answers "how many clocks are overdue" (an adviser can be
/// late while the case's next pathway deadline is weeks away).
/// </summary>
/// <remarks>
/// Only the facts the clocks depend on are read (<see cref="PathwayFacts"/>, projected by the
/// database rather than whole cases: a whole-case read took 3.4 s for England, decision 0007), one
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
            : await db.Assessments.AsNoTracking()
                .Where(a => openStages.Contains(a.Stage))
                .Select(a => a.LaCode).Distinct().OrderBy(c => c)
                .ToListAsync(cancellationToken);

        var tallies = new List<DeadlineTally>();
        var openCases = 0;
        var counts = new Dictionary<(string, StatutoryStep, DeadlineState), int>();
        foreach (var chunk in laCodes.Chunk(LasPerQuery))
        {
            counts.Clear();
            var cases = await db.Assessments.AsNoTracking()
                .Where(a => chunk.Contains(a.LaCode) && openStages.Contains(a.Stage))
                .Select(a => new LaFacts(a.LaCode, new PathwayFacts(
                    a.RuleSetId, a.Stage, a.RequestReceivedOn, a.AssessDecisionOn, a.WillAssess, a.IssueDecisionOn, a.WillIssue, a.FinalPlanIssuedOn,
                    a.AdviceRequests.Select(r => new AdviceClockFacts(r.Id, r.RequestedOn, r.ReceivedOn)).ToList(),
                    a.Exceptions.Select(e => new ExceptionClockFacts(e.Steps, e.AdviceRequestId, e.Basis)).ToList())))
                .AsSplitQuery()
                .ToListAsync(cancellationToken);
            openCases += cases.Count;
            foreach (var (laCode, facts) in cases)
            {
                foreach (var clock in PathwayClocks.Evaluate(facts, today))
                {
                    if (clock.IsOpen)
                    {
                        var key = (laCode, clock.Deadline.Step, clock.State);
                        counts[key] = counts.GetValueOrDefault(key) + 1;
                    }
                }
            }

            tallies.AddRange(counts
                .OrderBy(c => c.Key.Item1, StringComparer.Ordinal).ThenBy(c => c.Key.Item2).ThenBy(c => c.Key.Item3)
                .Select(c => new DeadlineTally(c.Key.Item1, c.Key.Item2, c.Key.Item3, c.Value)));
        }

        return new DeadlineSweepResult(today, openCases, tallies);
    }

    private sealed record LaFacts(string LaCode, PathwayFacts Facts);
}
