using System.Globalization;
using Microsoft.Playwright;

namespace OpenSend.Browser.Tests;

/// <summary>A SENCO completes an annual review and the caseworker decides to amend the plan, in a real browser; every page passes axe.</summary>
public sealed class ReviewTests(SeededDemoshire app) : IClassFixture<SeededDemoshire>
{
    private static async Task FillDateAsync(IPage page, string field, DateOnly date)
    {
        await page.Locator($"#{field}-day").FillAsync(date.Day.ToString(CultureInfo.InvariantCulture));
        await page.Locator($"#{field}-month").FillAsync(date.Month.ToString(CultureInfo.InvariantCulture));
        await page.Locator($"#{field}-year").FillAsync(date.Year.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task ASencoCompletesAReview_AndTheCaseworkerDecidesToAmend()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var senco = await app.NewPageAsync();
        await senco.GotoAsync("/development/sign-in");
        await senco.GetByLabel("Jo Whitfield, SENCO").CheckAsync();
        await senco.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await senco.GetByRole(AriaRole.Link, new() { Name = "Your reviews" }).ClickAsync();
        await senco.AssertAccessibleAsync();
        await senco.Locator("#reviews tbody tr").First.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(senco.Locator("#review-stage")).ToHaveTextAsync("Due: meeting not yet arranged");
        await senco.AssertAccessibleAsync();
        var reviewUrl = senco.Url;

        await senco.GetByRole(AriaRole.Link, new() { Name = "Arrange the meeting and send invitations" }).ClickAsync();
        await senco.AssertAccessibleAsync();
        await FillDateAsync(senco, "MeetingOn", today);
        await Assertions.Expect(senco.GetByLabel("Send the invitations now through OpenSEND")).ToBeCheckedAsync();
        await senco.GetByRole(AriaRole.Button, new() { Name = "Save meeting" }).ClickAsync();
        await Assertions.Expect(senco.Locator(".govuk-notification-banner__heading")).ToContainTextAsync("Review meeting arranged: ");
        await senco.AssertAccessibleAsync();

        await senco.GetByRole(AriaRole.Link, new() { Name = "Record the meeting held" }).ClickAsync();
        await senco.AssertAccessibleAsync();
        await FillDateAsync(senco, "Date", today);
        await senco.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await senco.GetByRole(AriaRole.Link, new() { Name = "Write and send the review report" }).ClickAsync();
        await senco.AssertAccessibleAsync();
        await senco.GetByRole(AriaRole.Button, new() { Name = "Send report" }).ClickAsync();
        await Assertions.Expect(senco.Locator(".govuk-error-summary")).ToContainTextAsync("Select whether stepping down to SEN support is recommended");
        await senco.AssertAccessibleAsync();
        await senco.GetByLabel("The child's or young person's views").FillAsync("I like my new reading group.");
        await senco.GetByLabel("Provision (sections F to H2)").FillAsync("Add a weekly spelling group.");
        await senco.Locator("#StepDown-2").CheckAsync();
        await senco.GetByLabel("Why stepping down is or is not recommended").FillAsync("Needs still need more than SEN support can give.");
        await senco.Locator("#Cease-2").CheckAsync();
        await senco.GetByLabel("Why ceasing is or is not recommended").FillAsync("Outcomes not yet achieved.");
        await FillDateAsync(senco, "SentOn", today);
        await senco.GetByRole(AriaRole.Button, new() { Name = "Send report" }).ClickAsync();
        await Assertions.Expect(senco.Locator(".govuk-notification-banner__heading")).ToHaveTextAsync("Review report sent to the council");
        await senco.AssertAccessibleAsync();

        var caseworker = await app.NewPageAsync();
        await caseworker.GotoAsync("/development/sign-in");
        await caseworker.GetByLabel("Sam Carter, LA SEND caseworker").CheckAsync();
        await caseworker.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await caseworker.GetByRole(AriaRole.Link, new() { Name = "Reviews", Exact = true }).ClickAsync();
        await Assertions.Expect(caseworker.Locator("#review-counts")).ToContainTextAsync("All settings");
        await caseworker.AssertAccessibleAsync();
        await caseworker.GotoAsync(reviewUrl);
        await caseworker.GetByRole(AriaRole.Link, new() { Name = "Record the council's decision" }).ClickAsync();
        await caseworker.AssertAccessibleAsync();
        await caseworker.GetByLabel("Amend the plan").CheckAsync();
        await caseworker.GetByLabel("Reasons").FillAsync("Add the spelling group the review recommended.");
        await FillDateAsync(caseworker, "DecidedOn", today);
        await caseworker.GetByRole(AriaRole.Button, new() { Name = "Record decision" }).ClickAsync();
        await Assertions.Expect(caseworker.Locator("#review-stage")).ToHaveTextAsync("Amending the plan");
        await caseworker.AssertAccessibleAsync();
    }
}
