using Microsoft.Playwright;

namespace OpenSend.Browser.Tests;

/// <summary>
/// An adviser gives advice on its pages, and a council receives a plan from another and tells
/// the family, in a real browser; every page passes axe.
/// </summary>
public sealed class AdviceAndTransferTests(SeededDemoshire app) : IClassFixture<SeededDemoshire>
{
    [Fact]
    public async Task AnAdviserWritesAndSendsAdvice()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsAsync("Dr Omar Reyes, Health adviser");

        await page.GotoAsync("/advice");
        await Assertions.Expect(page.Locator("#advice-due")).ToContainTextAsync("Due");
        await page.AssertAccessibleAsync();
        await page.Locator("#advice-due tbody tr").First.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.Locator("#advice-dates")).ToContainTextAsync("6 weeks from the request");
        await page.AssertAccessibleAsync();

        await page.GetByLabel("Summary of your advice").FillAsync("Asthma, well controlled with an inhaler. Needs a quiet space after PE.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save summary" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner__heading")).ToHaveTextAsync("Summary saved");

        await page.GetByRole(AriaRole.Link, new() { Name = "Add provision" }).ClickAsync();
        await page.AssertAccessibleAsync();
        await page.Locator("input[name=Section][value=G]").CheckAsync();
        await page.GetByLabel("What is provided").FillAsync("Asthma care plan reviewed by the school nurse");
        await page.GetByLabel("How often").FillAsync("Once a term");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add provision" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-advice-item]")).ToContainTextAsync("Asthma care plan reviewed by the school nurse");
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Attach a report" }).ClickAsync();
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to your advice" }).ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Check and send your advice" }).ClickAsync();
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send advice to the council" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Advice sent");
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task TheNewCouncilReceivesAPlan_AndTellsTheFamily()
    {
        var transferredOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-7);
        var file = $$"""
            {"format":"opensend-ehc-plan-transfer/1","fromLaCode":"999","fromLaName":"Demoshire County Council","caseReference":"999-2025-00777",
             "child":{"givenName":"Cato","familyName":"Mover","dateOfBirth":"2016-05-04"},"contactName":"Pat Mover","contactEmail":"pat.mover@example.com",
             "versions":[{"format":"opensend-ehc-plan/1","laCode":"999","caseReference":"999-2025-00777","number":1,"label":"Final 1","status":"Final","amendment":false,
               "issuedOn":"2025-03-03","content":{"sectionA":{"inTheirOwnWords":"I like maps."},"needs":[],"outcomes":[],"provision":[],"sectionK":[]},"warnings":[]}]}
            """;
        var page = await app.NewPageAsync();
        await page.SignInAsAsync("Alex Morgan, LA SEND caseworker");

        await page.GotoAsync("/caseload");
        await page.GetByRole(AriaRole.Link, new() { Name = "Receive a plan from another council" }).ClickAsync();
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Receive the plan" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Select the plan transfer file");
        await page.AssertAccessibleAsync();

        await page.GetByLabel("Plan transfer file").SetInputFilesAsync(new FilePayload { Name = "plan.json", MimeType = "application/json", Buffer = System.Text.Encoding.UTF8.GetBytes(file) });
        await page.GetByLabel("Day").FillAsync(transferredOn.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Month").FillAsync(transferredOn.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Year").FillAsync(transferredOn.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Receive the plan" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner__heading")).ToContainTextAsync("Plan received from Demoshire County Council");
        await Assertions.Expect(page.Locator("#deadlines")).ToContainTextAsync("Tell the family the plan has transferred");
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Record the family told of the transferred plan" }).ClickAsync();
        await page.AssertAccessibleAsync();
        var given = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        var review = transferredOn.AddMonths(2);
        await page.Locator("#GivenOn-day").FillAsync(given.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#GivenOn-month").FillAsync(given.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#GivenOn-year").FillAsync(given.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("No").CheckAsync();
        await page.Locator("#ReviewOn-day").FillAsync(review.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#ReviewOn-month").FillAsync(review.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#ReviewOn-year").FillAsync(review.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Record notice" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner__heading")).ToHaveTextAsync("Notice of the transferred plan recorded");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "EHC plan: needs, outcomes and provision" }).ClickAsync();
        await Assertions.Expect(page.Locator("#transferred-from")).ToContainTextAsync("This plan was received from council 999");
        await page.AssertAccessibleAsync();
    }
}
