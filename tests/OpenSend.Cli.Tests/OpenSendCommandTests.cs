using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpenSend.Data.Audit;
using OpenSend.Data.Database;
using OpenSend.Testing;

[assembly: AssemblyFixture(typeof(PostgresServer))]

namespace OpenSend.Cli.Tests;

/// <summary>The `opensend` command against a real database of each provider.</summary>
public abstract class OpenSendCommandTests(TestProvider provider, PostgresServer postgres) : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 6, 15, 11, 0, 0, TimeSpan.Zero));
    private TestDatabase _database = default!;

    public async ValueTask InitializeAsync() => _database = await TestDatabase.CreateAsync(provider, postgres);

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task SeedDemo_OnAnEmptyDatabase_MigratesItAndCreatesDemoshire()
    {
        var (exit, output, error) = await RunAsync("seed", "demo");

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        Assert.Contains("Seeded Demoshire (999) with 67 EHC needs assessments.", output);
        await using var services = _database.Services(_time);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OpenSendDbContext>();
        Assert.Equal(67, await db.Assessments.CountAsync(a => a.LaCode == "999"));
        // England's 153, Demoshire and Northshire (the demo's second invented council).
        Assert.Equal(155, await db.LocalAuthorities.CountAsync());
        Assert.DoesNotContain(await db.Organisations.Where(o => o.LaCode != null).Select(o => o.LaCode!).Distinct().ToListAsync(), code => code is not ("999" or "998"));
    }

    [Fact]
    public async Task SeedDemo_Twice_SaysThereIsNothingToDo()
    {
        await RunAsync("seed", "demo");

        var (exit, output, _) = await RunAsync("seed", "demo");

        Assert.Equal(0, exit);
        Assert.Contains("already has cases; nothing to do", output);
    }

    [Fact]
    public async Task AuditVerify_OnAnIntactLog_SealsItAndSaysSo_AndOnAnEditedOne_FailsNamingTheRecord()
    {
        await RunAsync("seed", "demo");
        _time.Advance(TimeSpan.FromMinutes(1));

        var (exit, output, _) = await RunAsync("audit", "verify");

        Assert.Equal(0, exit);
        Assert.Matches(@"Audit chain intact: \d+ records verified", output);
        await using (var services = _database.Services(_time))
        {
            await using var scope = services.CreateAsyncScope();
            await TablesOwner.DropAuditTriggersAsync(scope.ServiceProvider.GetRequiredService<OpenSendDbContext>());
            await scope.ServiceProvider.GetRequiredService<OpenSendDbContext>().AuditRecords.Where(r => r.ChainSequence == 10)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Detail, "rewritten"));
        }

        var (failedExit, _, error) = await RunAsync("audit", "verify");

        Assert.Equal(1, failedExit);
        Assert.Contains("number 10 in the chain", error);
        Assert.Contains("has been altered", error);
    }

    [Fact]
    public async Task AuditCheckpoint_WrittenOutside_IsHeldByTheChain_UntilRecordsAreRemoved()
    {
        await RunAsync("seed", "demo");
        _time.Advance(TimeSpan.FromMinutes(1));
        var file = Path.Combine(Path.GetTempPath(), $"opensend-checkpoint-{Guid.NewGuid():N}.json");
        try
        {
            var (checkpointExit, checkpointOutput, _) = await RunAsync("audit", "checkpoint", "--out", file);
            var (verifyExit, verifyOutput, _) = await RunAsync("audit", "verify", "--checkpoint", file);
            await using (var services = _database.Services(_time))
            {
                await using var scope = services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<OpenSendDbContext>();
                await TablesOwner.DropAuditTriggersAsync(db);
                var last = await db.AuditRecords.MaxAsync(r => r.ChainSequence);
                await db.AuditRecords.Where(r => r.ChainSequence == last).ExecuteDeleteAsync();
                var previous = await db.AuditRecords.Where(r => r.ChainSequence == last - 1).Select(r => r.Hash).SingleAsync();
                // The head moved back too, so only the checkpoint can tell.
                await db.Set<AuditChainHead>().ExecuteUpdateAsync(s => s.SetProperty(h => h.LastSequence, last - 1).SetProperty(h => h.LastHash, previous));
            }

            var (cutExit, _, cutError) = await RunAsync("audit", "verify", "--checkpoint", file);

            Assert.Equal((0, 0), (checkpointExit, verifyExit));
            Assert.Contains("Checkpoint written to", checkpointOutput);
            Assert.Contains("it still holds the checkpoint", verifyOutput);
            Assert.Equal(1, cutExit);
            Assert.Contains("sealed records have been removed", cutError);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task AdminAddStaff_CreatesTheFirstAdministratorAndPrintsTheirLink()
    {
        await RunAsync("admin", "add-organisation", "--kind", "LocalAuthority", "--code", "886", "--name", "Kent County Council", "--la", "886");

        var (exit, output, error) = await RunAsync("admin", "add-staff", "--organisation", "886", "--kind", "LocalAuthority",
            "--email", "first.admin@kent.example", "--name", "First Admin", "--role", "Administrator");

        Assert.True(exit == 0, error);
        Assert.Matches(@"/account/set-password\?token=[A-Za-z0-9_-]{20,}", output);
    }

    [Fact]
    public async Task RetentionRun_WithDryRun_CountsWithoutChanging()
    {
        var (exit, output, _) = await RunAsync("retention", "run", "--dry-run");

        Assert.Equal(0, exit);
        Assert.Contains("0 cases are past the retention period (nothing changed).", output);
    }

    [Fact]
    public async Task AnUnknownCommand_FailsWithANonZeroExitCode()
    {
        var (exit, _, error) = await RunAsync("seed", "everything");

        Assert.NotEqual(0, exit);
        Assert.Contains("everything", error);
    }

    [Fact]
    public async Task Help_OnEveryCommand_DescribesIt()
    {
        var (exit, output, _) = await RunAsync("seed", "demo", "--help");

        Assert.Equal(0, exit);
        Assert.Contains("Demoshire (999)", output);
    }

    [Fact]
    public async Task Generate_ForOneLa_LoadsItsCalibratedCases_AndASecondRunReplacesThem()
    {
        var (exit, output, error) = await RunAsync("generate", "--scale", "0.01", "--years", "1", "--la", "886", "--batch-size", "7");

        Assert.Equal(string.Empty, error);
        Assert.Equal(0, exit);
        var match = System.Text.RegularExpressions.Regex.Match(output, @"Generated (?<cases>[\d,]+) EHC needs assessments \((?<rows>[\d,]+) rows\) for 1 LAs");
        Assert.True(match.Success, output);
        var generated = int.Parse(match.Groups["cases"].Value, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture);
        await using (var services = _database.Services(_time))
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OpenSendDbContext>();
            Assert.Equal(generated, await db.Assessments.CountAsync(a => a.LaCode == "886"));
            Assert.Equal(0, await db.Assessments.CountAsync(a => a.LaCode != "886"));
        }

        var (_, again, _) = await RunAsync("generate", "--scale", "0.01", "--years", "1", "--la", "886");

        Assert.Contains($"replacing {match.Groups["cases"].Value} generated earlier", again);
    }

    [Theory]
    [InlineData("--scale", "0", "--scale must be more than 0 and at most 1")]
    [InlineData("--scale", "2", "--scale must be more than 0 and at most 1")]
    [InlineData("--la", "123", "No local authority has the code 123")]
    [InlineData("--statistics", "/nowhere/release.zip", "There is no statistics release at /nowhere/release.zip")]
    public async Task Generate_WithBadOptions_FailsWithTheReason(string option, string value, string reason)
    {
        string[] args = option == "--scale" ? ["generate", option, value] : ["generate", "--scale", "0.01", option, value];

        var (exit, _, error) = await RunAsync(args);

        Assert.Equal(1, exit);
        Assert.Contains(reason, error);
    }

    [Fact]
    public async Task Deadlines_ForDemoshire_CountsWhatEachCasePageShows()
    {
        await RunAsync("seed", "demo");

        var (exit, output, error) = await RunAsync("deadlines", "--la", "999");

        Assert.Equal(string.Empty, error);
        Assert.Equal(0, exit);
        await using var services = _database.Services(_time);
        await using var scope = services.CreateAsyncScope();
        var cases = await scope.ServiceProvider.GetRequiredService<OpenSendDbContext>().Assessments.AsNoTracking()
            .Include(a => a.AdviceRequests).Include(a => a.Exceptions).AsSplitQuery().ToListAsync();
        var inForce = cases.Where(c => c.Stage == OpenSend.Domain.Assessments.AssessmentStage.PlanIssued).Select(c => c.Id).ToHashSet();
        var reviews = (await scope.ServiceProvider.GetRequiredService<OpenSendDbContext>().AnnualReviews.AsNoTracking().ToListAsync())
            .Where(r => r.IsOpen && inForce.Contains(r.AssessmentId)).ToList();
        // Redress's clocks too: the demo has a mediation being arranged and an appeal with the tribunal.
        var mediations = await scope.ServiceProvider.GetRequiredService<OpenSendDbContext>().Mediations.AsNoTracking().ToListAsync();
        var appeals = await scope.ServiceProvider.GetRequiredService<OpenSendDbContext>().TribunalAppeals.AsNoTracking().ToListAsync();
        Assert.NotEmpty(mediations);
        Assert.NotEmpty(appeals);
        var clocks = cases.SelectMany(c => c.Deadlines(new DateOnly(2026, 6, 15)))
            .Concat(reviews.SelectMany(r => r.Deadlines(new DateOnly(2026, 6, 15))))
            .Concat(mediations.SelectMany(m => m.Deadlines(new DateOnly(2026, 6, 15))))
            .Concat(appeals.SelectMany(a => a.Deadlines(new DateOnly(2026, 6, 15))))
            .Where(d => d.IsOpen).ToList();
        var overdue = clocks.Count(d => d.State == OpenSend.Domain.Timescales.DeadlineState.Overdue);
        Assert.True(overdue > 0, "Demoshire has overdue cases.");
        Assert.NotEmpty(reviews);
        Assert.Contains($"On 15 June 2026: {clocks.Count:N0} open clocks on {cases.Count(c => c.IsOpen)} open cases and {reviews.Count} open reviews in 1 LAs; {overdue} overdue,", output);
        Assert.Contains("Decide whether to assess", output);
    }

    [Fact]
    public async Task Deadlines_WithADateNotWrittenAsIso_FailsWithTheReason()
    {
        var (exit, _, error) = await RunAsync("deadlines", "--on", "15/06/2026");

        Assert.Equal(1, exit);
        Assert.Contains("--on must be a date written yyyy-mm-dd, for example 2026-06-15; '15/06/2026' is not.", error);
    }

    [Fact]
    public async Task ImportGias_PrintsEachRejectedRowAndTheSummary_AndAgainFindsNothingNew()
    {
        var path = GiasFile.Write(
        [
            GiasFile.School("100001", "Oakfield Primary School"),
            GiasFile.School("100002", "Brookside Infant School, Demotown", ("StatutoryHighAge", "7")),
            GiasFile.School("1000033", "Riverside Nursery", ("StatutoryLowAge", "5"), ("StatutoryHighAge", "2")),
        ]);

        var (exit, output, error) = await RunAsync("import", "gias", path);
        var (_, again, _) = await RunAsync("import", "gias", path);

        Assert.Equal((0, string.Empty), (exit, error));
        Assert.Contains("rejected row 4 (URN 1000033): StatutoryLowAge 5 is above StatutoryHighAge 2.", output);
        Assert.Contains("rows read: 3, imported: 2, updated: 0, rejected: 1;", output);
        Assert.Contains("rows read: 3, imported: 0, updated: 0, rejected: 1; unchanged: 2", again);
    }

    /// <summary>
    /// Issue 24: another directory's Open Referral UK data joins an LA's local offer: the standard's own example service loads
    /// with its organisation and taxonomy term, loading again updates it, and a service with a status the standard does not
    /// have is reported with its reason while the rest load.
    /// </summary>
    [Fact]
    public async Task ImportOruk_LoadsTheStandardsExample_UpdatesItAgain_AndReportsAServiceItCannotLoad()
    {
        var example = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(StandardExample("service_full.json")))!;
        var broken = example.DeepClone();
        broken["id"] = "6b1c0e2a-4f0b-4b8e-9a59-2f4f8d1e7c11";
        broken["name"] = "Drop-in without a status";
        broken["status"] = "open";
        var path = Path.Combine(Path.GetTempPath(), $"opensend-oruk-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, new System.Text.Json.Nodes.JsonArray(example.DeepClone(), broken).ToJsonString());

        var (exit, output, error) = await RunAsync("import", "oruk", path, "--la", "886");
        var (_, again, _) = await RunAsync("import", "oruk", path, "--la", "886");
        var (unknownLa, _, laError) = await RunAsync("import", "oruk", path, "--la", "000");

        Assert.Equal((0, string.Empty), (exit, error));
        Assert.Contains("rejected Drop-in without a status (6b1c0e2a-4f0b-4b8e-9a59-2f4f8d1e7c11): Its status 'open' is not one of active, inactive, defunct or temporarily closed.", output);
        Assert.Contains("services read: 2, added: 1, updated: 0, taxonomy terms added: 1, rejected: 1", output);
        Assert.Contains("services read: 2, added: 0, updated: 1, taxonomy terms added: 0, rejected: 1", again);
        Assert.Equal(1, unknownLa);
        Assert.Contains("There is no local authority 000.", laError);
    }

    /// <summary>Issue 24: the DfE's decision that an area runs the green paper's rules is recorded from the command line, dated, never back in time.</summary>
    [Fact]
    public async Task AdoptRules_RecordsTheDecision_AndRefusesADateThatHasPassed()
    {
        var (exit, output, error) = await RunAsync("adopt-rules", "--la", "886", "--rule-set", "green-paper-2022", "--from", "2026-09-01", "--reason", "The SEND change programme's second wave.");
        var (past, _, pastError) = await RunAsync("adopt-rules", "--la", "886", "--rule-set", "green-paper-2022", "--from", "2026-06-14", "--reason", "Backdated.");

        Assert.Equal((0, string.Empty), (exit, error));
        Assert.Contains("886 runs the Green paper 2022 proposals for clocks starting on or after 1 September 2026.", output);
        Assert.Equal(1, past);
        Assert.Contains("Rules are adopted from today (15 June 2026) or later", pastError);
        await using var services = _database.Services(_time);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OpenSendDbContext>();
        var kent = await db.LocalAuthorities.AsNoTracking().SingleAsync(l => l.Code == "886");
        Assert.Equal(("green-paper-2022", new DateOnly(2026, 9, 1)), (kent.AdoptedRuleSetId, kent.AdoptedRuleSetFrom));
        Assert.Equal("The SEND change programme's second wave.", (await db.RuleSetAdoptions.AsNoTracking().SingleAsync()).Reason);
        Assert.True(await db.AuditRecords.AnyAsync(a => a.Action == "la.rule-set-adopted" && a.LaCode == "886"));
    }

    private static string StandardExample(string name)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "..", "shared", "standards", "oruk-uk-profile-3.0", "examples", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"The Open Referral UK example {name} was not found in ../shared/standards beside the repository.");
    }

    [Fact]
    public async Task ImportGias_OfAMissingFile_FailsWithTheReason()
    {
        var (exit, _, error) = await RunAsync("import", "gias", "/nowhere/edubasealldata.csv");

        Assert.Equal(1, exit);
        Assert.Contains("There is no file at /nowhere/edubasealldata.csv", error);
    }

    [Fact]
    public async Task ExportSen2_ForDemoshire_PrintsWhatTheReturnHoldsAndWritesTheXml()
    {
        await RunAsync("seed", "demo");
        var path = Path.Combine(Path.GetTempPath(), $"opensend-sen2-{Guid.NewGuid():N}.xml");

        var (exit, output, error) = await RunAsync("export", "sen2", "--la", "999", "--census", "2026-01-15", "--out", path);

        Assert.True(exit == 0, error);
        Assert.Matches(@"SEN2 2026 for 999, census 2026-01-15: \d+ children, \d+ requests received in 2025, \d+ plans issued in 2025 \(\d+ within 20 weeks\), \d+ plans active on census day; 0 errors, \d+ queries\.", output);
        Assert.Contains($"Written to {path}.", output);
        var xml = System.Xml.Linq.XDocument.Load(path);
        Assert.Equal(("SEN2", "2026-01-15"), (xml.Root!.Name.LocalName, xml.Root.Element("Header")!.Element("CollectionDetails")!.Element("ReferenceDate")!.Value));
        File.Delete(path);
    }

    [Fact]
    public async Task ExportSen2_WithACensusNotWrittenAsIso_FailsWithTheReason()
    {
        var (exit, _, error) = await RunAsync("export", "sen2", "--la", "999", "--census", "15/01/2026", "--out", "/tmp/never.xml");

        Assert.Equal(1, exit);
        Assert.Contains("--census must be a date written yyyy-mm-dd; '15/01/2026' is not.", error);
        Assert.False(File.Exists("/tmp/never.xml"));
    }

    [Fact]
    public async Task ImportMeasuresAndNeighbours_PrintEachRejectedLineAndTheSummary()
    {
        await RunAsync("migrate");
        var measures = Path.Combine(Path.GetTempPath(), $"opensend-measures-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(measures, "measure_id,area_code,year,numerator,denominator,value,source\nabsence,886,2024,,,31.5,DfE pupil absence\nabsence,886,2024x,,,31.5,Bad year\n");
        var neighbours = Path.Combine(Path.GetTempPath(), $"opensend-neighbours-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(neighbours, "la_code,neighbour_code,rank,source\n886,887,1,DfE\n886,886,2,Itself\n");

        var (exit, output, error) = await RunAsync("import", "measures", measures);
        var (neighboursExit, neighboursOutput, _) = await RunAsync("import", "neighbours", neighbours);

        Assert.Equal((0, string.Empty), (exit, error));
        Assert.Contains("rejected line 3: '2024x' is not a year.", output);
        Assert.Contains("rows read: 2, loaded: 1, replaced: 0, rejected: 1", output);
        Assert.Equal(0, neighboursExit);
        Assert.Contains("rejected line 3: 886 cannot be its own neighbour.", neighboursOutput);
        Assert.Contains("neighbours loaded: 1 for 1 local authorities, rejected: 1", neighboursOutput);
    }

    [Fact]
    public async Task ImportStatistics_OfAZipThatIsNotTheRelease_FailsSayingNothingWasImported()
    {
        var path = Path.Combine(Path.GetTempPath(), $"opensend-not-release-{Guid.NewGuid():N}.zip");
        using (var zip = System.IO.Compression.ZipFile.Open(path, System.IO.Compression.ZipArchiveMode.Create))
        {
            await using var entry = zip.CreateEntry("readme.txt").Open();
            await entry.WriteAsync("not statistics"u8.ToArray());
        }

        var (exit, _, error) = await RunAsync("import", "statistics", path);

        Assert.Equal(1, exit);
        Assert.Contains("is not the DfE's Education, health and care plans release", error);
        Assert.Contains("Nothing was imported.", error);
    }

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await OpenSendCommand.RunAsync(args, output, error, _database.ConnectionString, _time);
        return (exit, output.ToString(), error.ToString());
    }
}

public sealed class OpenSendCommandTests_Sqlite(PostgresServer postgres) : OpenSendCommandTests(TestProvider.Sqlite, postgres);

public sealed class OpenSendCommandTests_PostgreSql(PostgresServer postgres) : OpenSendCommandTests(TestProvider.PostgreSql, postgres);

public sealed class DatabaseFailureTests
{
    [Fact]
    public async Task AnUnreachableDatabase_FailsWithAOneLineReason()
    {
        var error = new StringWriter();

        var exit = await OpenSendCommand.RunAsync(["migrate"], new StringWriter(), error, "Host=127.0.0.1;Port=1;Username=nobody;Timeout=2");

        Assert.Equal(1, exit);
        var line = Assert.Single(error.ToString().TrimEnd().Split('\n'));
        Assert.StartsWith("opensend: ", line);
    }
}
