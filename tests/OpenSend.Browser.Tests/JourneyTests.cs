using Microsoft.Playwright;
using OpenSend.Domain.Common;

namespace OpenSend.Browser.Tests;

/// <summary>
/// The foundation's journeys in a real browser: a parent asks for an assessment and sees the tracking
/// page; a caseworker finds the request at the top of the caseload, records the decision to assess
/// and sees the next deadline. Every page visited must pass axe (WCAG 2.2 AA).
/// </summary>
public sealed class JourneyTests(EmptyDemoshire app) : IClassFixture<EmptyDemoshire>
{
    [Fact]
    public async Task AParentRequestsAnAssessment_AndACaseworkerDecidesToAssess()
    {
        var today = UkCalendar.Today(TimeProvider.System);
        var parent = await app.NewPageAsync();

        await parent.GotoAsync("/");
        await parent.AssertAccessibleAsync();
        await parent.GetByRole(AriaRole.Button, new() { Name = "Start now" }).ClickAsync();
        await parent.AssertAccessibleAsync();
        await parent.GetByRole(AriaRole.Button, new() { Name = "Start now" }).ClickAsync();

        // One question per page; first show that a missing answer is explained.
        await parent.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(parent.Locator(".govuk-error-summary")).ToContainTextAsync("Select the council responsible for the child or young person");
        await parent.AssertAccessibleAsync();
        await parent.GetByLabel("Which council is responsible for the child or young person?").SelectOptionAsync(new SelectOptionValue { Label = "Demoshire" });
        await Continue(parent);

        await parent.GetByLabel("A parent or carer").CheckAsync();
        await Continue(parent);
        await parent.GetByLabel("Full name").FillAsync("Pat Example");
        await parent.GetByLabel("Email address").FillAsync("pat@example.com");
        await Continue(parent);
        await parent.GetByLabel("First name").FillAsync("Ada");
        await parent.GetByLabel("Last name").FillAsync("Lovelace-Example");
        await Continue(parent);
        await parent.Locator("#DateOfBirth-day").FillAsync("14");
        await parent.Locator("#DateOfBirth-month").FillAsync("3");
        await parent.Locator("#DateOfBirth-year").FillAsync("2018");
        await Continue(parent);
        await parent.GetByLabel("Why are you asking for an EHC needs assessment?").FillAsync("She cannot access the curriculum even with a full-time teaching assistant.");
        await Continue(parent);
        await parent.GetByLabel("I agree that the council can share this request").CheckAsync();
        await Continue(parent);

        await Assertions.Expect(parent.Locator("h1")).ToHaveTextAsync("Check your answers before sending your request");
        await parent.AssertAccessibleAsync();
        await parent.GetByRole(AriaRole.Button, new() { Name = "Send request" }).ClickAsync();

        await Assertions.Expect(parent.Locator(".govuk-panel__title")).ToHaveTextAsync("Request sent");
        await parent.AssertAccessibleAsync();
        var reference = (await parent.Locator(".govuk-panel__body strong").TextContentAsync())!.Trim();
        var decisionDue = UkCalendar.InWords(today.AddDays(42));
        await parent.Locator("#tracking-link").ClickAsync();
        await Assertions.Expect(parent.Locator("h1")).ToHaveTextAsync("The council is deciding whether to carry out an assessment");
        await Assertions.Expect(parent.Locator("#dates-ahead")).ToContainTextAsync($"The council must tell you whether it will carry out an EHC needs assessment by {decisionDue}");
        await parent.AssertAccessibleAsync();

        var caseworker = await app.NewPageAsync();
        await caseworker.GotoAsync("/caseload");
        await Assertions.Expect(caseworker.Locator("h1")).ToHaveTextAsync("Sign in");
        await caseworker.AssertAccessibleAsync();
        await caseworker.GetByRole(AriaRole.Link, new() { Name = "sign in as an invented person" }).ClickAsync();
        await Assertions.Expect(caseworker.Locator("h1")).ToHaveTextAsync("Who do you want to sign in as?");
        await caseworker.AssertAccessibleAsync();
        await caseworker.GetByLabel("Sam Carter, LA SEND caseworker").CheckAsync();
        await caseworker.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(caseworker.Locator("h1")).ToHaveTextAsync("Caseload");
        var firstRow = caseworker.Locator("#caseload tbody tr").First;
        await Assertions.Expect(firstRow).ToContainTextAsync(reference);
        await Assertions.Expect(firstRow).ToContainTextAsync(decisionDue);
        await caseworker.AssertAccessibleAsync();
        await firstRow.GetByRole(AriaRole.Link).ClickAsync();

        await Assertions.Expect(caseworker.Locator("h1")).ToHaveTextAsync("Ada Lovelace-Example");
        await caseworker.AssertAccessibleAsync();
        await caseworker.GetByRole(AriaRole.Link, new() { Name = "Record the decision whether to assess" }).ClickAsync();
        await caseworker.AssertAccessibleAsync();
        await caseworker.GetByLabel("Yes").CheckAsync();
        await caseworker.Locator("#DecidedOn-day").FillAsync(today.Day.ToString());
        await caseworker.Locator("#DecidedOn-month").FillAsync(today.Month.ToString());
        await caseworker.Locator("#DecidedOn-year").FillAsync(today.Year.ToString());
        await caseworker.GetByLabel("Reasons for the decision").FillAsync("Evidence that needs may need provision through an EHC plan.");
        await caseworker.GetByRole(AriaRole.Button, new() { Name = "Record decision" }).ClickAsync();

        await Assertions.Expect(caseworker.Locator(".govuk-notification-banner__heading")).ToHaveTextAsync("Decision to assess recorded");
        await Assertions.Expect(caseworker.Locator("#stage")).ToHaveTextAsync("Assessing");
        var deadlines = caseworker.Locator("#deadlines");
        await Assertions.Expect(deadlines.Locator("tr", new() { HasText = "Decide whether to assess" })).ToContainTextAsync("Met");
        await Assertions.Expect(deadlines.Locator("tr", new() { HasText = "Tell the family if no plan will be issued" })).ToContainTextAsync(UkCalendar.InWords(today.AddDays(112)));
        await Assertions.Expect(deadlines.Locator("tr", new() { HasText = "Issue the final EHC plan" })).ToContainTextAsync(UkCalendar.InWords(today.AddDays(140)));
        await caseworker.AssertAccessibleAsync();

        // The family sees the decision too.
        await parent.ReloadAsync();
        await Assertions.Expect(parent.Locator("h1")).ToHaveTextAsync("The council is carrying out an EHC needs assessment");
        await parent.AssertAccessibleAsync();
    }

    [Fact]
    public async Task TheTimelineCalculator_WorksAndIsAccessible()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/timeline-calculator");
        await page.AssertAccessibleAsync();

        await page.Locator("#ReceivedOn-day").FillAsync("29");
        await page.Locator("#ReceivedOn-month").FillAsync("2");
        await page.Locator("#ReceivedOn-year").FillAsync("2028");
        await page.GetByRole(AriaRole.Button, new() { Name = "Calculate dates" }).ClickAsync();

        await Assertions.Expect(page.Locator("#results")).ToHaveTextAsync("Dates for a request received on 29 February 2028");
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync("Tuesday 18 July 2028");
        await page.AssertAccessibleAsync();

        await page.Locator("#ReceivedOn-month").FillAsync("13");
        await page.GetByRole(AriaRole.Button, new() { Name = "Calculate dates" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("The date the request was received must be a real date");
        await page.AssertAccessibleAsync();
    }

    /// <summary>Answers the page's question and waits for the next page (each has its own address).</summary>
    private static async Task Continue(IPage page)
    {
        var before = new Uri(page.Url).AbsolutePath;
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath != before);
        await page.AssertAccessibleAsync();
    }
}
