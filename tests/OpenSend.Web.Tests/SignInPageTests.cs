using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpenSend.Data.Audit;
using OpenSend.Data.Database;
using OpenSend.Data.Identity;
using OpenSend.Domain.Common;
using OpenSend.Domain.Identity;
using OpenSend.Testing;
using OpenSend.Web.Security;

namespace OpenSend.Web.Tests;

/// <summary>The real sign-in journeys (password and authenticator; emailed code), sessions, and the protections around them.</summary>
public abstract class SignInPageTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : AppFixture
{
    private const string Password = "three random words here";

    private RequestContext OakfieldAdministrator => new(new Actor("admin", "Jo Whitfield", "Administrator", "Oakfield Primary School"),
        Viewer.Staff(Guid.NewGuid(), Role.Administrator, app.Organisations["999001"]), null);

    /// <summary>Invites a new SENCO and returns the invitation path from the email in the outbox.</summary>
    private async Task<string> InviteAsync(string email)
    {
        await app.WithServices(sp => sp.GetRequiredService<PeopleDirectory>().AddStaffAsync(OakfieldAdministrator, app.Organisations["999001"].Id, "New Senco", email, Role.Senco));
        var invitation = await app.WithServices(sp => sp.GetRequiredService<OpenSendDbContext>().Outbox.SingleAsync(m => m.Recipient == email));
        return new Uri(Regex.Match(invitation.Body, @"http\S+set-password\?token=\S+").Value).PathAndQuery;
    }

    private async Task<(HttpClient Client, string Key)> NewStaffSignedInAsync(string email)
    {
        var client = app.Client();
        var setPassword = await client.GetPageAsync(await InviteAsync(email));
        var setup = await Html.ParseAsync(await client.SubmitAsync(setPassword, ("Password", Password), ("ConfirmPassword", Password)));
        var key = setup.QuerySelector("#authenticator-key")!.TextContent.Replace(" ", string.Empty, StringComparison.Ordinal);
        var signedIn = await Html.ParseAsync(await client.SubmitAsync(setup, ("Code", Authenticator.CodeAt(key, app.App.Time.GetUtcNow()))));
        Assert.Equal("/caseload", new Uri(signedIn.Location.Href).AbsolutePath);
        return (client, key);
    }

    [Fact]
    public async Task ANewSenco_SetsAPasswordAndAuthenticator_AndLandsOnTheirCases()
    {
        var (client, _) = await NewStaffSignedInAsync("senco.one@example.com");

        var page = await client.GetPageAsync("/caseload");

        Assert.Equal("Your cases", page.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task AReturningMemberOfStaff_NeedsBothPasswordAndCode()
    {
        var (first, key) = await NewStaffSignedInAsync("senco.two@example.com");
        app.App.Time.Advance(TimeSpan.FromMinutes(1));
        var client = app.Client();
        var signIn = await client.GetPageAsync("/sign-in");

        var codePage = await Html.ParseAsync(await client.SubmitAsync(signIn, ("Email", "senco.two@example.com"), ("Password", Password)));
        Assert.Equal("Enter the code from your authenticator app", codePage.QuerySelector("h1")!.TextContent.Trim());
        var beforeCode = await client.GetAsync("/caseload");
        Assert.EndsWith("/sign-in", beforeCode.RequestMessage!.RequestUri!.AbsolutePath);

        var wrong = await Html.ParseAsync(await client.SubmitAsync(codePage, ("Code", "000000")));
        Assert.Equal("#Code", wrong.ErrorSummary().Single().Href);
        var done = await Html.ParseAsync(await client.SubmitAsync(wrong, ("Code", Authenticator.CodeAt(key, app.App.Time.GetUtcNow()))));
        Assert.Equal("/caseload", new Uri(done.Location.Href).AbsolutePath);
        _ = first;
    }

    [Fact]
    public async Task AWrongPassword_GetsOneMessageThatRevealsNothing_AndThePasswordIsNotEchoed()
    {
        var client = app.Client();
        var signIn = await client.GetPageAsync("/sign-in");

        var page = await Html.ParseAsync(await client.SubmitAsync(signIn, ("Email", "nobody@example.com"), ("Password", "a guessed password")));

        Assert.Equal([("Enter a correct email address and password", "#Email")], page.ErrorSummary());
        Assert.DoesNotContain("a guessed password", page.Source.Text);
    }

    [Fact]
    public async Task AFamilyMember_SignsInWithTheCodeFromTheirEmail_AndSeesOnlyTheirRequests()
    {
        var client = app.Client();
        var start = await client.GetPageAsync("/sign-in/family");
        var codePage = await Html.ParseAsync(await client.SubmitAsync(start, ("Email", "new.parent@example.com")));
        Assert.Contains("new.parent@example.com", codePage.MainText());
        var email = await app.WithServices(sp => sp.GetRequiredService<OpenSendDbContext>().Outbox.SingleAsync(m => m.Recipient == "new.parent@example.com"));
        var code = Regex.Match(email.Body, @"\b\d{6}\b").Value;

        var requests = await Html.ParseAsync(await client.SubmitAsync(codePage, ("Code", code)));

        Assert.Equal("Your requests", requests.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("There are no requests in your account yet", requests.MainText());
    }

    [Fact]
    public async Task RemovingAMemberOfStaff_EndsTheirSessionAtOnce()
    {
        var (client, _) = await NewStaffSignedInAsync("senco.leaving@example.com");
        var membership = await app.WithServices(sp => sp.GetRequiredService<OpenSendDbContext>().Memberships
            .Join(sp.GetRequiredService<OpenSendDbContext>().People.Where(p => p.Email == "senco.leaving@example.com"), m => m.PersonId, p => p.Id, (m, _) => m.Id).SingleAsync());

        await app.WithServices(async sp => { await sp.GetRequiredService<PeopleDirectory>().RemoveStaffAsync(OakfieldAdministrator, app.Organisations["999001"].Id, membership); return true; });
        var after = await client.GetAsync("/caseload");

        Assert.Equal("/sign-in", after.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task ASession_EndsAfter30MinutesWithoutActivity()
    {
        var client = app.Client();
        await app.SignInAsync(client);
        Assert.Equal("/caseload", (await client.GetAsync("/caseload")).RequestMessage!.RequestUri!.AbsolutePath);

        app.App.Time.Advance(TimeSpan.FromMinutes(31));

        Assert.Equal("/sign-in", (await client.GetAsync("/caseload")).RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task AnAdministrator_AddsAndRemovesStaffOnTheStaffPage()
    {
        var client = app.Client();
        await app.SignInAsync(client, AppFixture.Senco, Role.Administrator);
        var page = await client.GetPageAsync("/organisation/staff");

        var added = await Html.ParseAsync(await client.SubmitAsync(page, ("Name", "Taylor Assistant"), ("Email", "taylor@oakfield.example"), ("Role", "SettingStaff")));

        Assert.True(added.QuerySelector(".govuk-notification-banner__heading") is not null, added.MainText());
        Assert.Contains("We have emailed them a link to set their password", added.QuerySelector(".govuk-notification-banner__heading")!.TextContent);
        var row = added.QuerySelectorAll("#staff tbody tr").Single(r => r.TextContent.Contains("Taylor Assistant", StringComparison.Ordinal));
        var removed = await Html.ParseAsync(await client.SubmitFormAsync(added, (IHtmlFormElement)row.QuerySelector("form")!));
        Assert.DoesNotContain("Taylor Assistant", removed.QuerySelector("#staff")!.TextContent);
    }

    [Fact]
    public async Task SigningOut_FromTheServiceNavigation_EndsTheSession()
    {
        var client = app.Client();
        await app.SignInAsync(client);
        var page = await client.GetPageAsync("/caseload");

        var signedOut = await Html.ParseAsync(await client.SubmitFormAsync(page, (IHtmlFormElement)page.QuerySelector("header form")!));

        Assert.Equal("You have signed out", signedOut.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("/sign-in", (await client.GetAsync("/caseload")).RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task AForm_PostedWithoutItsAntiforgeryToken_IsRefused()
    {
        var client = app.Client();
        await app.SignInAsync(client);

        var response = await client.PostAsync("/caseload/record-request", new FormUrlEncodedContent([new("ReasonForRequest", "x")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task EveryPage_CarriesTheSecurityHeaders()
    {
        var response = await app.Client().GetAsync("/");

        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.DoesNotContain("unsafe-inline", SecurityHeaders.ContentSecurityPolicy);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task TheTrackingPage_SendsNoReferrer()
    {
        var client = app.Client();
        var response = await client.PostAsJsonAsync("/api/assessment-requests", new
        {
            laCode = "999",
            requester = new { kind = "parent", name = "Pat", email = "pat@example.com" },
            child = new { givenName = "Ada", familyName = "Example", dateOfBirth = "2018-03-14" },
            reason = "Needs.",
            consentToShare = true,
        });
        var token = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("trackingToken").GetString();

        var page = await client.GetAsync($"/track/{token}");

        Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task AFamily_AddsARequestToTheirAccount_AndSeesWhoHasLookedAtIt()
    {
        var client = app.Client();
        var response = await client.PostAsJsonAsync("/api/assessment-requests", new
        {
            laCode = "999",
            requester = new { kind = "parent", name = "Pat", email = "claimer@example.com" },
            child = new { givenName = "Clementine", familyName = "Example", dateOfBirth = "2018-03-14" },
            reason = "Needs.",
            consentToShare = true,
        });
        var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var token = body.GetProperty("trackingToken").GetString();
        var staff = app.Client();
        await app.SignInAsync(staff);
        var caseId = await app.WithServices(sp => sp.GetRequiredService<OpenSendDbContext>().Assessments.Where(a => a.Reference == body.GetProperty("reference").GetString()).Select(a => a.Id).SingleAsync());
        await staff.GetAsync($"/cases/{caseId}");
        await app.SignInAsFamilyAsync(client, "claimer@example.com");
        var tracking = await client.GetPageAsync($"/track/{token}");

        var added = await Html.ParseAsync(await client.SubmitAsync(tracking));

        Assert.Contains("This request is now in your account", added.MainText());
        var list = await client.GetPageAsync("/your-requests");
        var link = list.QuerySelector("#your-requests a")!;
        Assert.Contains("Clementine", link.TextContent);
        var request = await client.GetPageAsync(link.GetAttribute("href")!);
        var log = request.QuerySelector("table")!.TextContent;
        Assert.Contains("Sam Carter, LA SEND caseworker, Demoshire County Council", log);
        Assert.Contains("Looked at the record", log);
        Assert.Contains("You", log);

        // The link is used up: anyone else who has it is told so, in the error summary, and the LA can send a new one.
        var other = app.Client();
        await app.SignInAsFamilyAsync(other, "forwarded.to@example.com");
        var refused = await Html.ParseAsync(await other.SubmitAsync(await other.GetPageAsync($"/track/{token}")));
        Assert.Equal([($"This link was used on {UkCalendar.InWords(app.App.Time.GetUtcNow())} to add the request to an account. If that was not you, contact the council: they can send a new link.", "#claim")], refused.ErrorSummary());
        Assert.Empty((await other.GetPageAsync("/your-requests")).QuerySelectorAll("#your-requests a"));
        var access = await staff.GetPageAsync($"/cases/{caseId}/family-access");
        var sent = await Html.ParseAsync(await staff.SubmitAsync(access, [], "form[action*='handler=NewLink']"));
        Assert.Contains("A new tracking link has been emailed", sent.QuerySelector(".govuk-notification-banner")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/track/{token}")).StatusCode);
    }
}

public sealed class SignInPageTests_Sqlite(SqliteApp app) : SignInPageTests<SqliteApp>(app);

public sealed class SignInPageTests_PostgreSql(PostgreSqlApp app) : SignInPageTests<PostgreSqlApp>(app);

/// <summary>The public doors are rate limited per address (with the production limits).</summary>
public sealed class RateLimitTests(PostgresServer postgres) : IAsyncLifetime
{
    private TestDatabase? _database;
    private OpenSendApp? _app;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(TestProvider.Sqlite, postgres);
        _app = new OpenSendApp(_database.ConnectionString, new FakeTimeProvider(AppFixture.Start), rateLimit: 10);
    }

    [Fact]
    public async Task SigningInMoreThanTenTimesAMinute_IsRefusedWith429()
    {
        var client = _app!.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var page = await client.GetPageAsync("/sign-in");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
        {
            statuses.Add((await client.SubmitAsync(page, ("Email", "someone@example.com"), ("Password", "wrong password " + i))).StatusCode);
        }

        Assert.All(statuses.Take(10), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[10]);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/sign-in")).StatusCode);
    }

    [Fact]
    public async Task TwoClientsBehindOneProxy_AreCountedSeparately_AndAClientCannotNameItsOwnAddress()
    {
        // The proxy is on the same machine (loopback, always a known proxy): X-Forwarded-For names each client.
        var client = _app!.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var page = await client.GetPageAsync("/sign-in");
        async Task<HttpStatusCode> SignInFromAsync(string forwardedFor, string? remote = null)
        {
            client.DefaultRequestHeaders.Remove("X-Forwarded-For");
            client.DefaultRequestHeaders.Remove(OpenSendApp.RemoteAddressHeader);
            client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
            if (remote is not null)
            {
                client.DefaultRequestHeaders.Add(OpenSendApp.RemoteAddressHeader, remote);
            }

            return (await client.SubmitAsync(page, ("Email", "someone@example.com"), ("Password", "wrong password"))).StatusCode;
        }

        var first = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
        {
            first.Add(await SignInFromAsync("203.0.113.1"));
        }

        var second = await SignInFromAsync("203.0.113.2");
        // A client on the network that is not a proxy: its X-Forwarded-For is ignored, so changing it does not buy more tries.
        var spoofed = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
        {
            spoofed.Add(await SignInFromAsync($"198.51.100.{i + 1}", remote: "192.0.2.50"));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, first[10]);
        Assert.Equal(HttpStatusCode.OK, second);
        Assert.All(spoofed.Take(10), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, spoofed[10]);
    }

    [Fact]
    public async Task MoreThanTheHourlyNumberOfPublicRequests_AreRefusedWith429()
    {
        var client = _app!.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
        {
            statuses.Add((await client.PostAsJsonAsync("/api/assessment-requests", new { laCode = "000" })).StatusCode);
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(10));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[10]);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

/// <summary>However active, a session ends 10 hours after sign-in (its own app: the test moves time a long way).</summary>
public sealed class SessionLifetimeTests(PostgresServer postgres) : IAsyncLifetime
{
    private readonly SqliteApp _app = new(postgres);

    public ValueTask InitializeAsync() => _app.InitializeAsync();

    [Fact]
    public async Task AnActiveSession_EndsTenHoursAfterSignIn()
    {
        var client = _app.Client(followRedirects: false);
        await _app.SignInAsync(client);
        var answers = new List<(TimeSpan After, HttpStatusCode Status)>();
        // A request every 20 minutes keeps the session from going idle (30 minutes).
        for (var after = TimeSpan.Zero; after <= TimeSpan.FromHours(10); after += TimeSpan.FromMinutes(20))
        {
            answers.Add((after, (await client.GetAsync("/caseload")).StatusCode));
            _app.App.Time.Advance(TimeSpan.FromMinutes(20));
        }

        Assert.All(answers.Where(a => a.After < TimeSpan.FromHours(10)), a => Assert.Equal(HttpStatusCode.OK, a.Status));
        var last = answers.Last();
        Assert.Equal((TimeSpan.FromHours(10), HttpStatusCode.Redirect), last);
        var afterwards = await client.GetAsync("/caseload");
        Assert.StartsWith("/sign-in", afterwards.Headers.Location!.OriginalString.Replace("http://localhost", string.Empty, StringComparison.Ordinal));
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
