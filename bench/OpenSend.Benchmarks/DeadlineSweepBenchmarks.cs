using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using OpenSend.Data.Assessments;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Timescales;

namespace OpenSend.Benchmarks;

/// <summary>
/// Benchmark 2 of docs/benchmarks.md: every open clock classified due / overdue. Baseline: the
/// database alone counting each open case's next deadline (the caseload's indexed column), which
/// is what the sweep would cost if it did no per-clock work at all.
/// </summary>
[MemoryDiagnoser]
public class DeadlineSweepBenchmarks
{
    private BenchDatabase _database = default!;

    public static DateOnly Today { get; set; } = DateOnly.FromDateTime(DateTime.UtcNow);

    public static string LargestLaCode { get; set; } = "";

    [GlobalSetup]
    public void Setup() => _database = BenchDatabase.FromEnvironment();

    [Benchmark(Baseline = true, Description = "Baseline: SQL count of each open case's next deadline, England")]
    public Task<int> NextDeadlineCountsEngland() => NextDeadlineCountsAsync(_database, Today);

    [Benchmark(Description = "Deadline sweep, every open clock, England")]
    public async Task<int> SweepEngland()
    {
        await using var scope = _database.Open(out var db);
        return (await new DeadlineSweep(db).RunAsync(Today)).OpenClocks;
    }

    [Benchmark(Description = "Deadline sweep, every open clock, largest LA")]
    public async Task<int> SweepLargestLa()
    {
        await using var scope = _database.Open(out var db);
        return (await new DeadlineSweep(db).RunAsync(Today, [LargestLaCode])).OpenClocks;
    }

    public static async Task<int> NextDeadlineCountsAsync(BenchDatabase database, DateOnly today)
    {
        await using var scope = database.Open(out var db);
        var open = AssessmentStageText.Open.ToArray();
        var soon = today.AddDays(DeadlineProgress.DueSoonDays);
        var rows = await db.Assessments.AsNoTracking()
            .Where(a => open.Contains(a.Stage) && a.NextDeadlineOn != null)
            .GroupBy(a => new { a.LaCode, a.NextDeadlineStep, Overdue = a.NextDeadlineOn < today, Soon = a.NextDeadlineOn <= soon })
            .Select(g => g.Count())
            .ToListAsync();
        return rows.Sum();
    }
}
