using Microsoft.Playwright;

namespace OpenSend.Browser.Tests;

/// <summary>
/// Naming a place in a real browser: the caseworker proposes and shares a tailored list, the parent
/// ranks their preferences (one from the list, one they find themselves) and sends them; every page
/// passes axe.
/// </summary>
public sealed class PlacementTests(SeededDemoshire app) : IClassFixture<SeededDemoshire>
{
    [Fact]
    public async Task AFamilyRanksTheirPreferences_FromTheListAndBeyondIt()
    {
        // A case of the demo parent's where a school or college is to be named.
        var parent = await app.NewPageAsync();
        await parent.SignInAsAsync("pat.ashdown@example.com");
        await parent.GotoAsync("/your-requests");
        var requests = await parent.Locator("#your-requests a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        string? settingsLink = null;
        foreach (var request in requests)
        {
            await parent.GotoAsync(request);
            if (await parent.Locator("#schools").CountAsync() > 0)
            {
                settingsLink = await parent.GetByRole(AriaRole.Link, new() { Name = "See the list and give your preferences" }).GetAttributeAsync("href");
                break;
            }
        }

        Assert.NotNull(settingsLink);
        var caseId = settingsLink!.Split('/')[2];

        var caseworker = await app.NewPageAsync();
        await caseworker.SignInAsAsync("Sam Carter, LA SEND caseworker");
        await caseworker.GotoAsync($"/cases/{caseId}");
        await caseworker.GetByRole(AriaRole.Link, new() { Name = "School or college (section I): tailored list, preferences and naming a place" }).ClickAsync();
        await caseworker.AssertAccessibleAsync();
        await caseworker.GetByRole(AriaRole.Link, new() { Name = "Propose a tailored list" }).ClickAsync();
        await caseworker.AssertAccessibleAsync();
        await caseworker.GetByLabel("Where does the child live?").FillAsync("DM1 2XY");
        await caseworker.GetByLabel("How far can they travel, in kilometres?").FillAsync("30");
        await caseworker.GetByRole(AriaRole.Button, new() { Name = "Propose the list" }).ClickAsync();
        await Assertions.Expect(caseworker.Locator(".govuk-notification-banner__heading")).ToHaveTextAsync("Tailored list proposed");
        await caseworker.AssertAccessibleAsync();
        await caseworker.GetByRole(AriaRole.Button, new() { Name = "Share the list with the family" }).ClickAsync();
        await Assertions.Expect(caseworker.Locator(".govuk-notification-banner__heading")).ToContainTextAsync("The list is shared with the family");

        await parent.GotoAsync(settingsLink);
        await Assertions.Expect(parent.Locator("h1")).ToHaveTextAsync("Schools and colleges for your child");
        await parent.AssertAccessibleAsync();
        await parent.GetByRole(AriaRole.Button, new() { Name = "Give your preferences" }).ClickAsync();
        await Assertions.Expect(parent.Locator("h1")).ToHaveTextAsync("Which schools or colleges on the list would you like considered?");
        await parent.AssertAccessibleAsync();
        var fromList = (await parent.Locator(".govuk-checkboxes__label").First.TextContentAsync())!.Trim();
        await parent.Locator(".govuk-checkboxes__input").First.CheckAsync();
        await parent.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await Assertions.Expect(parent.Locator("h1")).ToHaveTextAsync("Would you like to ask for any other school or college?");
        await parent.AssertAccessibleAsync();
        await parent.GetByLabel("Search by name, URN or postcode").FillAsync("Fenwick");
        await parent.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await parent.GetByRole(AriaRole.Button, new() { Name = "Add Fenwick Primary School" }).ClickAsync();
        await Assertions.Expect(parent.Locator("#others")).ToContainTextAsync("Fenwick Primary School");
        await parent.AssertAccessibleAsync();
        await parent.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await Assertions.Expect(parent.Locator("h1")).ToHaveTextAsync("Put them in order");
        await parent.AssertAccessibleAsync();
        await parent.GetByLabel($"Your order for {fromList}").FillAsync("2");
        await parent.GetByLabel("Your order for Fenwick Primary School").FillAsync("1");
        await parent.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(parent.Locator(".govuk-error-summary")).ToContainTextAsync("Say why you would like Fenwick Primary School");
        await parent.AssertAccessibleAsync();
        await parent.GetByLabel("Why would you like Fenwick Primary School?").FillAsync("Their grandparents live next door and can do the school run.");
        await parent.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await Assertions.Expect(parent.Locator("h1")).ToHaveTextAsync("Check your preferences before sending them");
        await Assertions.Expect(parent.Locator("#check-preferences .govuk-summary-list__key").First).ToHaveTextAsync("1. Fenwick Primary School");
        await parent.AssertAccessibleAsync();
        await parent.GetByRole(AriaRole.Button, new() { Name = "Send preferences" }).ClickAsync();
        await Assertions.Expect(parent.Locator("h1")).ToHaveTextAsync("Preferences sent");
        await parent.AssertAccessibleAsync();

        await caseworker.ReloadAsync();
        await Assertions.Expect(caseworker.Locator(".govuk-summary-card__title").First).ToHaveTextAsync("1. Fenwick Primary School");
        await caseworker.AssertAccessibleAsync();
    }

    [Fact]
    public async Task AnyoneSearchesTheRegister_NearAPostcode()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/settings");
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Near postcode").FillAsync("DM1 2XY");
        await page.GetByLabel("Caters for").SelectOptionAsync(new SelectOptionValue { Value = "ASD" });
        await page.GetByLabel("Within (kilometres)").FillAsync("20");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(page.Locator("#settings tbody tr")).ToHaveCountAsync(2);
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Meadowbank Special School" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Meadowbank Special School");
        await page.AssertAccessibleAsync();
    }
}
