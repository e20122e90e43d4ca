using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OpenSend.Data.Access;
using OpenSend.Domain.Identity;

namespace OpenSend.Web.Tests;

/// <summary>
/// Issue 22: the young person, once the decisions are theirs, chooses on their own page whether their
/// parent still sees the record; the council records who acts for a young person who lacks capacity.
/// </summary>
public abstract class YoungPersonPageTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : AppFixture
{
    private async Task<Guid> CaseOfAYoungPersonAsync(string givenName)
    {
        var id = await app.Cases.ReceivedAsync(givenName, new DateOnly(2009, 5, 1));
        await app.WithServices(async sp =>
        {
            var links = sp.GetRequiredService<CaseLinks>();
            await links.LinkFamilyAsync(app.Staff999, id, $"{givenName.ToLowerInvariant()}@example.com", Role.YoungPerson);
            await links.LinkFamilyAsync(app.Staff999, id, $"{givenName.ToLowerInvariant()}.parent@example.com", Role.Parent);
            return true;
        });
        return id;
    }

    [Fact]
    public async Task TheYoungPerson_EndsTheirParentsAccess_OnTheirOwnPage()
    {
        var id = await CaseOfAYoungPersonAsync("Iolo");
        var parent = app.Client();
        await app.SignInAsFamilyAsync(parent, "iolo.parent@example.com");
        var parentsPage = await parent.GetPageAsync($"/your-requests/{id}/sharing");
        Assert.Contains("Iolo chooses whether you still see this record", parentsPage.QuerySelector("#parent-access")!.TextContent);
        Assert.Null(parentsPage.QuerySelector("main form"));

        var youngPerson = app.Client();
        await app.SignInAsFamilyAsync(youngPerson, "iolo@example.com");
        var request = await youngPerson.GetPageAsync($"/your-requests/{id}");
        Assert.Contains("Who makes the decisions from 28 June 2025", request.QuerySelector("#sharing-link")!.TextContent);
        var page = await youngPerson.GetPageAsync($"/your-requests/{id}/sharing");
        Assert.Contains("Since 28 June 2025, you make the decisions", page.QuerySelector("#who-decides")!.TextContent);
        var chosen = await Html.ParseAsync(await youngPerson.SubmitAsync(page, ("ParentsKeepAccess", "false")));
        Assert.Contains("Your parent or carer can no longer see your record", chosen.QuerySelector(".govuk-notification-banner")!.TextContent);

        Assert.Equal(HttpStatusCode.NotFound, (await parent.GetAsync($"/your-requests/{id}")).StatusCode);
    }

    [Fact]
    public async Task TheCouncil_RecordsWhoActsForAYoungPersonWhoLacksCapacity()
    {
        var id = await CaseOfAYoungPersonAsync("Jac");
        var caseworker = app.Client();
        await app.SignInAsync(caseworker);
        var casePage = await caseworker.GetPageAsync($"/cases/{id}");
        Assert.Contains("A young person since 28 June 2025", casePage.QuerySelector("#young-person")!.TextContent);

        var form = await caseworker.GetPageAsync($"/cases/{id}/capacity");
        var missing = await Html.ParseAsync(await caseworker.SubmitAsync(form, [.. Html.Date("AssessedOn", new DateOnly(2026, 6, 1)), ("Reasons", "Cannot weigh the choice.")]));
        Assert.Equal([("Enter who will act for the young person (their deputy, attorney or parent)", "#ActingForThem")], missing.ErrorSummary());
        var recorded = await Html.ParseAsync(await caseworker.SubmitAsync(form,
            [("ActingForThem", "Mair Jac, their mother"), .. Html.Date("AssessedOn", new DateOnly(2026, 6, 1)), ("Reasons", "A capacity assessment found he cannot weigh the choice of college.")]));
        Assert.Contains("made for them by Mair Jac, their mother", recorded.QuerySelector("#young-person")!.TextContent);

        var youngPerson = app.Client();
        await app.SignInAsFamilyAsync(youngPerson, "jac@example.com");
        var page = await youngPerson.GetPageAsync($"/your-requests/{id}/sharing");
        Assert.Contains("Mair Jac, their mother makes the decisions", page.QuerySelector("#who-decides")!.TextContent);
        Assert.Null(page.QuerySelector("main form"));
    }
}

public sealed class YoungPersonPageTests_Sqlite(SqliteApp app) : YoungPersonPageTests<SqliteApp>(app);

public sealed class YoungPersonPageTests_PostgreSql(PostgreSqlApp app) : YoungPersonPageTests<PostgreSqlApp>(app);
