using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OpenSend.Data.Access;
using OpenSend.Domain.Identity;
using OpenSend.Domain.Plans;
using OpenSend.Testing;

namespace OpenSend.Web.Tests;

/// <summary>
/// Issue 22: the family (or the child's setting) asks for an early review with reasons; the council
/// sees it on the review board, decides with reasons, and the family reads the decision.
/// </summary>
public abstract class EarlyReviewPageTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : AppFixture
{
    private async Task<Guid> PlanInForceAsync(string givenName, string parentEmail)
    {
        var id = await app.Cases.FinalPlanAsync(CaseBuilder.ReadingPlan(Guid.NewGuid(), Guid.NewGuid()), new NamedSetting("Oakfield Primary School", "999001", null, null),
            currentSetting: app.Organisations["999001"].Id, givenName: givenName);
        await app.WithServices(async sp =>
        {
            await sp.GetRequiredService<CaseLinks>().LinkFamilyAsync(app.Staff999, id, parentEmail, Role.Parent);
            return true;
        });
        return id;
    }

    [Fact]
    public async Task TheFamilyAsks_TheCouncilAgreesFromTheBoard_AndTheFamilyReadsWhy()
    {
        var id = await PlanInForceAsync("Wren", "wren.parent@example.com");
        var parent = app.Client();
        await app.SignInAsFamilyAsync(parent, "wren.parent@example.com");

        var review = await parent.GetPageAsync($"/your-requests/{id}/review");
        Assert.Equal($"/your-requests/{id}/review/early", review.QuerySelector("#ask-early-review")!.GetAttribute("href"));
        var form = await parent.GetPageAsync($"/your-requests/{id}/review/early");
        var blank = await Html.ParseAsync(await parent.SubmitAsync(form, ("Reasons", " ")));
        Assert.Equal([("Say why the plan should be reviewed early", "#Reasons")], blank.ErrorSummary());
        var sent = await Html.ParseAsync(await parent.SubmitAsync(form, ("Reasons", "She has not been able to go into school since half term.")));
        Assert.Contains("The council will decide by 30 June 2026", sent.QuerySelector(".govuk-notification-banner")!.TextContent);
        Assert.Null(sent.QuerySelector("#ask-early-review"));
        Assert.Contains("Not decided yet", sent.QuerySelector("#early-review ~ .govuk-summary-card")!.TextContent);

        var caseworker = app.Client();
        await app.SignInAsync(caseworker);
        var board = await caseworker.GetPageAsync("/reviews");
        var row = board.QuerySelectorAll("#early-reviews-awaiting tbody tr").Single(r => r.TextContent.Contains("Wren"));
        Assert.Contains("30 June 2026", row.TextContent);
        var list = await caseworker.GetPageAsync(row.QuerySelector("a")!.GetAttribute("href")!);
        var decide = await caseworker.GetPageAsync(list.QuerySelector(".govuk-summary-card__action a")!.GetAttribute("href")!);
        var nothing = await Html.ParseAsync(await caseworker.SubmitAsync(decide, ("Reasons", "Yes.")));
        Assert.Equal([("Select whether the council agrees to an early review", "#Decision")], nothing.ErrorSummary());
        var noDate = await Html.ParseAsync(await caseworker.SubmitAsync(decide, ("Decision", "Agreed"), ("Reasons", "Yes.")));
        Assert.Equal("Enter the date the early review will be held by", noDate.ErrorSummary()[0].Text);
        var agreed = await Html.ParseAsync(await caseworker.SubmitAsync(decide,
            [("Decision", "Agreed"), .. Html.Date("ReviewBy", new DateOnly(2026, 7, 10)), ("Reasons", "Her attendance has fallen; the review will look at a change of provision.")]));
        Assert.Contains("the review is now due by 10 July 2026", agreed.QuerySelector(".govuk-notification-banner")!.TextContent);

        var read = await parent.GetPageAsync($"/your-requests/{id}/review");
        Assert.Contains("10 July 2026", read.QuerySelector("#family-review")!.TextContent);
        var decision = read.QuerySelector("#early-review ~ .govuk-summary-card")!.TextContent;
        Assert.Contains("Agreed", decision);
        Assert.Contains("Her attendance has fallen", decision);
    }

    [Fact]
    public async Task TheChildsSetting_Asks_ButNobodyElseDoesOrDecides()
    {
        var id = await PlanInForceAsync("Xan", "xan.parent@example.com");
        var senco = app.Client();
        await app.SignInAsync(senco, AppFixture.Senco, Role.Senco);
        var list = await senco.GetPageAsync($"/cases/{id}/early-review");
        var form = await senco.GetPageAsync(list.QuerySelector("#ask-early-review")!.GetAttribute("href")!);
        var sent = await Html.ParseAsync(await senco.SubmitAsync(form, ("Reasons", "He is likely to need a specialist place from September.")));
        Assert.Contains("Your request for an early review has been sent", sent.QuerySelector(".govuk-notification-banner")!.TextContent);
        Assert.Null(sent.QuerySelector(".govuk-summary-card__action"));

        var caseworker = app.Client(followRedirects: false);
        await app.SignInAsync(caseworker);
        Assert.Contains("/error/403", (await caseworker.GetAsync($"/cases/{id}/early-review/ask")).Headers.Location?.OriginalString);
        var stranger = app.Client();
        await app.SignInAsFamilyAsync(stranger, "not.xan.parent@example.com");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/your-requests/{id}/review/early")).StatusCode);
    }
}

public sealed class EarlyReviewPageTests_Sqlite(SqliteApp app) : EarlyReviewPageTests<SqliteApp>(app);

public sealed class EarlyReviewPageTests_PostgreSql(PostgreSqlApp app) : EarlyReviewPageTests<PostgreSqlApp>(app);
