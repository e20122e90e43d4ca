using Microsoft.Playwright;

namespace OpenSend.Browser.Tests;

/// <summary>The demo LA's busy pages (every stage, overdue tags, pagination-free filters) in a real browser, checked with axe.</summary>
public sealed class DemoshireTests(SeededDemoshire app) : IClassFixture<SeededDemoshire>
{
    [Fact]
    public async Task TheCaseloadAndItsCases_AreAccessible()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/development/sign-in");
        await page.GetByLabel("Priya Shah, LA SEND manager").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

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
        await page.GotoAsync("/development/sign-in");
        await page.GetByLabel("Sam Carter, LA SEND caseworker").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
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
}
