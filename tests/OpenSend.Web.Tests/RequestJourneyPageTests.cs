using AngleSharp.Html.Dom;

namespace OpenSend.Web.Tests;

/// <summary>The "Request an EHC needs assessment" journey, page by page, without JavaScript.</summary>
public abstract class RequestJourneyPageTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : AppFixture
{
    [Fact]
    public async Task AParent_CompletesTheJourney_GetsAReferenceAndATrackingPageWithEveryDateAhead()
    {
        var client = app.Client();
        var page = await StartAsync(client);

        page = await Html.ParseAsync(await client.SubmitAsync(page, ("LaCode", "999")));
        page = await Html.ParseAsync(await client.SubmitAsync(page, ("RequesterKind", "Parent")));
        page = await Html.ParseAsync(await client.SubmitAsync(page, ("Name", "Pat Example"), ("Email", "pat@example.com"), ("Phone", "")));
        page = await Html.ParseAsync(await client.SubmitAsync(page, ("GivenName", "Ada"), ("FamilyName", "Example")));
        page = await Html.ParseAsync(await client.SubmitAsync(page, Html.Date("DateOfBirth", new DateOnly(2018, 3, 14))));
        page = await Html.ParseAsync(await client.SubmitAsync(page, ("Reason", "She cannot access the curriculum even with a full-time teaching assistant.")));
        page = await Html.ParseAsync(await client.SubmitAsync(page, ("ConsentToShare", "true")));

        Assert.Equal("Check your answers before sending your request", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Demoshire", page.MainText());
        Assert.Contains("14 March 2018", page.MainText());

        var sent = await Html.ParseAsync(await client.SubmitAsync(page));

        Assert.Equal("Request sent", sent.QuerySelector(".govuk-panel__title")!.TextContent.Trim());
        Assert.Matches(@"999-2026-\d{5}", sent.QuerySelector(".govuk-panel__body strong")!.TextContent);
        Assert.Contains("must tell you whether it will carry out an EHC needs assessment by 27 July 2026", sent.MainText());
        var trackingLink = sent.QuerySelector("#tracking-link")!.GetAttribute("href")!;
        var tracking = await client.GetPageAsync(trackingLink);
        Assert.Equal("The council is deciding whether to carry out an assessment", tracking.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("The council must tell you whether it will carry out an EHC needs assessment by 27 July 2026", tracking.MainText());
        Assert.Contains("reg 5(1)", tracking.MainText());
    }

    [Fact]
    public async Task TheSentPage_ShowsTheTrackingLinkOnlyOnce()
    {
        var client = app.Client();
        var page = await CompleteUpToCheckAsync(client);
        var sent = await Html.ParseAsync(await client.SubmitAsync(page));
        Assert.NotNull(sent.QuerySelector("#tracking-link"));

        var again = await client.GetAsync("/request/sent");

        Assert.EndsWith("/request", again.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task ChangingAnAnswer_FromCheckYourAnswers_ReturnsToCheckYourAnswers()
    {
        var client = app.Client();
        var check = await CompleteUpToCheckAsync(client);
        var change = check.QuerySelectorAll("a").First(a => a.TextContent.Contains("Change") && a.TextContent.Contains("name") && a.GetAttribute("href")!.Contains("child-name"));

        var namePage = await client.GetPageAsync(change.GetAttribute("href")!);
        var back = await Html.ParseAsync(await client.SubmitAsync(namePage, ("GivenName", "Grace"), ("FamilyName", "Example")));

        Assert.Equal("Check your answers before sending your request", back.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Grace Example", back.MainText());
    }

    [Fact]
    public async Task NoCouncilChosen_ShowsTheErrorSummaryLinkedToTheField()
    {
        var client = app.Client();
        var page = await StartAsync(client);

        var again = await Html.ParseAsync(await client.SubmitAsync(page, ("LaCode", "")));

        Assert.Equal([("Select the council responsible for the child or young person", "#LaCode")], again.ErrorSummary());
        Assert.NotNull(again.QuerySelector("#LaCode-error"));
        Assert.StartsWith("Error:", again.Title);
    }

    [Theory]
    [InlineData("31", "2", "2020", "Date of birth must be a real date", "#DateOfBirth-day")]
    [InlineData("14", "", "2018", "Date of birth must include a month", "#DateOfBirth-month")]
    [InlineData("", "", "", "Enter date of birth", "#DateOfBirth-day")]
    [InlineData("1", "1", "2030", "Date of birth must be today or in the past", "#DateOfBirth-day")]
    [InlineData("1", "1", "1990", "They must be under 25. EHC needs assessments are for children and young people aged 0 to 25", "#DateOfBirth-day")]
    public async Task ABadDateOfBirth_IsExplainedTheGovUkWay(string day, string month, string year, string message, string anchor)
    {
        var client = app.Client();
        var page = await StartAsync(client);
        page = await Html.ParseAsync(await client.SubmitAsync(page, ("LaCode", "999")));
        page = await Html.ParseAsync(await client.SubmitAsync(page, ("RequesterKind", "Parent")));
        page = await Html.ParseAsync(await client.SubmitAsync(page, ("Name", "Pat Example"), ("Email", "pat@example.com")));
        page = await Html.ParseAsync(await client.SubmitAsync(page, ("GivenName", "Ada"), ("FamilyName", "Example")));

        var again = await Html.ParseAsync(await client.SubmitAsync(page, ("DateOfBirth.Day", day), ("DateOfBirth.Month", month), ("DateOfBirth.Year", year)));

        Assert.Equal([(message, anchor)], again.ErrorSummary());
        Assert.Equal(year, again.QuerySelector("#DateOfBirth-year")!.GetAttribute("value") ?? string.Empty);
    }

    [Fact]
    public async Task AYoungPersonStillOfSchoolAge_IsToldWhenTheyCanAskForThemselves()
    {
        var client = app.Client();
        var page = await StartAsync(client);
        page = await Html.ParseAsync(await client.SubmitAsync(page, ("LaCode", "999")));
        page = await Html.ParseAsync(await client.SubmitAsync(page, ("RequesterKind", "YoungPerson")));
        page = await Html.ParseAsync(await client.SubmitAsync(page, ("Name", "Sam Example"), ("Email", "sam@example.com")));
        page = await Html.ParseAsync(await client.SubmitAsync(page, ("GivenName", "Sam"), ("FamilyName", "Example")));

        var again = await Html.ParseAsync(await client.SubmitAsync(page, Html.Date("DateOfBirth", new DateOnly(2011, 1, 10))));

        Assert.Contains("over compulsory school age, after 25 June 2027", again.ErrorSummary().Single().Text);
    }

    [Fact]
    public async Task AnInvalidEmail_IsRefusedWithAnExample()
    {
        var client = app.Client();
        var page = await StartAsync(client);
        page = await Html.ParseAsync(await client.SubmitAsync(page, ("LaCode", "999")));
        page = await Html.ParseAsync(await client.SubmitAsync(page, ("RequesterKind", "SchoolOrCollege")));

        var again = await Html.ParseAsync(await client.SubmitAsync(page, ("Name", "Pat"), ("Email", "not-an-email"), ("Organisation", "")));

        Assert.Equal(
            [("Enter an email address in the correct format, like name@example.com", "#Email"), ("Enter the name of your school, college or organisation", "#Organisation")],
            again.ErrorSummary());
    }

    [Fact]
    public async Task AnUnknownJourney_GoesBackToTheStartWithAnExplanation()
    {
        var response = await app.Client().GetAsync("/request/reason?journey=0123456789abcdef");

        var page = await Html.ParseAsync(response);
        Assert.Equal("/request", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("Your answers were deleted", page.MainText());
    }

    private static async Task<IHtmlDocument> StartAsync(HttpClient client)
    {
        var start = await client.GetPageAsync("/request");
        var council = await Html.ParseAsync(await client.SubmitAsync(start));
        Assert.Equal("/request/council", new Uri(council.Location.Href).AbsolutePath);
        return council;
    }

    private static async Task<IHtmlDocument> CompleteUpToCheckAsync(HttpClient client)
    {
        var page = await StartAsync(client);
        page = await Html.ParseAsync(await client.SubmitAsync(page, ("LaCode", "999")));
        page = await Html.ParseAsync(await client.SubmitAsync(page, ("RequesterKind", "Parent")));
        page = await Html.ParseAsync(await client.SubmitAsync(page, ("Name", "Pat Example"), ("Email", "pat@example.com")));
        page = await Html.ParseAsync(await client.SubmitAsync(page, ("GivenName", "Ada"), ("FamilyName", "Example")));
        page = await Html.ParseAsync(await client.SubmitAsync(page, Html.Date("DateOfBirth", new DateOnly(2018, 3, 14))));
        page = await Html.ParseAsync(await client.SubmitAsync(page, ("Reason", "Needs not met.")));
        return await Html.ParseAsync(await client.SubmitAsync(page, ("ConsentToShare", "true")));
    }
}

public sealed class RequestJourneyPageTests_Sqlite(SqliteApp app) : RequestJourneyPageTests<SqliteApp>(app);

public sealed class RequestJourneyPageTests_PostgreSql(PostgreSqlApp app) : RequestJourneyPageTests<PostgreSqlApp>(app);
