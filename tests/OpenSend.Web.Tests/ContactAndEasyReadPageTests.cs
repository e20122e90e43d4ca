using Microsoft.Extensions.DependencyInjection;
using OpenSend.Data.Access;
using OpenSend.Domain.Identity;
using OpenSend.Domain.Plans;
using OpenSend.Testing;

namespace OpenSend.Web.Tests;

/// <summary>
/// Issue 22, other channels and formats: the family says how they want to hear from the council and
/// staff see it on the case; a request taken by phone is recorded with a postal address instead of an
/// email, and its letters print to post; the family reads the plan in easy read.
/// </summary>
public abstract class ContactAndEasyReadPageTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : AppFixture
{
    [Fact]
    public async Task TheFamilySaysHowTheyWantToHear_AndTheCaseworkerSeesIt()
    {
        var id = await app.Cases.ReceivedAsync("Kit");
        await app.WithServices(async sp =>
        {
            await sp.GetRequiredService<CaseLinks>().LinkFamilyAsync(app.Staff999, id, "kit.parent@example.com", Role.Parent);
            return true;
        });
        var parent = app.Client();
        await app.SignInAsFamilyAsync(parent, "kit.parent@example.com");
        var form = await parent.GetPageAsync($"/your-requests/{id}/contact");

        var noAddress = await Html.ParseAsync(await parent.SubmitAsync(form, ("Contact.LettersByPost", "true")));
        Assert.Equal([("Enter the postal address the letters go to", "#Contact_PostalAddress")], noAddress.ErrorSummary());
        var saved = await Html.ParseAsync(await parent.SubmitAsync(form,
            ("Contact.PostalAddress", "3 Example Road\nDemoton DM1 1AC"), ("Contact.LettersByPost", "true"), ("Contact.Language", "Polish"), ("Contact.InterpreterNeeded", "true")));
        Assert.Contains("The council will contact you this way", saved.QuerySelector(".govuk-notification-banner")!.TextContent);

        var caseworker = app.Client();
        await app.SignInAsync(caseworker);
        var casePage = await caseworker.GetPageAsync($"/cases/{id}");
        Assert.Contains("Letters by post to 3 Example Road, Demoton DM1 1AC; Speaks Polish, needs an interpreter", casePage.QuerySelector("#contact")!.TextContent);
    }

    [Fact]
    public async Task ARequestTakenByPhone_IsRecordedWithAPostalAddressInsteadOfAnEmail()
    {
        var client = app.Client();
        await app.SignInAsync(client);
        var form = await client.GetPageAsync("/caseload/record-request");

        var page = await Html.ParseAsync(await client.SubmitAsync(form,
        [
            .. Html.Date("ReceivedOn", new DateOnly(2026, 6, 1)), ("RequesterKind", "Parent"), ("RequesterName", "Lou Phone"),
            ("RequesterAddress", "4 Example Road\nDemoton DM1 1AD"), ("ChildGivenName", "Remy"), ("ChildFamilyName", "Phone"), .. Html.Date("DateOfBirth", new DateOnly(2017, 5, 2)),
        ]));

        Assert.Contains("Post the family their private tracking link", page.QuerySelector(".govuk-notification-banner__heading")!.TextContent);
        Assert.Contains("Letters by post to 4 Example Road, Demoton DM1 1AD", page.QuerySelector("#contact")!.TextContent);
        var letter = await client.GetAsync(page.QuerySelector("#timeline a[href*='handler=Letter']")!.GetAttribute("href")!);
        Assert.Equal("application/pdf", letter.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await letter.Content.ReadAsByteArrayAsync())[..4]));
    }

    [Fact]
    public async Task TheFamily_ReadsThePlanInEasyRead()
    {
        var id = await app.Cases.FinalPlanAsync(CaseBuilder.ReadingPlan(Guid.NewGuid(), Guid.NewGuid()), new NamedSetting("Oakfield Primary School", "999001", null, null), givenName: "Lyra");
        await app.WithServices(async sp =>
        {
            await sp.GetRequiredService<CaseLinks>().LinkFamilyAsync(app.Staff999, id, "lyra.parent@example.com", Role.Parent);
            return true;
        });
        var parent = app.Client();
        await app.SignInAsFamilyAsync(parent, "lyra.parent@example.com");

        var plan = await parent.GetPageAsync($"/your-requests/{id}/plan");
        var easy = await parent.GetPageAsync(plan.QuerySelector("#easy-read-link")!.GetAttribute("href")!);

        Assert.Equal("Lyra's plan in easy read", easy.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("This is a short, easy version of Final 1", easy.QuerySelector("#easy-read-version")!.TextContent);
        Assert.Contains("Phonics programme. Who helps: Specialist teacher. How often: 4 sessions a week.", easy.MainText());
        Assert.Contains("Lyra goes to Oakfield Primary School.", easy.MainText());
    }
}

public sealed class ContactAndEasyReadPageTests_Sqlite(SqliteApp app) : ContactAndEasyReadPageTests<SqliteApp>(app);

public sealed class ContactAndEasyReadPageTests_PostgreSql(PostgreSqlApp app) : ContactAndEasyReadPageTests<PostgreSqlApp>(app);
