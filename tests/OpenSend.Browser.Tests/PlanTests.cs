using Microsoft.Playwright;

namespace OpenSend.Browser.Tests;

/// <summary>
/// A caseworker drafts a small plan in a real browser: the quality check flags vague provision,
/// they fix it and issue the draft; the parent reads it and comments; the caseworker sees the
/// comment beside the provision. Every page passes axe.
/// </summary>
public sealed class PlanTests(SeededDemoshire app) : IClassFixture<SeededDemoshire>
{
    [Fact]
    public async Task ACaseworkerDraftsAPlan_FixesWhatTheCheckFlags_IssuesTheDraft_AndTheParentComments()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsAsync("Sam Carter, LA SEND caseworker");
        await page.GotoAsync("/caseload?stage=DraftingPlan");
        await page.Locator("#caseload tbody tr").First.GetByRole(AriaRole.Link).ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "EHC plan: needs, outcomes and provision" }).ClickAsync();
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Start the plan" }).ClickAsync();
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the plan" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner__heading")).ToHaveTextAsync("Plan started");
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Add views, interests and aspirations" }).ClickAsync();
        await page.AssertAccessibleAsync();
        await page.GetByLabel("In their own words").FillAsync("I like building things. Noisy rooms make it hard to think.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save section A" }).ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Add a need to section B" }).ClickAsync();
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Describe the need").FillAsync("Difficulty with reading and spelling");
        await page.GetByLabel("SEN2 need type").SelectOptionAsync(new SelectOptionValue { Value = "SPLD" });
        await page.GetByLabel("Rank").FillAsync("1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save need" }).ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Add an outcome" }).ClickAsync();
        await page.AssertAccessibleAsync();
        await page.GetByLabel("What will the child or young person achieve?").FillAsync("Reads a short book aloud with fewer than 5 errors a page");
        await page.GetByLabel("Day").FillAsync("23");
        await page.GetByLabel("Month").FillAsync("7");
        await page.GetByLabel("Year").FillAsync("2027");
        await page.GetByLabel("Difficulty with reading and spelling").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save outcome" }).ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Add provision to section F" }).ClickAsync();
        await page.AssertAccessibleAsync();
        await page.GetByLabel("What is provided").FillAsync("Structured phonics programme");
        await page.GetByLabel("Delivered by").FillAsync("Specialist teacher");
        await page.GetByLabel("How often").FillAsync("as required");
        await page.GetByLabel("For how long").FillAsync("20 minutes a session");
        await page.GetByLabel("Difficulty with reading and spelling").CheckAsync();
        await page.GetByLabel("Reads a short book aloud with fewer than 5 errors a page").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save provision" }).ClickAsync();

        await Assertions.Expect(page.Locator("#section-F")).ToContainTextAsync("Replace 'as required' in 'Structured phonics programme'");
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Change Structured phonics programme" }).ClickAsync();
        await page.GetByLabel("How often").FillAsync("4 sessions a week");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save provision" }).ClickAsync();
        await Assertions.Expect(page.Locator("#section-F")).Not.ToContainTextAsync("Replace 'as required'");

        await page.GetByRole(AriaRole.Link, new() { Name = "Issue draft plan" }).ClickAsync();
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Issue draft plan" }).ClickAsync();

        await Assertions.Expect(page.Locator(".govuk-notification-banner__heading")).ToHaveTextAsync("Draft plan issued: the family has 15 days to comment and ask for a setting");
        await Assertions.Expect(page.Locator("#versions")).ToContainTextAsync("Draft 1");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Draft 1" }).ClickAsync();
        await Assertions.Expect(page.Locator("#section-F")).ToContainTextAsync("4 sessions a week");
        await page.AssertAccessibleAsync();
        var planUrl = page.Url[..page.Url.IndexOf("/versions/", StringComparison.Ordinal)];

        // The caseworker gives the parent access; the parent reads the draft and comments on the provision.
        await page.GotoAsync(planUrl.Replace("/plan", "/family-access", StringComparison.Ordinal));
        await page.GetByLabel("Their email address").FillAsync("aa.plan.parent@example.com");
        await page.GetByLabel("A parent or carer").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Give access" }).ClickAsync();

        var parent = await app.NewPageAsync();
        await parent.SignInAsAsync("aa.plan.parent@example.com");
        await parent.Locator("#your-requests a").First.ClickAsync();
        await parent.GetByRole(AriaRole.Link, new() { Name = "Read the draft plan and comment on it" }).ClickAsync();
        await Assertions.Expect(parent.Locator("#comment-window")).ToContainTextAsync("You can comment on any part of it until");
        await parent.AssertAccessibleAsync();
        await parent.GetByRole(AriaRole.Link, new() { Name = "Comment on Structured phonics programme" }).ClickAsync();
        await parent.AssertAccessibleAsync();
        await parent.GetByLabel("Your comment on 'Structured phonics programme' in section F").FillAsync("Could some sessions be one to one?");
        await parent.GetByRole(AriaRole.Button, new() { Name = "Send comment" }).ClickAsync();
        await Assertions.Expect(parent.Locator(".govuk-notification-banner__heading")).ToContainTextAsync("has been sent to the council");
        await parent.AssertAccessibleAsync();

        // The parent asks for a meeting and a school, and shares a photo for section A.
        await parent.GetByRole(AriaRole.Link, new() { Name = "Ask for a meeting or a school or college" }).ClickAsync();
        await parent.AssertAccessibleAsync();
        await parent.GetByLabel("I would like a meeting with the council about the draft plan").CheckAsync();
        await parent.GetByLabel("School, college or other setting you would like named (optional)").FillAsync("Oakfield Primary School");
        await parent.GetByRole(AriaRole.Button, new() { Name = "Send to the council" }).ClickAsync();
        await Assertions.Expect(parent.Locator(".govuk-notification-banner__heading")).ToHaveTextAsync("The council has your request for a meeting and for Oakfield Primary School to be named");
        await parent.GetByRole(AriaRole.Link, new() { Name = "Back to your request" }).ClickAsync();
        await parent.GetByRole(AriaRole.Link, new() { Name = "Share photos or a short video" }).ClickAsync();
        await parent.AssertAccessibleAsync();
        await parent.GetByLabel("What it shows").FillAsync("Building a bridge out of card");
        await parent.GetByLabel("Photo or video").SetInputFilesAsync(new FilePayload
        {
            Name = "bridge.png",
            MimeType = "image/png",
            Buffer = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="),
        });
        await parent.GetByRole(AriaRole.Button, new() { Name = "Share with the council" }).ClickAsync();
        await Assertions.Expect(parent.Locator("#shared")).ToContainTextAsync("Building a bridge out of card");
        await parent.AssertAccessibleAsync();
        await parent.GetByRole(AriaRole.Link, new() { Name = "Back to your request" }).ClickAsync();
        await parent.GetByRole(AriaRole.Link, new() { Name = "Give your views" }).ClickAsync();
        await parent.AssertAccessibleAsync();
        await parent.GetByLabel("Their interests").FillAsync("Lego, bridges and trains");
        await parent.GetByRole(AriaRole.Button, new() { Name = "Send your views to the council" }).ClickAsync();
        await Assertions.Expect(parent.Locator(".govuk-notification-banner__heading")).ToHaveTextAsync("Your views have been sent to the council");
        await parent.AssertAccessibleAsync();

        await page.GotoAsync(planUrl);
        await Assertions.Expect(page.Locator("#section-F .plan-comment")).ToContainTextAsync("Could some sessions be one to one?");
        await Assertions.Expect(page.Locator("#family-asked")).ToContainTextAsync("Oakfield Primary School");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Change Views, interests and aspirations" }).ClickAsync();
        await page.GetByLabel("Building a bridge out of card").CheckAsync();
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save section A" }).ClickAsync();
        await Assertions.Expect(page.Locator("#section-A-media img")).ToHaveAttributeAsync("alt", "Building a bridge out of card");
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task AParentSaysSupportIsNotHappening_AndTheCaseworkerAnswers()
    {
        var parent = await app.NewPageAsync();
        await parent.SignInAsAsync("pat.ashdown@example.com");
        await parent.OpenRequestWithAsync("#delivery-link");
        await parent.Locator("#delivery-link").ClickAsync();
        await Assertions.Expect(parent.Locator("h1")).ToHaveTextAsync("Is the support in the plan happening?");
        await Assertions.Expect(parent.Locator(".govuk-summary-card").First).ToContainTextAsync("Oakfield Primary School said");
        await parent.AssertAccessibleAsync();

        await parent.Locator(".govuk-summary-card__action a").First.ClickAsync();
        await parent.AssertAccessibleAsync();
        await parent.GetByLabel("Not delivered").CheckAsync();
        await parent.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Assertions.Expect(parent.Locator(".govuk-error-summary")).ToContainTextAsync("Say what is not happening, and since when");
        await parent.AssertAccessibleAsync();
        await parent.GetByLabel("What is happening instead?").FillAsync("No small-group sessions this week: the teaching assistant is off sick.");
        await parent.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Assertions.Expect(parent.Locator(".govuk-notification-banner")).ToContainTextAsync("is not delivered");
        await parent.AssertAccessibleAsync();

        var caseworker = await app.NewPageAsync();
        await caseworker.SignInAsAsync("Sam Carter, LA SEND caseworker");
        await caseworker.GotoAsync("/provision-delivery");
        await Assertions.Expect(caseworker.Locator("#undelivered")).ToContainTextAsync("Parent or carer");
        await caseworker.AssertAccessibleAsync();
        await caseworker.Locator("#undelivered tbody tr", new() { HasText = "Not delivered" }).Locator("a").First.ClickAsync();
        await Assertions.Expect(caseworker.Locator("h1")).ToHaveTextAsync("Is the provision being delivered?");
        await caseworker.AssertAccessibleAsync();
        await caseworker.Locator("a[href*='/answer']").First.ClickAsync();
        await caseworker.AssertAccessibleAsync();
        await caseworker.GetByLabel("What is the council doing about it?").FillAsync("The school will make up the missed sessions next week; we will check with the SENCO on Friday.");
        await caseworker.GetByRole(AriaRole.Button, new() { Name = "Send answer" }).ClickAsync();
        await Assertions.Expect(caseworker.Locator(".govuk-notification-banner")).ToContainTextAsync("has been recorded");
        await caseworker.AssertAccessibleAsync();
    }

    [Fact]
    public async Task AParentReadsThePlanInEasyRead_AndSaysHowTheyWantToHear()
    {
        var parent = await app.NewPageAsync();
        await parent.SignInAsAsync("pat.ashdown@example.com");
        await parent.OpenRequestWithAsync("#plan");
        var request = parent.Url;
        await parent.GetByRole(AriaRole.Link, new() { Name = "Read the plan, download it, and see every earlier version" }).ClickAsync();
        await parent.Locator("#easy-read-link").ClickAsync();
        await Assertions.Expect(parent.Locator("h1")).ToContainTextAsync("plan in easy read");
        await parent.AssertAccessibleAsync();

        await parent.GotoAsync(request);
        await parent.Locator("#contact-link").ClickAsync();
        // The demo family already has letters by post; without the address the council cannot send them.
        await parent.GetByLabel("Send letters by post as well as by email").CheckAsync();
        await parent.GetByLabel("Postal address").FillAsync(string.Empty);
        await parent.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(parent.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the postal address the letters go to");
        await parent.AssertAccessibleAsync();
        await parent.GetByLabel("Postal address").FillAsync("1 Example Street\nDemoton DM1 1AA");
        await parent.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(parent.Locator(".govuk-notification-banner")).ToContainTextAsync("The council will contact you this way");
        await parent.AssertAccessibleAsync();
    }
}
