using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.EntityFrameworkCore;
using OpenSend.Benchmarks;
using OpenSend.Data.Assessments;
using OpenSend.Data.Database;
using OpenSend.Data.Generation;
using OpenSend.Data.LocalAuthorities;
using OpenSend.Data.Statistics;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Common;
using OpenSend.Testing;

// Usage:
//   dotnet run -c Release --project bench/OpenSend.Benchmarks -- [--scale 1] [--years 3] [--seed 42] [--postgres <connection string>]
//   ... --postgres <connection string> --skip-load   (benchmark the data already loaded there by an earlier run)
//   ... --scenarios-only (one timed run of each scenario, no BenchmarkDotNet); --quick (without the England-wide recount and SEN2 returns);
//   ... --sweep-only (benchmark 2 alone)
//   dotnet run --project bench/OpenSend.Benchmarks -- --smoke     (what ./test.sh runs: tiny scale, SQLite, one iteration)
// Without --postgres a throwaway PostgreSQL cluster (default durability, 1 GB shared buffers) is started and deleted at the end.
var smoke = args.Contains("--smoke");
double scale = smoke ? 0.001 : double.Parse(Argument("--scale") ?? "1", CultureInfo.InvariantCulture);
var years = int.Parse(Argument("--years") ?? (smoke ? "1" : "3"), CultureInfo.InvariantCulture);
var seed = int.Parse(Argument("--seed") ?? "42", CultureInfo.InvariantCulture);
var skipLoad = args.Contains("--skip-load");
// One timed run of each scenario, without BenchmarkDotNet's repeated iterations (for a quick re-measure at national scale).
var scenariosOnly = args.Contains("--scenarios-only");
// Leaves out the England-wide scenarios that take minutes (recounting every LA's dashboard, every LA's SEN2 return): for re-measuring the rest.
var quick = args.Contains("--quick");
// Benchmark 2 alone (one run, then BenchmarkDotNet).
var sweepOnly = args.Contains("--sweep-only");
var figures = new List<string>();

PostgresServer? server = null;
string? sqliteFile = null;
try
{
    string connection;
    if (smoke)
    {
        sqliteFile = Path.Combine(Path.GetTempPath(), $"opensend-bench-{Guid.NewGuid():N}.db");
        connection = $"Data Source={sqliteFile}";
    }
    else if (Argument("--postgres") is { } given)
    {
        connection = given;
    }
    else
    {
        server = new PostgresServer { Durable = true };
        await server.InitializeAsync();
        connection = await server.CreateDatabaseAsync();
    }

    Environment.SetEnvironmentVariable(BenchDatabase.ConnectionVariable, connection);
    var database = BenchDatabase.FromEnvironment();
    Report($"Machine: {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1024 / 1024 / 1024.0:N1} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}; database {database.Settings.Describe()}; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC.");
    await database.MigrateAsync();

    // Benchmark 5: bulk load. Baseline: generating the same cases without writing them.
    var statistics = PublishedStatistics.Load(PublishedStatistics.Locate()
        ?? throw new FileNotFoundException($"The DfE statistics release is not at {PublishedStatistics.DefaultRelativePath} beside this directory or a parent."));
    var today = UkCalendar.Today(TimeProvider.System);
    var generator = new NationalDataGenerator(statistics, new GenerationOptions(scale, years, seed), today);
    var clock = new Stopwatch();
    if (!skipLoad)
    {
        PeakMemory.Reset();
        clock.Start();
        long generatedRows = 0;
        foreach (var la in LocalAuthorityRegister.England().Where(generator.Covers))
        {
            foreach (var generated in generator.For(la))
            {
                generatedRows += generated.Rows;
            }
        }

        var generateOnly = clock.Elapsed;
        var generateMemory = PeakMemory.ReadBytes();
        Report($"Baseline, generate only (scale {scale.ToString(CultureInfo.InvariantCulture)}, {years} years, seed {seed}): {generatedRows:N0} rows in {generateOnly.TotalSeconds:N1} s; peak memory {Mib(generateMemory)}.");

        PeakMemory.Reset();
        clock.Restart();
        GenerationSummary summary;
        await using (var scope = database.Open(out var db))
        {
            var lastShown = 0;
            summary = await new NationalDataLoad(db).RunAsync(generator, progress: new SynchronousProgress<GenerationProgress>(p =>
            {
                if (p.LasDone != lastShown && (p.LasDone % 25 == 0 || p.LasDone == p.LasTotal))
                {
                    lastShown = p.LasDone;
                    Console.WriteLine($"  bulk load: {p.LasDone}/{p.LasTotal} LAs, {p.CasesWritten:N0} cases, {p.RowsWritten:N0} rows, {clock.Elapsed.TotalSeconds:N0} s");
                }
            }));
        }

        var load = clock.Elapsed;
        Report($"Bulk load: {summary.CasesWritten:N0} cases, {summary.RowsWritten:N0} rows for {summary.LocalAuthorities} LAs in {load.TotalSeconds:N1} s ({summary.RowsWritten / load.TotalSeconds:N0} rows/s), {load / generateOnly:N2}× generate-only; peak memory {Mib(PeakMemory.ReadBytes())}.");
        await database.AnalyseAsync();
    }

    // Benchmark 2: the deadline sweep, once for its peak memory, then under BenchmarkDotNet.
    string largest;
    await using (var scope = database.Open(out var db))
    {
        var open = AssessmentStageText.Open.ToArray();
        largest = await db.Assessments.Where(a => open.Contains(a.Stage)).GroupBy(a => a.LaCode)
            .OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
    }

    DeadlineSweepBenchmarks.Today = today;
    DeadlineSweepBenchmarks.LargestLaCode = largest;
    PeakMemory.Reset();
    {
        await using var scope = database.Open(out var db);
        clock.Restart();
        var sweep = await new DeadlineSweep(db).RunAsync(today);
        Report($"Deadline sweep (one run): {sweep.OpenCases:N0} open cases, {sweep.OpenClocks:N0} open clocks ({sweep.Count(OpenSend.Domain.Timescales.DeadlineState.Overdue):N0} overdue) in {clock.Elapsed.TotalMilliseconds:N0} ms; largest LA by open cases {largest}; peak memory {Mib(PeakMemory.ReadBytes())}.");
    }

    if (sweepOnly)
    {
        var sweepJob = Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithId("short");
        var sweepResults = BenchmarkRunner.Run<DeadlineSweepBenchmarks>(DefaultConfig.Instance.AddJob(sweepJob).WithOptions(ConfigOptions.DisableOptimizationsValidator));
        figures.ForEach(f => Console.WriteLine("  " + f));
        return sweepResults.Reports.All(r => r.Success) ? 0 : 1;
    }

    // Benchmarks 1 and 3 need the published figures the dashboard shows beside live ones (region, England).
    await using (var scope = database.Open(out var db))
    {
        if (!await db.PublishedRows.AnyAsync())
        {
            var loaded = await new StatisticsImport(db).RunAsync(PublishedStatistics.Locate()!);
            Console.WriteLine($"Statistics loaded: {loaded.Rows:N0} published rows.");
        }
    }

    string largestByPlans;
    List<string> laCodes;
    await using (var scope = database.Open(out var db))
    {
        largestByPlans = await db.Assessments.Where(a => a.Stage == AssessmentStage.PlanIssued).GroupBy(a => a.LaCode)
            .OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
        laCodes = await db.Assessments.Select(a => a.LaCode).Distinct().OrderBy(c => c).ToListAsync();
    }

    DashboardBenchmarks.LargestLaCode = largestByPlans;
    DashboardBenchmarks.LaCodes = laCodes;
    if (!quick || smoke)
    {
        await OneRun($"Recounting every LA's dashboard from person-level data ({laCodes.Count} LAs, every live measure and breakdown, 5 years; the background recount)", async () =>
            $"{await DashboardBenchmarks.RecountEveryLaAsync(database, laCodes)} LAs counted");
    }

    await OneRun("Recounting the largest LA's dashboard from person-level data (" + largestByPlans + ")", async () =>
    {
        await using var scope = database.Open(out var db);
        await DashboardBenchmarks.Counts(db).RecountAsync(largestByPlans);
        return "counted";
    });
    await OneRun("LA dashboard from its kept counts, largest LA by plans in force (" + largestByPlans + ")", async () =>
    {
        await using var scope = database.Open(out var db);
        var dashboard = (await DashboardBenchmarks.Queries(db).ForLaAsync(OpenSend.Data.Audit.RequestContext.Public("127.0.0.1"), largestByPlans))!;
        return $"{dashboard.Panels.Count} measures, counted {dashboard.Counted?.CountedAt:HH:mm:ss}";
    });
    await OneRun($"England dashboard from every LA's kept counts ({laCodes.Count} LAs, every live measure, 5 years)", async () =>
    {
        await using var scope = database.Open(out var db);
        var england = await DashboardBenchmarks.EnglandAsync(db, laCodes);
        var latest = DashboardBenchmarks.Years()[^2];
        string Value(string id) => england.Single(f => f.Measure == id && f.Year == latest).Figure is var f ? $"{f.Numerator:N0}/{f.Denominator:N0}" : "";
        return $"{england.Count} figures; {latest}: requests {Value("requests-received")}, 20 weeks {Value("plans-within-20-weeks")}, in force {Value("active-plans")}";
    });
    using (var duck = await DuckBaseline.LoadAsync(database))
    {
        await OneRun($"Baseline: DuckDB core aggregates, largest LA ({largestByPlans}, 5 years)", () =>
            Task.FromResult($"{DuckBaseline.Aggregate(duck, largestByPlans, DashboardBenchmarks.Years(), DashboardBenchmarks.Time).Count} rows"));
        await OneRun("Baseline: DuckDB core aggregates, England (every LA, 5 years)", () =>
        {
            var rows = DuckBaseline.Aggregate(duck, null, DashboardBenchmarks.Years(), DashboardBenchmarks.Time);
            var latest = DashboardBenchmarks.Years()[^2];
            var year = rows.Where(r => r.Year == latest).ToList();
            return Task.FromResult($"{rows.Count} rows; {latest}: requests {year.Sum(r => r.Requests):N0}, 20 weeks {year.Sum(r => r.PlansWithin20Weeks):N0}/{year.Sum(r => r.PlansIssued):N0}, in force {year.Sum(r => r.ActivePlans):N0}");
        });
    }

    var census = DashboardBenchmarks.Census();
    await OneRun($"SEN2 return of the largest LA ({largestByPlans}): made, checked, written as XML", async () =>
    {
        await using var scope = database.Open(out var db);
        return $"{await DashboardBenchmarks.Sen2ExportAsync(db, largestByPlans, census, DashboardBenchmarks.Time) / 1024.0 / 1024.0:N1} MiB of XML";
    });
    await OneRun($"Baseline for SEN2: reading the largest LA's rows ({largestByPlans})", async () =>
    {
        await using var scope = database.Open(out var db);
        return $"{await DashboardBenchmarks.ReadSen2RowsAsync(db, largestByPlans):N0} rows";
    });
    if (!quick || smoke)
    {
        await OneRun($"SEN2 return of every LA (census {census:yyyy-MM-dd}): made, checked, written as XML", async () =>
        {
            long bytes = 0;
            foreach (var laCode in laCodes)
            {
                await using var scope = database.Open(out var db);
                bytes += await DashboardBenchmarks.Sen2ExportAsync(db, laCode, census, DashboardBenchmarks.Time);
            }

            return $"{bytes / 1024.0 / 1024.0:N0} MiB of XML";
        });
        await OneRun("Baseline for SEN2: reading every LA's rows the return is made from", async () =>
        {
            long rows = 0;
            foreach (var laCode in laCodes)
            {
                await using var scope = database.Open(out var db);
                rows += await DashboardBenchmarks.ReadSen2RowsAsync(db, laCode);
            }

            return $"{rows:N0} rows";
        });
    }

    if (scenariosOnly)
    {
        Console.WriteLine();
        Console.WriteLine("Scenario figures:");
        figures.ForEach(f => Console.WriteLine("  " + f));
        return 0;
    }

    var job = (smoke ? Job.Dry : Job.ShortRun).WithToolchain(InProcessEmitToolchain.Instance).WithId(smoke ? "smoke" : "short");
    var config = DefaultConfig.Instance.AddJob(job).WithOptions(ConfigOptions.DisableOptimizationsValidator | ConfigOptions.JoinSummary);
    var results = BenchmarkRunner.Run([typeof(DeadlineSweepBenchmarks), typeof(DashboardBenchmarks)], config);
    if (results.Any(r => r.HasCriticalValidationErrors || r.Reports.Any(report => !report.Success)))
    {
        Console.Error.WriteLine("A benchmark failed; see the log above.");
        return 1;
    }

    Console.WriteLine();
    Console.WriteLine("Scenario figures:");
    figures.ForEach(f => Console.WriteLine("  " + f));
    return 0;
}
finally
{
    if (server is not null)
    {
        await server.DisposeAsync();
    }

    if (sqliteFile is not null)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(sqliteFile)!, Path.GetFileName(sqliteFile) + "*"))
        {
            File.Delete(file);
        }
    }
}

// One timed run with its peak memory: for the England-wide scenarios, too long for BenchmarkDotNet's repeated iterations.
async Task OneRun(string what, Func<Task<string>> run)
{
    PeakMemory.Reset();
    var watch = Stopwatch.StartNew();
    var result = await run();
    Report($"{what}: {watch.Elapsed.TotalMilliseconds:N0} ms ({result}); peak memory {Mib(PeakMemory.ReadBytes())}.");
}

string? Argument(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}

void Report(string line)
{
    figures.Add(line);
    Console.WriteLine(line);
}

static string Mib(long bytes) => $"{bytes / 1024.0 / 1024.0:N0} MiB";
