using Microsoft.Playwright;

namespace OpenSend.Browser.Tests;

/// <summary>
/// Issue 23 in a real browser: the mediator records the mediation the council arranged with their
/// service, and the caseworker records the tribunal's order on an appeal, which reopens the case with its
/// clocks, then tells the family; every page passes axe.
/// </summary>
public sealed class RedressTests(SeededDemoshire app) : IClassFixture<SeededDemoshire>
{
    [Fact]
    public async Task TheMediatorRecordsTheMediation_AndTheCaseworkerRecordsTheTribunalsOrder()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var mediator = await app.NewPageAsync();
        await mediator.SignInAsAsync("Dana Hughes, Mediator");
        await mediator.GetByRole(AriaRole.Link, new() { Name = "Mediations" }).ClickAsync();
        await mediator.AssertAccessibleAsync();
        await mediator.Locator("#mediations tbody tr", new() { HasText = "Mediation being arranged" }).First.GetByRole(AriaRole.Link).ClickAsync();
        await mediator.AssertAccessibleAsync();
        await mediator.FillDateAsync("HeldOn", today);
        await mediator.GetByLabel("Agreement on everything").CheckAsync();
        await mediator.GetByLabel("What was agreed? (if anything)").FillAsync("The school will run a full assess, plan, do, review cycle this term.");
        await mediator.Locator("#CouldNotOrder-2").CheckAsync();
        if (await mediator.Locator("#DecisionMakerAttended").CountAsync() > 0)
        {
            await mediator.Locator("#DecisionMakerAttended").CheckAsync();
        }

        await mediator.GetByRole(AriaRole.Button, new() { Name = "Record the mediation" }).ClickAsync();
        await Assertions.Expect(mediator.Locator(".govuk-notification-banner")).ToContainTextAsync("Recorded the mediation and its outcome");
        await mediator.AssertAccessibleAsync();
        await mediator.FillDateAsync("CertificateOn", today);
        await mediator.GetByRole(AriaRole.Button, new() { Name = "Record the certificate" }).ClickAsync();
        await Assertions.Expect(mediator.Locator(".govuk-notification-banner")).ToContainTextAsync("The family can now appeal");
        await Assertions.Expect(mediator.Locator("main")).ToContainTextAsync("Certificate issued");

        var caseworker = await app.NewPageAsync();
        await caseworker.SignInAsAsync("Sam Carter, LA SEND caseworker");
        await caseworker.GetByRole(AriaRole.Link, new() { Name = "Mediation and appeals" }).ClickAsync();
        await caseworker.AssertAccessibleAsync();
        await caseworker.Locator("#appeals tbody tr").First.GetByRole(AriaRole.Link).ClickAsync();
        await caseworker.AssertAccessibleAsync();
        await caseworker.FillDateAsync("DecidedOn", today);
        await caseworker.GetByLabel("Carry out an EHC needs assessment").CheckAsync();
        await caseworker.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await Assertions.Expect(caseworker.Locator(".govuk-notification-banner")).ToContainTextAsync("Its orders' time limits are on the case");
        await caseworker.GetByRole(AriaRole.Link, new() { Name = "Back to mediation and appeals" }).ClickAsync();
        await Assertions.Expect(caseworker.Locator("#order-clocks")).ToContainTextAsync("Tell the family the assessment will be made");
        await caseworker.AssertAccessibleAsync();
        await caseworker.FillDateAsync("NotifiedOn", today);
        await caseworker.GetByRole(AriaRole.Button, new() { Name = "Record the family told" }).ClickAsync();
        await Assertions.Expect(caseworker.Locator(".govuk-notification-banner")).ToContainTextAsync("the family was told the assessment will be made");
        await caseworker.GetByRole(AriaRole.Link, new() { Name = "Back to case" }).ClickAsync();
        await Assertions.Expect(caseworker.Locator("main")).ToContainTextAsync("Assessing");
    }

    [Fact]
    public async Task TheFamilyMakesAComplaint_AndTheCouncilAnswersIt()
    {
        var family = await app.NewPageAsync();
        await family.SignInAsAsync("pat.ashdown@example.com");
        await family.OpenRequestWithAsync("#redress-link");
        await family.Locator("#redress-link").ClickAsync();
        await family.AssertAccessibleAsync();
        var child = (await family.Locator("main .govuk-caption-l").First.TextContentAsync())!.Trim();
        await family.GetByLabel("What is your complaint about?").FillAsync("Letters about the review reached us after the meeting.");
        await family.GetByLabel("I would like a disagreement resolution meeting").CheckAsync();
        await family.GetByRole(AriaRole.Button, new() { Name = "Send your complaint" }).ClickAsync();
        await Assertions.Expect(family.Locator(".govuk-notification-banner")).ToContainTextAsync("Your complaint has been sent to the council");
        await family.AssertAccessibleAsync();

        var caseworker = await app.NewPageAsync();
        await caseworker.SignInAsAsync("Sam Carter, LA SEND caseworker");
        await caseworker.GotoAsync("/mediation-and-appeals");
        await caseworker.Locator("#complaints tbody tr", new() { HasText = child }).First.GetByRole(AriaRole.Link).ClickAsync();
        await caseworker.AssertAccessibleAsync();
        await caseworker.GetByLabel("The council's answer").FillAsync("We are sorry. Letters will now go out three weeks before each meeting.");
        await caseworker.GetByRole(AriaRole.Button, new() { Name = "Send the answer" }).ClickAsync();
        await Assertions.Expect(caseworker.Locator("main")).ToContainTextAsync("Stage 1 answered");

        await family.ReloadAsync();
        await Assertions.Expect(family.Locator("main")).ToContainTextAsync("three weeks before each meeting");
        await Assertions.Expect(family.GetByRole(AriaRole.Button, new() { Name = "Take your complaint to stage 2" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task ThePublicAppealCalculator_WorksAndIsAccessible()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/timeline-calculator/redress");
        await page.AssertAccessibleAsync();
        await page.GetByLabel("The council made a decision the family can appeal").CheckAsync();
        await page.FillDateAsync("On", new DateOnly(2026, 6, 10));
        await page.GetByRole(AriaRole.Button, new() { Name = "Calculate dates" }).ClickAsync();
        await Assertions.Expect(page.Locator("#results ~ table")).ToContainTextAsync("1 September 2026");
        await page.AssertAccessibleAsync();
    }
}
