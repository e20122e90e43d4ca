using System.Globalization;
using BenchmarkDotNet.Attributes;
using DuckDB.NET.Data;
using Microsoft.EntityFrameworkCore;
using OpenSend.Data.Audit;
using OpenSend.Data.Dashboard;
using OpenSend.Data.Database;
using OpenSend.Data.Returns;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Dashboard;
using OpenSend.Domain.Returns;

namespace OpenSend.Benchmarks;

/// <summary>
/// Benchmarks 1 and 3 of docs/benchmarks.md, from person-level data: an LA's whole dashboard (every
/// measure over five years, each year counted from the LA's SEN2 return for the census closing it,
/// and kept: the page reads the kept counts, the background recounts them) and England's (every
/// LA's kept counts added together); the SEN2 return made, checked and written
/// as XML. Baselines: DuckDB computing the dashboard's core aggregates (requests received, plans
/// issued and within 20 weeks, plans in force on census day) over the same rows copied into it;
/// for SEN2, reading the rows the return is made from, without making it.
/// </summary>
[MemoryDiagnoser]
public class DashboardBenchmarks
{
    private BenchDatabase _database = default!;
    private DuckDBConnection _duck = default!;

    public static string LargestLaCode { get; set; } = "";

    public static IReadOnlyList<string> LaCodes { get; set; } = [];

    public static TimeProvider Time { get; set; } = TimeProvider.System;

    [GlobalSetup]
    public async Task Setup()
    {
        _database = BenchDatabase.FromEnvironment();
        _duck = await DuckBaseline.LoadAsync(_database);
    }

    [GlobalCleanup]
    public void Cleanup() => _duck.Dispose();

    [Benchmark(Baseline = true, Description = "Baseline: DuckDB core aggregates, largest LA, 5 years")]
    public IReadOnlyList<DuckBaseline.Row> DuckLargestLa() => DuckBaseline.Aggregate(_duck, LargestLaCode, Years(), Time);

    [Benchmark(Description = "LA dashboard from its kept counts, largest LA (every measure, 5 years, beside its neighbours)")]
    public async Task<int> LaDashboardLargest()
    {
        await using var scope = _database.Open(out var db);
        var dashboard = await Queries(db).ForLaAsync(RequestContext.Public("127.0.0.1"), LargestLaCode);
        return dashboard!.Panels.Count;
    }

    [Benchmark(Description = "England dashboard from every LA's kept counts (every live measure, 5 years)")]
    public async Task<int> EnglandDashboard()
    {
        await using var scope = _database.Open(out var db);
        return (await EnglandAsync(db, LaCodes)).Count;
    }

    [Benchmark(Description = "Recounting the largest LA's dashboard from person-level data (the background recount)")]
    public async Task RecountLargest()
    {
        await using var scope = _database.Open(out var db);
        await Counts(db).RecountAsync(LargestLaCode);
    }

    [Benchmark(Description = "SEN2 return of the largest LA: made, checked, written as XML")]
    public async Task<long> Sen2LargestLa()
    {
        await using var scope = _database.Open(out var db);
        return await Sen2ExportAsync(db, LargestLaCode, Census(), Time);
    }

    [Benchmark(Description = "Baseline for SEN2: reading the largest LA's rows the return is made from")]
    public async Task<int> Sen2RowsLargestLa()
    {
        await using var scope = _database.Open(out var db);
        return await ReadSen2RowsAsync(db, LargestLaCode);
    }

    /// <summary>The five reporting years the dashboard shows, to the year still running.</summary>
    public static IReadOnlyList<int> Years() => Enumerable.Range(Domain.Common.UkCalendar.Today(Time).Year - DashboardQueries.TrendYears + 1, DashboardQueries.TrendYears).ToList();

    /// <summary>The latest census already past: the SEN2 collection the LA would be sending now.</summary>
    public static DateOnly Census()
    {
        var today = Domain.Common.UkCalendar.Today(Time);
        var census = Sen2Extract.CensusDay(today.Year);
        return census <= today ? census : Sen2Extract.CensusDay(today.Year - 1);
    }

    public static DashboardQueries Queries(OpenSendDbContext db)
    {
        var data = new DashboardData(db, new Sen2Extract(db, Time), Time);
        return new(db, data, new DashboardCounts(db, data, Time));
    }

    public static DashboardCounts Counts(OpenSendDbContext db) => new(db, new DashboardData(db, new Sen2Extract(db, Time), Time), Time);

    /// <summary>
    /// What the dashboard's background recount does for every LA: its records counted for five
    /// years (its SEN2 returns, read once) and the counts kept. One LA at a time in its own scope.
    /// </summary>
    public static async Task<int> RecountEveryLaAsync(BenchDatabase database, IReadOnlyList<string> laCodes)
    {
        foreach (var laCode in laCodes)
        {
            await using var scope = database.Open(out var db);
            await Counts(db).RecountAsync(laCode);
        }

        return laCodes.Count;
    }

    /// <summary>
    /// England's dashboard: every live measure for five years, every LA's children counted together,
    /// as the sum of each LA's kept counts (MeasureCalculator.Total), never England's records.
    /// </summary>
    public static async Task<IReadOnlyList<(string Measure, int Year, Figure Figure)>> EnglandAsync(OpenSendDbContext db, IReadOnlyList<string> laCodes)
    {
        var live = Measures.All.Where(m => m.Live is not null).ToList();
        var counts = Counts(db);
        var figures = new Dictionary<(string, int), List<Figure>>();
        foreach (var laCode in laCodes)
        {
            foreach (var year in Years())
            {
                var laCounts = await counts.ForYearAsync(laCode, year);
                foreach (var measure in live)
                {
                    figures.TryAdd((measure.Id, year), []);
                    figures[(measure.Id, year)].Add(MeasureCalculator.Compute(measure, laCounts, suppress: false));
                }
            }
        }

        return figures.Select(c => (c.Key.Item1, c.Key.Item2, MeasureCalculator.Total(Measures.Get(c.Key.Item1), c.Value, suppress: true))).ToList();
    }

    /// <summary>
    /// The SEN2 return as the page and `opensend export sen2` make it (made from the LA's records,
    /// checked, counted), then written as the XML file; its size in bytes.
    /// </summary>
    public static async Task<long> Sen2ExportAsync(OpenSendDbContext db, string laCode, DateOnly census, TimeProvider time)
    {
        var made = await new Sen2Returns(new Sen2Extract(db, time), db, time).MakeAsync(laCode, census);
        using var counter = new CountingStream();
        await Sen2Made.WriteAsync(made.Return, counter);
        return counter.Length;
    }

    /// <summary>The rows a return reads (cases with their exceptions, plans with their final versions, reviews' dates), materialised but not made into a return.</summary>
    public static async Task<int> ReadSen2RowsAsync(OpenSendDbContext db, string laCode)
    {
        var cases = await db.Assessments.AsNoTracking().Include(a => a.Exceptions).AsSplitQuery().Where(a => a.LaCode == laCode).ToListAsync();
        var plans = await db.Plans.AsNoTracking().Include(p => p.Versions.Where(v => v.Status == Domain.Plans.PlanStatus.Final)).Where(p => p.LaCode == laCode).ToListAsync();
        var reviews = await db.AnnualReviews.AsNoTracking().Where(r => r.LaCode == laCode)
            .Select(r => new { r.AssessmentId, r.CreatedAt, r.MeetingHeldOn, r.DecidedOn, r.Decision, r.AmendmentNoticeOn, r.AmendedPlanIssuedOn, r.PhaseTransferDueBy }).ToListAsync();
        return cases.Count + plans.Count + reviews.Count;
    }

    /// <summary>Counts what is written without keeping it.</summary>
    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => _length += count;

        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            _length += count;
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _length += buffer.Length;
            return ValueTask.CompletedTask;
        }
    }
}

/// <summary>The DuckDB baseline: the case columns the core measures need, copied in once, and the aggregates in one query.</summary>
public static class DuckBaseline
{
    public sealed record Row(string LaCode, int Year, long Requests, long PlansIssued, long PlansWithin20Weeks, long ActivePlans);

    public static async Task<DuckDBConnection> LoadAsync(BenchDatabase database)
    {
        var duck = new DuckDBConnection("DataSource=:memory:");
        duck.Open();
        using (var create = duck.CreateCommand())
        {
            create.CommandText = "CREATE TABLE cases (la_code VARCHAR, received DATE, final_plan DATE, ceased DATE, transferred_in DATE, transferred_out BOOLEAN, closed DATE)";
            create.ExecuteNonQuery();
        }

        await using var scope = database.Open(out var db);
        using var appender = duck.CreateAppender("cases");
        await foreach (var c in db.Assessments.AsNoTracking()
            .Select(a => new { a.LaCode, a.RequestReceivedOn, a.FinalPlanIssuedOn, a.PlanCeasedOn, a.TransferredInOn, a.Stage, a.ClosedOn }).AsAsyncEnumerable())
        {
            appender.CreateRow()
                .AppendValue(c.LaCode)
                .AppendValue(c.RequestReceivedOn.ToDateTime(TimeOnly.MinValue))
                .AppendValue(c.FinalPlanIssuedOn?.ToDateTime(TimeOnly.MinValue))
                .AppendValue(c.PlanCeasedOn?.ToDateTime(TimeOnly.MinValue))
                .AppendValue(c.TransferredInOn?.ToDateTime(TimeOnly.MinValue))
                .AppendValue(c.Stage == AssessmentStage.TransferredOut)
                .AppendValue(c.ClosedOn?.ToDateTime(TimeOnly.MinValue))
                .EndRow();
        }

        return duck;
    }

    /// <summary>Per year: requests received, new plans issued, those within 20 weeks, and plans in force on the census closing the year (or today).</summary>
    public static IReadOnlyList<Row> Aggregate(DuckDBConnection duck, string? laCode, IReadOnlyList<int> years, TimeProvider time)
    {
        var today = Domain.Common.UkCalendar.Today(time);
        var censuses = string.Join(" UNION ALL ", years.Select(y =>
        {
            var census = Sen2Extract.CensusDay(y + 1);
            return string.Create(CultureInfo.InvariantCulture, $"SELECT {y} AS year, DATE '{(census <= today ? census : today):yyyy-MM-dd}' AS census");
        }));
        using var command = duck.CreateCommand();
        command.CommandText = $"""
            WITH years AS ({censuses})
            SELECT c.la_code, y.year,
                   count(*) FILTER (WHERE year(c.received) = y.year),
                   count(*) FILTER (WHERE year(c.final_plan) = y.year AND c.final_plan <= y.census AND c.transferred_in IS NULL),
                   count(*) FILTER (WHERE year(c.final_plan) = y.year AND c.final_plan <= y.census AND c.transferred_in IS NULL AND c.final_plan - c.received <= 140),
                   count(*) FILTER (WHERE c.final_plan <= y.census AND (c.ceased IS NULL OR c.ceased > y.census) AND NOT (c.transferred_out AND c.closed <= y.census))
            FROM cases c CROSS JOIN years y
            {(laCode is null ? "" : "WHERE c.la_code = $la")}
            GROUP BY ALL ORDER BY 1, 2
            """;
        if (laCode is not null)
        {
            command.Parameters.Add(new DuckDBParameter("la", laCode));
        }

        var rows = new List<Row>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(new Row(reader.GetString(0), reader.GetInt32(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5)));
        }

        return rows;
    }
}
