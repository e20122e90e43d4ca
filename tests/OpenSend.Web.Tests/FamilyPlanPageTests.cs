using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenSend.Data.Access;
using OpenSend.Data.Audit;
using OpenSend.Data.Plans;
using OpenSend.Domain.Identity;
using OpenSend.Domain.Plans;
using OpenSend.Testing;

namespace OpenSend.Web.Tests;

/// <summary>
/// Issue 22: the family holds the plan in force (green paper ch.2 paras 20–21): every issued version,
/// the comparison, PDF and Word, on their pages and through the API, and never the council's
/// working copy or another child's plan.
/// </summary>
public abstract class FamilyPlanPageTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : AppFixture
{
    /// <summary>
    /// Final 1 issued on 1 June 2026 naming Oakfield; the council then proposes an amendment (Amended
    /// draft 2, 12 June) and goes on editing its working copy, which the family must not see.
    /// </summary>
    private async Task<Guid> PlanInForceWithAProposedAmendmentAsync(string givenName, string parentEmail)
    {
        var id = await app.Cases.FinalPlanAsync(CaseBuilder.ReadingPlan(Guid.NewGuid(), Guid.NewGuid()), new NamedSetting("Oakfield Primary School", "999001", null, null), givenName: givenName);
        await app.WithServices(async sp =>
        {
            await sp.GetRequiredService<CaseLinks>().LinkFamilyAsync(app.Staff999, id, parentEmail, Role.Parent);
            var drafting = sp.GetRequiredService<PlanDrafting>();
            var plan = (await sp.GetRequiredService<PlanQueries>().GetAsync(app.Staff999, id)).Plan!;
            await drafting.EditAsync(app.Staff999, id, plan.Version, c => c.WithViews(new ViewsAndAspirations("I like trains and buses.", null, null, null)), AuditActions.PlanEdited, "Views.");
            await drafting.IssueDraftAsync(app.Staff999, id, new DateOnly(2026, 6, 12), "Views updated after the family's letter.");
            plan = (await sp.GetRequiredService<PlanQueries>().GetAsync(app.Staff999, id)).Plan!;
            await drafting.EditAsync(app.Staff999, id, plan.Version, c => c.WithViews(new ViewsAndAspirations("Working note not yet issued.", null, null, null)), AuditActions.PlanEdited, "Note.");
            return true;
        });
        return id;
    }

    [Fact]
    public async Task TheFamily_ReadsThePlanInForce_EveryVersion_AndWhatChanged_ButNeverTheWorkingCopy()
    {
        var id = await PlanInForceWithAProposedAmendmentAsync("Noor", "noor.parent@example.com");
        var parent = app.Client();
        await app.SignInAsFamilyAsync(parent, "noor.parent@example.com");

        var request = await parent.GetPageAsync($"/your-requests/{id}");
        Assert.Contains("Final 1, issued on 1 June 2026", request.QuerySelector("#plan + p")!.TextContent);
        Assert.Equal("Proposed changes to the plan", request.QuerySelector("#draft-plan")!.TextContent.Trim());

        var page = await parent.GetPageAsync($"/your-requests/{id}/plan");
        Assert.Contains("This is Final 1, issued on 1 June 2026. It is the plan in force", page.QuerySelector("#shown-version")!.TextContent);
        Assert.Contains("Amended draft 2, sent on 12 June 2026", page.QuerySelector("#amended-draft")!.TextContent);
        Assert.Equal(["Amended draft 2", "Final 1", "Draft 1"], page.QuerySelectorAll("#versions + table tbody tr td:first-child").Select(c => c.TextContent.Replace("(shown below)", "").Trim()));
        Assert.Contains("Oakfield Primary School", page.Body!.TextContent);
        Assert.DoesNotContain("Working note not yet issued.", page.Body.TextContent);

        var earlier = await parent.GetPageAsync($"/your-requests/{id}/plan?version=1");
        Assert.Contains("This is Draft 1, an earlier version", earlier.QuerySelector("#earlier-version")!.TextContent);

        var compared = await parent.GetPageAsync($"/your-requests/{id}/plan/compare?from=2&to=3");
        Assert.Equal("What changed from Final 1 to Amended draft 2", compared.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("I like trains and buses.", compared.QuerySelector("ins")!.TextContent);
        Assert.DoesNotContain("Working note not yet issued.", compared.Body!.TextContent);
    }

    [Fact]
    public async Task TheFamily_DownloadsAnyIssuedVersion_AsPdfAndWord()
    {
        var id = await PlanInForceWithAProposedAmendmentAsync("Ola", "ola.parent@example.com");
        var parent = app.Client();
        await app.SignInAsFamilyAsync(parent, "ola.parent@example.com");

        var pdf = await parent.GetAsync($"/your-requests/{id}/plan?handler=Document&version=2&format=pdf");
        var word = await parent.GetAsync($"/your-requests/{id}/plan?handler=Document&version=2&format=docx");

        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..4]));
        Assert.Contains("Final 1", pdf.Content.Headers.ContentDisposition!.FileNameStar ?? pdf.Content.Headers.ContentDisposition.FileName);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", word.Content.Headers.ContentType!.MediaType);
        Assert.Equal("PK", System.Text.Encoding.ASCII.GetString((await word.Content.ReadAsByteArrayAsync())[..2]));
    }

    [Fact]
    public async Task TheApi_AnswersTheFamilyWithIssuedVersions_AndAnotherFamilyWithNotFound()
    {
        var id = await PlanInForceWithAProposedAmendmentAsync("Pia", "pia.parent@example.com");
        var parent = app.Client();
        await app.SignInAsFamilyAsync(parent, "pia.parent@example.com");
        var stranger = app.Client();
        await app.SignInAsFamilyAsync(stranger, "someone.else@example.com");

        var latest = JsonDocument.Parse(await parent.GetStringAsync($"/api/cases/{id}/plan")).RootElement;
        var final = JsonDocument.Parse(await parent.GetStringAsync($"/api/cases/{id}/plan/versions/2")).RootElement;

        Assert.Equal(3, latest.GetProperty("number").GetInt32());
        Assert.Equal("final", final.GetProperty("status").GetString()!.ToLowerInvariant());
        Assert.DoesNotContain("Working note not yet issued.", latest.GetRawText());
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/cases/{id}/plan")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/your-requests/{id}/plan")).StatusCode);
    }
}

public sealed class FamilyPlanPageTests_Sqlite(SqliteApp app) : FamilyPlanPageTests<SqliteApp>(app);

public sealed class FamilyPlanPageTests_PostgreSql(PostgreSqlApp app) : FamilyPlanPageTests<PostgreSqlApp>(app);
