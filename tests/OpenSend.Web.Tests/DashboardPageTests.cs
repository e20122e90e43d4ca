using System.Net;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenSend.Data.Assessments;
using OpenSend.Data.Audit;
using OpenSend.Data.Database;
using OpenSend.Data.Statistics;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Common;
using OpenSend.Domain.Identity;

namespace OpenSend.Web.Tests;

/// <summary>
/// The dashboard's pages and tables and the SEN2 return page, on a small published release made by
/// hand (the real one is loaded in the data tests): what the public sees, what the LA's staff see,
/// and that chart, table and CSV agree.
/// </summary>
public abstract class DashboardPageTests<TApp>(TApp app) : IClassFixture<TApp>, IAsyncLifetime
    where TApp : AppFixture
{
    private RequestContext Staff999 => app.Staff999;

    private static PublishedRow Timeliness(int year, string level, string code, string name, string? region, string within, string issued, string rate, string topic = "All EHC plans issued", string breakdown = "Total") =>
        new("test release", PublishedTables.Timeliness, year, "Calendar year", level, code, name, region, topic, breakdown,
            new Dictionary<string, string> { ["plans_issued_within_20_weeks"] = within, ["plans_issued_den"] = issued, ["pc_plans_issued_within_20_weeks"] = rate });

    public async ValueTask InitializeAsync() => await app.WithServices(async sp =>
    {
        var db = sp.GetRequiredService<OpenSendDbContext>();
        if (await db.PublishedRows.AnyAsync())
        {
            return true;
        }

        db.PublishedRows.AddRange(
            Timeliness(2023, PublishedLevels.National, "E92000001", "England", null, "32000", "65200", "49.1"),
            Timeliness(2024, PublishedLevels.National, "E92000001", "England", null, "42000", "91500", "45.9"),
            Timeliness(2024, PublishedLevels.National, "E92000001", "England", null, "30000", "64000", "46.9", "Sex", "Male"),
            Timeliness(2024, PublishedLevels.National, "E92000001", "England", null, "12000", "27500", "43.6", "Sex", "Female"),
            Timeliness(2024, PublishedLevels.Regional, "E12000008", "South East", null, "5000", "13200", "37.9"),
            Timeliness(2023, PublishedLevels.LocalAuthority, "886", "Kent", "E12000008", "400", "2222", "18.0"),
            Timeliness(2024, PublishedLevels.LocalAuthority, "886", "Kent", "E12000008", "784", "2424", "32.3"),
            Timeliness(2024, PublishedLevels.LocalAuthority, "886", "Kent", "E12000008", "600", "1700", "35.3", "Sex", "Male"),
            Timeliness(2024, PublishedLevels.LocalAuthority, "886", "Kent", "E12000008", "184", "724", "25.4", "Sex", "Female"),
            Timeliness(2024, PublishedLevels.LocalAuthority, "887", "Medway", "E12000008", "300", "500", "60.0"),
            Timeliness(2024, PublishedLevels.LocalAuthority, "888", "Lancashire", "E12000002", "x", "x", "x"));
        await db.SaveChangesAsync();

        // Two requests received this year in Demoshire: a live count under 5.
        var cases = sp.GetRequiredService<AssessmentCases>();
        foreach (var name in new[] { "Dashboard One", "Dashboard Two" })
        {
            await cases.ReceiveAsync(Staff999, new AssessmentRequestSubmission("999", RequesterKind.Parent, "Pat Example", "pat@example.com", null, null, name.Split(' ')[1], "Dashboard",
                new DateOnly(2019, 3, 1), "Needs not met at SEN support.", true), new DateOnly(2026, 3, 2));
        }

        return true;
    });

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task AnLaWithoutLiveData_ShowsItsPublishedFigures_BesideItsRegionAndEngland_WithTheGapMarked()
    {
        var page = await app.Client().GetPageAsync("/dashboard/886");

        Assert.Equal("Kent", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("does not keep its cases in OpenSEND", page.QuerySelector("#dashboard-source")!.TextContent);
        var rows = page.QuerySelectorAll("#table-plans-within-20-weeks tbody tr").Select(r => r.QuerySelectorAll("th, td").Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.Equal([["2023", "18% Published", "no data", "49.1%"], ["2024", "32.3% Published", "37.9%", "45.9%"]], rows);
        Assert.Equal("32.3%", page.QuerySelector("#table-plans-within-20-weeks tbody tr:last-child .app-gap--worse")!.TextContent.Trim());
        var chart = page.QuerySelector("#measure-plans-within-20-weeks svg[role=img]")!;
        Assert.Contains("Kent: 2023 18%, 2024 32.3%. South East: 2024 37.9%. England: 2023 49.1%, 2024 45.9%.", chart.QuerySelector("desc")!.TextContent);
        Assert.Contains("Requests decided within 6 weeks", page.QuerySelector("#no-data-Experiences")!.TextContent);
        Assert.Contains("opensend import statistics", page.QuerySelector("#no-data-Experiences")!.TextContent);
        Assert.Contains("Ministry of Justice", page.QuerySelector("#no-data-Experiences")!.TextContent);
    }

    [Fact]
    public async Task AMeasure_ShowsItsDefinition_AndItsBreakdownBesideEnglands_AndTheTableDownloads()
    {
        var client = app.Client();
        var page = await client.GetPageAsync("/dashboard/886/plans-within-20-weeks?by=sex");

        Assert.Contains("SEND Regulations 2014 reg 13(2)", page.QuerySelector("#definition")!.TextContent);
        var rows = page.QuerySelectorAll("#breakdown-table tbody tr").Select(r => r.QuerySelectorAll("th, td").Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.Equal([["Female", "25.4%", "724", "43.6%"], ["Male", "35.3%", "1,700", "46.9%"]], rows);

        var csv = await client.GetAsync("/dashboard/886/plans-within-20-weeks/csv");
        var text = await csv.Content.ReadAsStringAsync();
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Equal("opensend-886-plans-within-20-weeks.csv", csv.Content.Headers.ContentDisposition!.FileNameStar ?? csv.Content.Headers.ContentDisposition.FileName);
        Assert.StartsWith("measure_id,year,to_date,area,area_code,value,numerator,denominator,source", text.TrimStart('\uFEFF'));
        Assert.Contains("plans-within-20-weeks,2024,no,Kent,886,32.3,784,2424,published", text);
        Assert.Contains("plans-within-20-weeks,2024,no,South East,E12000008,37.9,5000,13200,published", text);
        var bySex = await client.GetStringAsync("/dashboard/886/plans-within-20-weeks/csv?by=sex");
        Assert.Contains("plans-within-20-weeks,2024,sex,Female,Kent,886,25.4,184,724,published", bySex);
        Assert.Contains("plans-within-20-weeks,2024,sex,Female,England,E92000001,43.6,12000,27500,published", bySex);
    }

    [Fact]
    public async Task BadDownloads_AreProblemDetails_NotErrors()
    {
        var client = app.Client();

        var badBreakdown = await client.GetAsync("/dashboard/886/plans-within-20-weeks/csv?by=shoe-size");
        var unknownMeasure = await client.GetAsync("/dashboard/886/no-such-measure/csv");
        var unknownLa = await client.GetAsync("/dashboard/123/plans-within-20-weeks/csv");

        Assert.Equal((HttpStatusCode.BadRequest, "application/problem+json"), (badBreakdown.StatusCode, badBreakdown.Content.Headers.ContentType!.MediaType));
        Assert.Contains("sex, ethnicity, ageband, primaryneed, placementtype", await badBreakdown.Content.ReadAsStringAsync());
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (unknownMeasure.StatusCode, unknownLa.StatusCode));
        await client.GetPageAsync("/dashboard/886/no-such-measure", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TheNationalPage_RanksEveryLaBestFirst_WithoutRankingThoseNotPublished()
    {
        var client = app.Client();
        var page = await client.GetPageAsync("/dashboard/national/plans-within-20-weeks");

        Assert.Equal("45.9%", page.QuerySelector("#england")!.TextContent.Trim());
        var rows = page.QuerySelectorAll("#ranking tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.Equal(["1", "Medway", "South East", "60%", "Published"], rows[0]);
        Assert.Equal(["2", "Kent", "South East", "32.3%", "Published"], rows[1]);
        Assert.Contains(rows, r => r[0] == string.Empty && r[1] == "Lancashire" && r[3] == "x");
        var csv = await client.GetStringAsync("/dashboard/national/plans-within-20-weeks/csv?year=2024");
        Assert.Contains("plans-within-20-weeks,2024,1,Medway,887,South East,60.0,300,500,published", csv);
        Assert.Contains("plans-within-20-weeks,2024,,England,E92000001,,45.9,42000,91500,published", csv);
    }

    [Fact]
    public async Task ALiveCountUnder5_IsWithheldFromThePublic_ButNotFromTheLasOwnStaff()
    {
        var publicPage = await app.Client().GetPageAsync("/dashboard/999/requests-received");
        var staff = app.Client();
        await app.SignInAsync(staff);
        var staffPage = await staff.GetPageAsync("/dashboard/999/requests-received");
        var otherCouncil = app.Client();
        await app.SignInAsync(otherCouncil, AppFixture.NorthshireCaseworker);
        var otherCouncilPage = await otherCouncil.GetPageAsync("/dashboard/999/requests-received");

        static string ThisYear(AngleSharp.Html.Dom.IHtmlDocument page) =>
            page.QuerySelectorAll("#table-requests-received tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Contains("2026 (to date)")).QuerySelector("td")!.TextContent.Trim();
        Assert.Equal("c Live", ThisYear(publicPage));
        Assert.Equal("c Live", ThisYear(otherCouncilPage));
        Assert.Equal("2 Live", ThisYear(staffPage));
        var staffDashboard = await staff.GetPageAsync("/dashboard/999");
        Assert.Contains("you see every count", staffDashboard.QuerySelector("#dashboard-source")!.TextContent);
        Assert.StartsWith($"They were counted on {UkCalendar.InWords(AppFixture.Start)}", staffDashboard.QuerySelector("#counted-at")!.TextContent.Trim());
        Assert.DoesNotContain(",2,", await app.Client().GetStringAsync("/dashboard/999/requests-received/csv"));
    }

    [Fact]
    public async Task TheLasStaff_CheckTheSen2Return_SeeWhatToCorrect_AndDownloadIt_WhichIsAudited()
    {
        var client = app.Client();
        await app.SignInAsync(client);

        var choose = await client.GetPageAsync("/returns/sen2");
        Assert.Equal("2027", choose.QuerySelector("input[name=Year][checked]")!.GetAttribute("value"));
        Assert.Contains("Census day 21 January 2027: still to come", choose.QuerySelector("main form")!.TextContent);
        var notOffered = await client.GetPageAsync("/returns/sen2?year=2015");
        Assert.Equal("#Year", Assert.Single(notOffered.ErrorSummary()).Href);

        var checkedReturn = await client.GetPageAsync("/returns/sen2?year=2027");
        Assert.Equal("SEN2 2027, census day 21 January 2027", checkedReturn.QuerySelector("#result")!.TextContent.Trim());
        Assert.Equal("0", checkedReturn.QuerySelector("#errors")!.TextContent.Trim());
        var findings = checkedReturn.QuerySelectorAll("#findings tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(findings, f => f.Contains("Query") && f.Contains("Dashboard") && f.Contains("Sex is not recorded."));
        Assert.NotNull(checkedReturn.QuerySelector("#findings a[href$='/child-details']"));
        // Issue 20 point 19, issue 23: how the mediation and tribunal items are filled is said, so ones kept elsewhere are recorded first.
        var redressItems = checkedReturn.QuerySelector("#redress-items")!.TextContent;
        Assert.Contains("recorded in OpenSEND was held by census day", redressItems);
        Assert.Contains("kept only in other records are reported as 'no'", redressItems);

        var download = await client.GetAsync(checkedReturn.QuerySelector("#download")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("SEN2_2027_999_20270121.xml", download.Content.Headers.ContentDisposition!.FileNameStar ?? download.Content.Headers.ContentDisposition.FileName);
        var xml = XDocument.Parse(await download.Content.ReadAsStringAsync());
        Assert.Equal("SEN2", xml.Root!.Name.LocalName);
        Assert.Contains(xml.Root.Elements("Person"), p => p.Element("Surname")?.Value == "Dashboard");
        Assert.True(await app.WithServices(sp => sp.GetRequiredService<OpenSendDbContext>().AuditRecords.AnyAsync(a => a.Action == "la.sen2-exported" && a.LaCode == "999")));
    }

    [Fact]
    public async Task TheSen2Return_IsTheCouncilsOwn_NotForASchoolOrThePublic()
    {
        var senco = app.Client();
        await app.SignInAsync(senco, AppFixture.Senco, Role.Senco);
        var anonymous = app.Client(followRedirects: false);

        var asSenco = await senco.GetAsync("/returns/sen2?year=2026");
        var download = await anonymous.GetAsync("/returns/sen2?handler=Download&year=2026");

        Assert.Equal(HttpStatusCode.Forbidden, asSenco.StatusCode);
        Assert.Contains("/sign-in", download.Headers.Location?.OriginalString ?? string.Empty);
    }
}

public sealed class DashboardPageTests_Sqlite(SqliteApp app) : DashboardPageTests<SqliteApp>(app);

public sealed class DashboardPageTests_PostgreSql(PostgreSqlApp app) : DashboardPageTests<PostgreSqlApp>(app);
