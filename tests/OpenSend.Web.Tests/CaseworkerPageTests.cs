using Microsoft.Extensions.DependencyInjection;
using OpenSend.Data.Access;
using OpenSend.Domain.Identity;

namespace OpenSend.Web.Tests;

/// <summary>
/// Issue 22: every case has a named caseworker, the family's one point of contact. The council names
/// them and hands over with a note; the family sees who to contact; the caseload shows whose cases
/// are whose, and a SEND manager sees the workload by caseworker.
/// </summary>
public abstract class CaseworkerPageTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : AppFixture
{
    private static string OptionValue(AngleSharp.Html.Dom.IHtmlDocument page, string name) =>
        page.QuerySelectorAll("#PersonId option").Single(o => o.TextContent.Trim() == name).GetAttribute("value")!;

    [Fact]
    public async Task TheCouncilNamesACaseworker_TheFamilySeesWhoToContact_AndAHandOverNeedsANote()
    {
        var id = await app.Cases.ReceivedAsync("Quinn");
        await app.WithServices(async sp =>
        {
            await sp.GetRequiredService<CaseLinks>().LinkFamilyAsync(app.Staff999, id, "quinn.parent@example.com", Role.Parent);
            return true;
        });
        var caseworker = app.Client();
        await app.SignInAsync(caseworker);
        var parent = app.Client();
        await app.SignInAsFamilyAsync(parent, "quinn.parent@example.com");
        Assert.Contains("Not named yet", (await parent.GetPageAsync($"/your-requests/{id}")).QuerySelector("#caseworker")!.TextContent);

        var form = await caseworker.GetPageAsync($"/cases/{id}/caseworker");
        var named = await Html.ParseAsync(await caseworker.SubmitAsync(form, ("PersonId", OptionValue(form, "Sam Carter")), ("Note", "")));
        Assert.Contains("Sam Carter is now the caseworker", named.QuerySelector(".govuk-notification-banner")!.TextContent);
        Assert.Contains("Caseworker: Sam Carter", named.QuerySelector("#caseworker")!.TextContent);

        var family = (await parent.GetPageAsync($"/your-requests/{id}")).QuerySelector("#caseworker")!;
        Assert.Contains("Sam Carter, your one point of contact at the council", family.TextContent);
        Assert.Equal("mailto:" + AppFixture.Caseworker, family.QuerySelector("a")!.GetAttribute("href"));

        form = await caseworker.GetPageAsync($"/cases/{id}/caseworker");
        var noNote = await Html.ParseAsync(await caseworker.SubmitAsync(form, ("PersonId", OptionValue(form, "Priya Shah")), ("Note", " ")));
        Assert.Equal("#Note", Assert.Single(noNote.ErrorSummary()).Href);
        var notStaff = await Html.ParseAsync(await caseworker.SubmitAsync(form, ("PersonId", Guid.NewGuid().ToString()), ("Note", "Moving on.")));
        Assert.Equal("#PersonId", Assert.Single(notStaff.ErrorSummary()).Href);
        await caseworker.SubmitAsync(form, ("PersonId", OptionValue(form, "Priya Shah")), ("Note", "Sam is on leave until March."));
        Assert.Contains("Priya Shah", (await parent.GetPageAsync($"/your-requests/{id}")).QuerySelector("#caseworker")!.TextContent);
    }

    [Fact]
    public async Task TheCaseload_ShowsMyCasesAndUnassignedOnes_AndTheManagerSeesTheWorkload()
    {
        var mine = await app.Cases.ReceivedAsync("Rafe");
        var nobodys = await app.Cases.ReceivedAsync("Sian");
        var caseworker = app.Client();
        await app.SignInAsync(caseworker);
        var form = await caseworker.GetPageAsync($"/cases/{mine}/caseworker");
        await caseworker.SubmitAsync(form, ("PersonId", OptionValue(form, "Sam Carter")), ("Note", ""));
        var references = await app.WithServices(async sp =>
        {
            var db = sp.GetRequiredService<OpenSend.Data.Database.OpenSendDbContext>();
            return (Mine: (await db.Assessments.FindAsync(mine))!.Reference, Nobodys: (await db.Assessments.FindAsync(nobodys))!.Reference);
        });

        var myCases = (await caseworker.GetPageAsync("/caseload?owner=mine")).QuerySelector("#caseload")!.TextContent;
        var unassigned = (await caseworker.GetPageAsync("/caseload?owner=unassigned")).QuerySelector("#caseload")!.TextContent;

        Assert.Contains(references.Mine, myCases);
        Assert.DoesNotContain(references.Nobodys, myCases);
        Assert.Contains(references.Nobodys, unassigned);
        Assert.DoesNotContain(references.Mine, unassigned);

        var manager = app.Client();
        await app.SignInAsync(manager, AppFixture.Manager);
        var workload = (await manager.GetPageAsync("/caseload")).QuerySelectorAll("#workload + table tbody tr").Select(r => r.TextContent.Trim()).ToList();
        Assert.Contains(workload, row => row.StartsWith("Sam Carter", StringComparison.Ordinal));
        Assert.Contains(workload, row => row.StartsWith("No caseworker named", StringComparison.Ordinal));
        Assert.Null((await caseworker.GetPageAsync("/caseload")).QuerySelector("#workload"));
    }
}

public sealed class CaseworkerPageTests_Sqlite(SqliteApp app) : CaseworkerPageTests<SqliteApp>(app);

public sealed class CaseworkerPageTests_PostgreSql(PostgreSqlApp app) : CaseworkerPageTests<PostgreSqlApp>(app);
