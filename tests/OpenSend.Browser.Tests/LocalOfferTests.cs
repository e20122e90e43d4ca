using Microsoft.Playwright;

namespace OpenSend.Browser.Tests;

/// <summary>
/// Issue 24 in a real browser: a family finds a short-break service for their child in Demoshire's local
/// offer from the start page, and a caseworker changes a service in the council's own offer; every page
/// passes axe.
/// </summary>
public sealed class LocalOfferTests(SeededDemoshire app) : IClassFixture<SeededDemoshire>
{
    [Fact]
    public async Task AFamilyFindsAShortBreakForTheirChild_InTheLocalOffer()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "local offer" }).ClickAsync();
        await page.AssertAccessibleAsync();

        await page.GetByLabel("Council").SelectOptionAsync(new SelectOptionValue { Label = "Demoshire" });
        await page.GetByLabel("Kind of service").SelectOptionAsync(new SelectOptionValue { Label = "Short breaks and respite" });
        await page.GetByLabel("Need", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Autistic spectrum disorder" });
        await page.GetByLabel("Child or young person's age").FillAsync("7");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(page.Locator("#results-heading")).ToHaveTextAsync("3 services");
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Saturday Sensory Club" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Saturday Sensory Club");
        await Assertions.Expect(page.Locator("#service-details")).ToContainTextAsync("Saturdays 10am to 1pm in term time");
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task ACaseworkerChangesAServiceInTheCouncilsLocalOffer()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsAsync("Sam Carter, LA SEND caseworker");
        await page.GetByRole(AriaRole.Link, new() { Name = "Local offer", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Your local offer");
        await page.AssertAccessibleAsync();
        await page.Locator("#services a", new() { HasText = "Inclusive swimming sessions" }).ClickAsync();
        await page.AssertAccessibleAsync();

        await page.GetByLabel("When it runs (optional)").FillAsync("Sundays 4pm to 5pm, and Wednesdays in the school holidays");
        await page.GetByLabel("Oldest age (optional)").FillAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and publish" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("The oldest age must be the same as or older than the youngest");
        await page.AssertAccessibleAsync();

        await page.GetByLabel("Oldest age (optional)").FillAsync("25");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and publish" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Inclusive swimming sessions is saved and published in the local offer");
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task TheDfeSeesWhichAreasRunTheGreenPapersRules_AndIsToldWhatIsMissing()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsAsync("Ruth Okafor, DfE analyst");
        await page.GetByRole(AriaRole.Link, new() { Name = "Areas' rules" }).ClickAsync();
        await Assertions.Expect(page.Locator("#areas")).ToContainTextAsync("Demoshire");
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Choose the local authority");
        await page.AssertAccessibleAsync();
    }
}
