using Microsoft.Playwright;

namespace OpenSend.Browser.Tests;

/// <summary>The demo LA's busy pages (every stage, overdue tags, pagination-free filters) in a real browser, checked with axe.</summary>
public sealed class DemoshireTests(SeededDemoshire app) : IClassFixture<SeededDemoshire>
{
    [Fact]
    public async Task TheCaseloadAndItsCases_AreAccessible()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsAsync("Priya Shah, LA SEND manager");

        await Assertions.Expect(page.Locator("#caseload tbody tr").First.Locator(".govuk-tag--red")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();

        await page.GetByLabel("Show").SelectOptionAsync(new SelectOptionValue { Value = "DraftServed" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filter" }).ClickAsync();
        await Assertions.Expect(page.Locator("#caseload tbody tr")).ToHaveCountAsync(8);
        await page.AssertAccessibleAsync();

        await page.Locator("#caseload tbody tr").First.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.Locator("#stage")).ToHaveTextAsync("Draft plan with family");
        await page.AssertAccessibleAsync();

        foreach (var step in new[] { "Record the family's representations", "Record an exception to a time limit", "Record the request withdrawn", "Record a move to another council" })
        {
            await page.GetByRole(AriaRole.Link, new() { Name = step }).ClickAsync();
            await page.AssertAccessibleAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Back to case" }).ClickAsync();
        }
    }

    [Fact]
    public async Task AnAssessmentUnderWay_ShowsItsAdviceClocks_AndItsStepPagesAreAccessible()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsAsync("Sam Carter, LA SEND caseworker");
        await page.GotoAsync("/caseload?stage=Assessing");
        await page.Locator("#caseload tbody tr").First.GetByRole(AriaRole.Link).ClickAsync();

        await Assertions.Expect(page.Locator("#advice")).ToContainTextAsync("Psychological advice");
        await page.AssertAccessibleAsync();
        foreach (var step in new[] { "Record a request for advice", "Record the decision whether to issue a plan" })
        {
            await page.GetByRole(AriaRole.Link, new() { Name = step }).ClickAsync();
            await page.AssertAccessibleAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Back to case" }).ClickAsync();
        }
    }

    [Fact]
    public async Task AParentSignsInWithAnEmailedCode_AndSeesOnlyTheirChildrenAndWhoHasLooked()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "sign in with a code sent to their email" }).ClickAsync();
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Email address").FillAsync("pat.ashdown@example.com");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send code" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Check your email");
        await page.AssertAccessibleAsync();

        // In development the email waits in the outbox.
        var outbox = await page.Context.NewPageAsync();
        await outbox.GotoAsync("/development/outbox");
        await outbox.AssertAccessibleAsync();
        var subject = await outbox.Locator(".govuk-summary-card__title", new() { HasText = "Your OpenSEND sign-in code is" }).First.TextContentAsync();
        var code = System.Text.RegularExpressions.Regex.Match(subject!, @"\d{6}").Value;

        await page.GetByLabel("Enter the code").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Your requests");
        await Assertions.Expect(page.Locator("#your-requests li")).ToHaveCountAsync(3);
        await page.AssertAccessibleAsync();
        await page.Locator("#your-requests a").First.ClickAsync();
        await Assertions.Expect(page.Locator("#access-log")).ToHaveTextAsync("Who has looked at this record");
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync("You");
        await page.AssertAccessibleAsync();

        // The staff caseload is not for families.
        await page.GotoAsync("/caseload");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("You cannot see this page");
    }
}
