using Microsoft.Playwright;

namespace OpenSend.Browser.Tests;

/// <summary>The dashboard and the SEN2 return page in a real browser, on the demo with the DfE's published statistics loaded, checked with axe.</summary>
public sealed class DashboardTests(SeededDemoshire app) : IClassFixture<SeededDemoshire>
{
    [Fact]
    public async Task AnyoneFindsTheirAreasDashboard_ItsBreakdowns_AndEveryAreaRanked()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "SEND and alternative provision inclusion dashboard" }).ClickAsync();
        await page.AssertAccessibleAsync();

        await page.GetByLabel("Choose a local authority").SelectOptionAsync(new SelectOptionValue { Label = "Kent (886)" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show the dashboard" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Kent");
        await Assertions.Expect(page.Locator("#table-plans-within-20-weeks")).ToContainTextAsync("32.3%");
        await Assertions.Expect(page.Locator("#measure-plans-within-20-weeks svg[role=img] title")).ToHaveTextAsync("New plans issued within 20 weeks: Kent, South East and England");
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "New plans issued within 20 weeks", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Ethnicity" }).ClickAsync();
        await Assertions.Expect(page.Locator("#breakdown-table")).ToContainTextAsync("Asian");
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Compare every local authority" }).ClickAsync();
        await page.GetByLabel("Year").SelectOptionAsync("2023");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show year" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-caption-l")).ToHaveTextAsync("Every local authority, 2023");
        await Assertions.Expect(page.Locator("#ranking tbody tr").First.Locator("td").First).ToHaveTextAsync("1");
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task ACaseworkerChecksTheSen2Return_AndSeesTheirOwnDashboardUnsuppressed()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsAsync("Sam Carter, LA SEND caseworker");
        await page.GetByRole(AriaRole.Link, new() { Name = "SEN2 return" }).ClickAsync();
        await page.AssertAccessibleAsync();

        await page.GetByLabel("SEN2 2026").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the return" }).ClickAsync();
        await Assertions.Expect(page.Locator("#result")).ToContainTextAsync("SEN2 2026, census day 15 January 2026");
        await Assertions.Expect(page.Locator("#errors")).ToHaveTextAsync("0");
        await Assertions.Expect(page.Locator("#download")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "the council's dashboard" }).ClickAsync();
        await Assertions.Expect(page.Locator("#dashboard-source")).ToContainTextAsync("you see every count");
        await Assertions.Expect(page.Locator("#table-active-plans")).ToContainTextAsync("Live");
        // Issue 23: redress is counted live too: the demo's appeal against a refusal, over its appealable decisions.
        await Assertions.Expect(page.Locator("#table-tribunal-appeal-rate")).ToContainTextAsync("Live");
        await Assertions.Expect(page.Locator("#measure-weeks-in-redress")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
    }
}
