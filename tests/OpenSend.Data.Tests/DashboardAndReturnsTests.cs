using System.Text;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenSend.Data.Audit;
using OpenSend.Data.Dashboard;
using OpenSend.Data.Database;
using OpenSend.Data.Demo;
using OpenSend.Data.Returns;
using OpenSend.Data.Statistics;
using OpenSend.Domain.Dashboard;
using OpenSend.Domain.Returns;
using OpenSend.Testing;

namespace OpenSend.Data.Tests;

/// <summary>
/// The DfE's release loaded as published, the SEN2 return made from an LA's records by the census
/// rules, and the dashboard counting from that same return: the one source of truth.
/// </summary>
public abstract class DashboardAndReturnsTests(TestProvider provider, PostgresServer postgres) : DataTest(provider, postgres)
{
    /// <summary>SEN2 2026: census day Thursday 15 January 2026, reporting on calendar 2025.</summary>
    private static readonly DateOnly Census2026 = new(2026, 1, 15);

    private static readonly RequestContext Public = RequestContext.Public("127.0.0.1");

    /// <summary>The release beside the repository; CI always has it, so there it is a failure to be without it.</summary>
    private static string Release()
    {
        if (PublishedStatistics.Locate() is { } path)
        {
            return path;
        }

        var message = $"The DfE statistics release is not at {PublishedStatistics.DefaultRelativePath} beside the repository.";
        if (Environment.GetEnvironmentVariable("CI") is not null || Environment.GetEnvironmentVariable("OPENSEND_REQUIRE_RELEASE") is not null)
        {
            throw new InvalidOperationException(message + " CI must have it.");
        }

        Assert.Skip(message + " Skipped here; CI runs it.");
        return string.Empty;
    }

    private static string Csv(params string[] lines)
    {
        var path = Path.Combine(Path.GetTempPath(), $"opensend-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, string.Join("\n", lines) + "\n", Encoding.UTF8);
        return path;
    }

    [Fact]
    public void TheCensusDay_IsTheThirdThursdayOfJanuary()
    {
        Assert.Equal(new DateOnly(2025, 1, 16), Sen2Extract.CensusDay(2025));
        Assert.Equal(Census2026, Sen2Extract.CensusDay(2026));
        Assert.Equal(new DateOnly(2027, 1, 21), Sen2Extract.CensusDay(2027));
    }

    [Fact]
    public async Task TheRealRelease_LoadsEveryTableAsPublished_KeepsSuppressedCells_AndLoadingItAgainChangesNothing()
    {
        var release = Release();

        var first = await InScope(sp => sp.GetRequiredService<StatisticsImport>().RunAsync(release));
        var again = await InScope(sp => sp.GetRequiredService<StatisticsImport>().RunAsync(release));

        var stored = await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().PublishedRows.CountAsync());
        Assert.Equal(first.Rows, stored);
        Assert.True(stored > 190_000, $"{stored} rows");
        Assert.Superset(new HashSet<string> { PublishedTables.Requests, PublishedTables.Timeliness, PublishedTables.AnnualReviews, PublishedTables.Caseload, PublishedTables.TribunalAppeals, PublishedTables.Officers },
            first.Tables.Select(t => t.Table).ToHashSet());
        Assert.Equal((2019, 2024), (first.Tables.Single(t => t.Table == PublishedTables.Requests).FirstYear, first.Tables.Single(t => t.Table == PublishedTables.Requests).LastYear));
        Assert.True(first.Tables.Sum(t => t.Suppressed) > 0);
        Assert.Equal((0, 0, first.Rows), (again.Tables.Sum(t => t.Inserted), again.Tables.Sum(t => t.Updated), again.Tables.Sum(t => t.Unchanged)));

        // England's 2019 count of requests agreed for assessment is published as "x": kept as not published, never as 0.
        var england2019 = await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().PublishedRows.AsNoTracking()
            .SingleAsync(r => r.Table == PublishedTables.Requests && r.Level == PublishedLevels.National && r.TimePeriod == 2019 && r.BreakdownTopic.StartsWith("All")));
        Assert.Equal(new PublishedValue(null, "x"), england2019.Value("requests_decided_to_assess"));
        Assert.Equal(new PublishedValue(82_329m, null), england2019.Value("requests_received_in_year"));

        // The dashboard shows them as published: Kent's 2024 20-week rate beside the South East and England.
        var (kent, panel) = (await InScope(sp => sp.GetRequiredService<DashboardQueries>().MeasureAsync(Public, "886", "plans-within-20-weeks", Breakdown.Sex)))!.Value;
        var y2024 = panel.Trend.Single(t => t.Year == 2024);
        Assert.False(kent.Live);
        Assert.Equal([2020, 2021, 2022, 2023, 2024], panel.Trend.Select(t => t.Year));
        Assert.Equal((32.3m, 784m, 2424m, FigureSource.Published), (y2024.La.Value!.Value, y2024.La.Numerator!.Value, y2024.La.Denominator!.Value, y2024.La.Source));
        Assert.Equal((37.9m, 45.9m), (y2024.Region.Value!.Value, y2024.England.Value!.Value));
        Assert.Equal(["Female", "Male", "Not known"], panel.ByGroup.Select(g => g.Group));

        var (rows, year, _, england) = await InScope(sp => sp.GetRequiredService<DashboardQueries>().RankAsync(Public, "plans-within-20-weeks", null));
        Assert.Equal((2024, 45.9m), (year, england.Value));
        var ranked = rows.Where(r => r.Rank > 0).ToList();
        Assert.True(ranked.Count > 140, $"{ranked.Count} LAs ranked");
        Assert.True(ranked.Zip(ranked.Skip(1)).All(p => p.First.Figure.Value >= p.Second.Figure.Value), "best (highest) first");
        Assert.Equal(32.3m, rows.Single(r => r.LaCode == "886").Figure.Value);

        var csv = Encoding.UTF8.GetString(DashboardCsv.Trend(kent, panel, "Statistical neighbours (average)"));
        Assert.Contains("plans-within-20-weeks,2024,no,Kent,886,32.3,784,2424,published", csv);
        Assert.Contains("plans-within-20-weeks,2024,no,England,E92000001,45.9,", csv);
    }

    [Fact]
    public async Task TheReturn_HoldsTheRequestsOfTheYearAndThoseStillWaiting_NotThoseDecidedBeforeOrMadeAfter()
    {
        var decided2024 = await ReceiveAsync(receivedOn: new DateOnly(2024, 3, 1), givenName: "Before");
        await InScope(sp => sp.GetRequiredService<OpenSend.Data.Assessments.AssessmentCases>().DecideNotToAssessAsync(In999, decided2024.Id, new DateOnly(2024, 4, 5), "Needs met at SEN support."));
        var refused2025 = await ReceiveAsync(receivedOn: new DateOnly(2025, 2, 3), givenName: "Refused");
        await InScope(sp => sp.GetRequiredService<OpenSend.Data.Assessments.AssessmentCases>().DecideNotToAssessAsync(In999, refused2025.Id, new DateOnly(2025, 3, 10), "Needs met at SEN support."));
        var withdrawn2025 = await ReceiveAsync(receivedOn: new DateOnly(2025, 4, 1), givenName: "Withdrawn");
        await InScope(sp => sp.GetRequiredService<OpenSend.Data.Assessments.AssessmentCases>().WithdrawAsync(In999, withdrawn2025.Id, new DateOnly(2025, 5, 1), "The family moved."));
        var waiting = await ReceiveAsync(receivedOn: new DateOnly(2025, 12, 15), givenName: "Waiting");
        await ReceiveAsync(receivedOn: new DateOnly(2026, 2, 2), givenName: "After");

        var made = await InScope(sp => sp.GetRequiredService<Sen2Returns>().MakeAsync("999", Census2026));

        Assert.Equal(["Refused", "Waiting", "Withdrawn"], made.Return.Persons.Select(p => p.Forename).Order());
        var requests = made.Return.Requests.ToDictionary(r => r.Person.Forename, r => r.Request);
        Assert.Equal((Sen2RequestOutcome.N, new DateOnly(2025, 3, 10)), (requests["Refused"].Outcome!.Value, requests["Refused"].OutcomeDate!.Value));
        Assert.Equal((Sen2RequestOutcome.W, new DateOnly(2025, 5, 1)), (requests["Withdrawn"].Outcome!.Value, requests["Withdrawn"].OutcomeDate!.Value));
        Assert.Null(requests["Waiting"].Outcome);
        Assert.Equal((3, 0, 0, 0), (made.Counts.RequestsInYear, made.Counts.PlansIssuedInYear, made.Counts.PlansWithin20Weeks, made.Counts.ActivePlans));

        // No sex, ethnicity or UPN is recorded for them: queries (sent, not blocking), each against the child's case.
        Assert.Equal(0, made.Errors);
        var sexUnknown = made.Findings.Single(f => f.Code == "sex-unknown" && f.Subject.Forename == "Waiting");
        Assert.Equal((Sen2Severity.Query, (Guid?)waiting.Id), (sexUnknown.Severity, made.CaseOf(sexUnknown)));
    }

    [Fact]
    public async Task TheDemoLasReturn_HasNoErrors_ReadsBackToTheSameFile_AndTheDashboardCountsWhatTheFileHolds()
    {
        await InScope(sp => sp.GetRequiredService<DemoData>().SeedAsync());
        var staff = new RequestContext(Caseworker999, LaStaff("999"), null);

        var made = await InScope(sp => sp.GetRequiredService<Sen2Returns>().MakeAsync("999", Census2026));
        using var file = new MemoryStream();
        await InScope(sp => sp.GetRequiredService<Sen2Returns>().WriteAsync(staff, made, file));
        var xml = XDocument.Parse(Encoding.UTF8.GetString(file.ToArray()));
        var back = Sen2Xml.Read(xml);

        Assert.Equal(0, made.Errors);
        Assert.Equal(Sen2Xml.Write(made.Return).ToString(), Sen2Xml.Write(back).ToString());
        Assert.Equal(made.Return.Persons.Count, xml.Root!.Elements("Person").Count());

        // Counted from the file alone, by the DfE's definitions, not through the dashboard's code.
        bool In2025(DateOnly? d) => d is { Year: 2025 };
        var requests = back.Requests.Count(r => In2025(r.Request.ReceivedDate));
        // New plans: made in 2025 after an assessment here (a plan that moved in from another LA is not new).
        var newPlans = back.Plans.Where(p => In2025(p.Plan.StartDate) && p.Request.Assessment!.Outcome == Sen2AssessmentOutcome.Y && p.Plan.Active?.TransferredFromLa is null).ToList();
        var within20 = newPlans.Count(p => p.Plan.StartDate.DayNumber - p.Request.ReceivedDate.DayNumber <= 20 * 7);
        var active = back.Plans.Count(p => p.Plan.StartDate <= Census2026 && p.Plan.CeaseDate is null);
        Assert.True(active > 5 && newPlans.Count > 5 && requests > 10, $"{active} active, {newPlans.Count} new, {requests} requests");

        var (board, _) = (await InScope(sp => sp.GetRequiredService<DashboardQueries>().MeasureAsync(staff, "999", "plans-within-20-weeks", Breakdown.None)))!.Value;
        Figure For(string measure) => InScope(sp => sp.GetRequiredService<DashboardQueries>().MeasureAsync(staff, "999", measure, Breakdown.None)).Result!.Value.Panel.Trend.Single(t => t.Year == 2025).La;
        Assert.True(board.Live);
        Assert.Equal(((decimal?)within20, (decimal?)newPlans.Count), (For("plans-within-20-weeks").Numerator, For("plans-within-20-weeks").Denominator));
        Assert.Equal(requests, For("requests-received").Value);
        Assert.Equal(active, For("active-plans").Value);
        Assert.Equal((requests, newPlans.Count, within20, active), (made.Counts.RequestsInYear, made.Counts.PlansIssuedInYear, made.Counts.PlansWithin20Weeks, made.Counts.ActivePlans));

        var audit = await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().AuditRecords.AsNoTracking().SingleAsync(a => a.Action == "la.sen2-exported"));
        Assert.Equal(("999", $"SEN2 2026, census 2026-01-15: {made.Return.Persons.Count} children."), (audit.LaCode, audit.Detail));
    }

    [Fact]
    public async Task AReturnWithAnError_IsNotWritten_AndNothingIsRecordedAsSent()
    {
        await ReceiveAsync(receivedOn: new DateOnly(2025, 6, 2));
        var made = await InScope(sp => sp.GetRequiredService<Sen2Returns>().MakeAsync("999", Census2026));
        var broken = made with { Findings = [.. made.Findings, new Sen2Finding(Sen2Severity.Error, "dates-out-of-order", made.Return.Persons[0], "Out of order.")] };
        using var file = new MemoryStream();

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => InScope(sp => sp.GetRequiredService<Sen2Returns>().WriteAsync(In999, broken, file)));

        Assert.Contains("1 error", refused.Message);
        Assert.Equal(0, file.Length);
        Assert.False(await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().AuditRecords.AnyAsync(a => a.Action == "la.sen2-exported")));
    }

    [Fact]
    public async Task OutsideTheLa_EveryLiveCountUnder5IsWithheld_AndEveryOtherFigureIsTheSameAsTheLaSees()
    {
        await InScope(sp => sp.GetRequiredService<DemoData>().SeedAsync());
        var staff = new RequestContext(Caseworker999, LaStaff("999"), null);
        var otherLa = new RequestContext(Caseworker886, LaStaff("886"), null);

        var own = (await InScope(sp => sp.GetRequiredService<DashboardQueries>().ForLaAsync(staff, "999")))!;
        var seenByPublic = (await InScope(sp => sp.GetRequiredService<DashboardQueries>().ForLaAsync(Public, "999")))!;
        var seenByKent = (await InScope(sp => sp.GetRequiredService<DashboardQueries>().ForLaAsync(otherLa, "999")))!;

        var pairs = own.Panels.Zip(seenByPublic.Panels, seenByKent.Panels)
            .SelectMany(p => p.First.Trend.Zip(p.Second.Trend, p.Third.Trend).Select(t => (p.First.Measure, Own: t.First.La, Public: t.Second.La, Kent: t.Third.La)))
            .Where(x => x.Own.Source == FigureSource.Live)
            .ToList();
        var small = pairs.Where(x => x.Own.Numerator is > 0 and < 5 || x.Own.Denominator is > 0 and < 5).ToList();
        Assert.True(own.Unsuppressed && !seenByPublic.Unsuppressed && !seenByKent.Unsuppressed);
        Assert.NotEmpty(small);
        Assert.All(small, x => Assert.Equal(("c", (decimal?)null), (x.Public.Suppressed, x.Public.Value)));
        Assert.All(small, x => Assert.Equal("c", x.Kent.Suppressed));
        Assert.All(small, x => Assert.Null(x.Own.Suppressed));
        Assert.All(pairs.Except(small), x => Assert.Equal(x.Own, x.Public));
    }

    [Fact]
    public async Task ExternalFigures_AreCheckedLineByLine_AndALaterFileReplacesTheSameMeasureAreaAndYear()
    {
        var path = Csv(
            "measure_id,area_code,year,numerator,denominator,value,source",
            "high-needs-spend-per-plan,999,2024,,,21500,DfE s251 outturn 2024-25",
            "high-needs-spend-per-plan,886,2024,,,19000,DfE s251 outturn 2024-25",
            "absence,E92000001,2024,,,c,DfE pupil absence",
            "active-plans,999,2024,,,12,Not an external measure",
            "absence,XYZ,2024,,,10,Unknown area",
            "absence,999,twenty,,,10,Bad year",
            "absence,999,2024,,,,No value");

        var summary = await InScope(sp => sp.GetRequiredService<ExternalFiguresImport>().RunAsync(path));
        var later = await InScope(sp => sp.GetRequiredService<ExternalFiguresImport>().RunAsync(Csv(
            "measure_id,area_code,year,numerator,denominator,value,source",
            "high-needs-spend-per-plan,999,2024,,,22000,DfE s251 outturn 2024-25 (revised)")));

        Assert.Equal((7, 3, 0), (summary.Rows, summary.Loaded, summary.Replaced));
        Assert.Equal([5, 6, 7, 8], summary.Rejected.Select(r => r.Line));
        Assert.Contains("'active-plans' is not a measure loaded from outside", summary.Rejected[0].Reason);
        Assert.Equal((0, 1), (later.Loaded, later.Replaced));
        var (_, panel) = (await InScope(sp => sp.GetRequiredService<DashboardQueries>().MeasureAsync(Public, "999", "high-needs-spend-per-plan", Breakdown.None)))!.Value;
        Assert.Equal((22000m, FigureSource.External), (panel.Trend.Single(t => t.Year == 2024).La.Value!.Value, panel.Trend.Single(t => t.Year == 2024).La.Source));
        var (_, absence) = (await InScope(sp => sp.GetRequiredService<DashboardQueries>().MeasureAsync(Public, "999", "absence", Breakdown.None)))!.Value;
        Assert.Equal("c", absence.Trend.Single(t => t.Year == 2024).England.Suppressed);
    }

    [Fact]
    public async Task AFileWithTheWrongHeader_LoadsNothing()
    {
        var refused = await Assert.ThrowsAsync<InvalidDataException>(() => InScope(sp => sp.GetRequiredService<ExternalFiguresImport>().RunAsync(Csv("measure,area,year,value", "absence,999,2024,10"))));

        Assert.Contains("measure_id,area_code,year,numerator,denominator,value,source", refused.Message);
        Assert.False(await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().ExternalFigures.AnyAsync()));
    }

    [Fact]
    public async Task StatisticalNeighbours_AreAveragedBesideTheLa_AndALaterListReplacesTheLasWholeList()
    {
        await InScope(sp => sp.GetRequiredService<ExternalFiguresImport>().RunAsync(Csv(
            "measure_id,area_code,year,numerator,denominator,value,source",
            "high-needs-spend-per-plan,999,2024,,,21500,s251",
            "high-needs-spend-per-plan,886,2024,,,19000,s251",
            "high-needs-spend-per-plan,887,2024,,,23000,s251",
            "high-needs-spend-per-plan,888,2024,,,c,s251")));
        var first = await InScope(sp => sp.GetRequiredService<StatisticalNeighboursImport>().RunAsync(Csv(
            "la_code,neighbour_code,rank,source",
            "999,886,1,DfE statistical neighbours",
            "999,887,2,DfE statistical neighbours",
            "999,888,3,DfE statistical neighbours",
            "999,999,4,Itself",
            "999,886,11,Rank too high",
            "999,ABC,5,Not an LA")));

        var (board, panel) = (await InScope(sp => sp.GetRequiredService<DashboardQueries>().MeasureAsync(Public, "999", "high-needs-spend-per-plan", Breakdown.None)))!.Value;

        Assert.Equal((3, 1, 3), (first.Rows, first.Las, first.Rejected.Count));
        Assert.Equal(["886", "887", "888"], board.Neighbours.Select(n => n.Code));
        // 888's figure is withheld: the average is of the two shown, (19,000 + 23,000) / 2.
        Assert.Equal((21000m, (decimal?)2m), (panel.Trend.Single(t => t.Year == 2024).Neighbours.Value!.Value, panel.Trend.Single(t => t.Year == 2024).Neighbours.Denominator));

        await InScope(sp => sp.GetRequiredService<StatisticalNeighboursImport>().RunAsync(Csv("la_code,neighbour_code,rank,source", "999,887,1,Revised")));
        var (revised, _) = (await InScope(sp => sp.GetRequiredService<DashboardQueries>().MeasureAsync(Public, "999", "high-needs-spend-per-plan", Breakdown.None)))!.Value;
        Assert.Equal(["887"], revised.Neighbours.Select(n => n.Code));
    }
}

public sealed class DashboardAndReturnsTests_Sqlite(PostgresServer postgres) : DashboardAndReturnsTests(TestProvider.Sqlite, postgres);

public sealed class DashboardAndReturnsTests_PostgreSql(PostgresServer postgres) : DashboardAndReturnsTests(TestProvider.PostgreSql, postgres);
