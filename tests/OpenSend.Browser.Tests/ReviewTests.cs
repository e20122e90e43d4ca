using System.Globalization;
using Microsoft.Playwright;

namespace OpenSend.Browser.Tests;

/// <summary>A SENCO completes an annual review and the caseworker decides to amend the plan, in a real browser; every page passes axe.</summary>
public sealed class ReviewTests(SeededDemoshire app) : IClassFixture<SeededDemoshire>
{
    [Fact]
    public async Task ASencoCompletesAReview_AndTheCaseworkerDecidesToAmend()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var senco = await app.NewPageAsync();
        await senco.SignInAsAsync("Jo Whitfield, SENCO");

        await senco.GetByRole(AriaRole.Link, new() { Name = "Your reviews" }).ClickAsync();
        await senco.AssertAccessibleAsync();
        await senco.Locator("#reviews tbody tr").First.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(senco.Locator("#review-stage")).ToHaveTextAsync("Due: meeting not yet arranged");
        await senco.AssertAccessibleAsync();
        var reviewUrl = senco.Url;

        await senco.GetByRole(AriaRole.Link, new() { Name = "Arrange the meeting and send invitations" }).ClickAsync();
        await senco.AssertAccessibleAsync();
        await senco.FillDateAsync("MeetingOn", today);
        await Assertions.Expect(senco.GetByLabel("Send the invitations now through OpenSEND")).ToBeCheckedAsync();
        await senco.GetByRole(AriaRole.Button, new() { Name = "Save meeting" }).ClickAsync();
        await Assertions.Expect(senco.Locator(".govuk-notification-banner__heading")).ToContainTextAsync("Review meeting arranged: ");
        await senco.AssertAccessibleAsync();

        // The school's own advice for the review, then everything circulated to everyone invited (reg 20(3)-(4)).
        await senco.GetByRole(AriaRole.Link, new() { Name = "Give advice and information for the review" }).ClickAsync();
        await senco.AssertAccessibleAsync();
        await senco.GetByLabel("Your advice and information").FillAsync("Reading age up 8 months; spelling is the next target.");
        await senco.GetByRole(AriaRole.Button, new() { Name = "Give advice" }).ClickAsync();
        await Assertions.Expect(senco.Locator("#contributions + dl")).ToContainTextAsync("spelling is the next target");
        await senco.GetByRole(AriaRole.Link, new() { Name = "Circulate the advice and information" }).ClickAsync();
        await senco.AssertAccessibleAsync();
        await senco.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(senco.Locator(".govuk-notification-banner__heading")).ToContainTextAsync("Advice and information circulated");

        await senco.GetByRole(AriaRole.Link, new() { Name = "Record the meeting held" }).ClickAsync();
        await senco.AssertAccessibleAsync();
        await senco.FillDateAsync("Date", today);
        await senco.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await senco.GetByRole(AriaRole.Link, new() { Name = "Write and send the review report" }).ClickAsync();
        await senco.AssertAccessibleAsync();
        await senco.GetByRole(AriaRole.Button, new() { Name = "Send report" }).ClickAsync();
        await Assertions.Expect(senco.Locator(".govuk-error-summary")).ToContainTextAsync("Select whether stepping down to SEN support is recommended");
        await senco.AssertAccessibleAsync();
        // Progress against every outcome of the plan (the demo plans have two).
        var outcomes = await senco.Locator("textarea[name^='Evidence']").CountAsync();
        for (var i = 0; i < outcomes; i++)
        {
            await senco.Locator($"input[name='Progress[{i}]'][value='OnTrack']").CheckAsync();
            await senco.Locator($"textarea[name='Evidence[{i}]']").FillAsync("Teacher assessment and the review meeting agree it is on track.");
        }

        await senco.GetByLabel("The child's or young person's views").FillAsync("I like my new reading group.");
        await senco.GetByLabel("Provision (sections F to H2)").FillAsync("Add a weekly spelling group.");
        await senco.Locator("#StepDown-2").CheckAsync();
        await senco.GetByLabel("Why stepping down is or is not recommended").FillAsync("Needs still need more than SEN support can give.");
        await senco.Locator("#Cease-2").CheckAsync();
        await senco.GetByLabel("Why ceasing is or is not recommended").FillAsync("Outcomes not yet achieved.");
        await senco.FillDateAsync("SentOn", today);
        await senco.GetByRole(AriaRole.Button, new() { Name = "Send report" }).ClickAsync();
        await Assertions.Expect(senco.Locator(".govuk-notification-banner__heading")).ToHaveTextAsync("Review report sent to the council");
        await senco.AssertAccessibleAsync();

        var caseworker = await app.NewPageAsync();
        await caseworker.SignInAsAsync("Sam Carter, LA SEND caseworker");
        await caseworker.GetByRole(AriaRole.Link, new() { Name = "Reviews", Exact = true }).ClickAsync();
        await Assertions.Expect(caseworker.Locator("#review-counts")).ToContainTextAsync("All settings");
        await caseworker.AssertAccessibleAsync();
        await caseworker.GotoAsync(reviewUrl);
        await caseworker.GetByRole(AriaRole.Link, new() { Name = "Record the council's decision" }).ClickAsync();
        await caseworker.AssertAccessibleAsync();
        await caseworker.GetByLabel("Amend the plan").CheckAsync();
        await caseworker.GetByLabel("Reasons").FillAsync("Add the spelling group the review recommended.");
        await caseworker.FillDateAsync("DecidedOn", today);
        await caseworker.GetByRole(AriaRole.Button, new() { Name = "Record decision" }).ClickAsync();
        await Assertions.Expect(caseworker.Locator("#review-stage")).ToHaveTextAsync("Amending the plan");
        await caseworker.AssertAccessibleAsync();
    }

    [Fact]
    public async Task ACaseworkerDecidesToCease_AndRecordsThePlanCeasedAfterTheTribunalDismissedTheAppeal()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var caseworker = await app.NewPageAsync();
        await caseworker.SignInAsAsync("Sam Carter, LA SEND caseworker");
        await caseworker.GetByRole(AriaRole.Link, new() { Name = "Reviews", Exact = true }).ClickAsync();
        // A review the SENCO's test does not use, and not the demo parent's child (Lena Ashdown), whose plan the family's tests need in force.
        await caseworker.Locator("#reviews tbody tr", new() { HasNotText = "Oakfield" }).Filter(new() { HasNotText = "Ashdown" }).Last.GetByRole(AriaRole.Link).ClickAsync();

        await caseworker.GetByRole(AriaRole.Link, new() { Name = "Arrange the meeting and send invitations" }).ClickAsync();
        await caseworker.FillDateAsync("MeetingOn", today);
        await caseworker.GetByLabel("Send the invitations now through OpenSEND").UncheckAsync();
        await caseworker.FillDateAsync("InvitationsSentOn", today);
        await caseworker.GetByRole(AriaRole.Button, new() { Name = "Save meeting" }).ClickAsync();
        await caseworker.GetByRole(AriaRole.Link, new() { Name = "Record the meeting held" }).ClickAsync();
        await caseworker.FillDateAsync("Date", today);
        await caseworker.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await caseworker.GetByRole(AriaRole.Link, new() { Name = "Record the council's decision" }).ClickAsync();
        await caseworker.GetByLabel("Cease the plan").CheckAsync();
        await caseworker.GetByLabel("Reasons").FillAsync("Every outcome achieved; needs met at SEN support.");
        await caseworker.Locator("#CeaseReason").SelectOptionAsync(new SelectOptionValue { Value = "NeedsMetWithoutPlan" });
        await caseworker.FillDateAsync("DecidedOn", today);
        await caseworker.GetByRole(AriaRole.Button, new() { Name = "Record decision" }).ClickAsync();
        await Assertions.Expect(caseworker.Locator("#review-stage")).ToHaveTextAsync("Complete");

        await caseworker.GetByRole(AriaRole.Link, new() { Name = "Back to case" }).ClickAsync();
        await Assertions.Expect(caseworker.Locator("#cease-pending")).ToContainTextAsync("stays in force");
        await caseworker.AssertAccessibleAsync();
        await caseworker.GetByRole(AriaRole.Link, new() { Name = "Record the plan ceased" }).ClickAsync();
        await caseworker.AssertAccessibleAsync();
        await caseworker.FillDateAsync("CeasedOn", today);
        await caseworker.GetByRole(AriaRole.Button, new() { Name = "Record the plan ceased" }).ClickAsync();
        await Assertions.Expect(caseworker.Locator(".govuk-error-summary")).ToContainTextAsync("The family can appeal the decision to cease until");
        await caseworker.AssertAccessibleAsync();
        await caseworker.FillDateAsync("AppealDismissedOn", today);
        await caseworker.GetByRole(AriaRole.Button, new() { Name = "Record the plan ceased" }).ClickAsync();
        await Assertions.Expect(caseworker.Locator("#stage")).ToHaveTextAsync("Plan ceased");
        await caseworker.AssertAccessibleAsync();
    }

    [Fact]
    public async Task AParentOpensTheirChildsPlanReview()
    {
        var parent = await app.NewPageAsync();
        await parent.SignInAsAsync("pat.ashdown@example.com");
        await parent.OpenRequestWithAsync("#plan-review");

        await parent.GetByRole(AriaRole.Link, new() { Name = "See the plan's review and give your views for it" }).ClickAsync();
        await Assertions.Expect(parent.Locator("h1")).ToHaveTextAsync("Your child's plan review");
        await Assertions.Expect(parent.Locator("#family-review")).ToContainTextAsync("Review due by");
        await parent.AssertAccessibleAsync();
    }

    [Fact]
    public async Task AParentReadsTheirChildsPlanInForce_AndWhatChangedFromTheDraft()
    {
        var parent = await app.NewPageAsync();
        await parent.SignInAsAsync("pat.ashdown@example.com");
        await parent.OpenRequestWithAsync("#plan");

        await parent.GetByRole(AriaRole.Link, new() { Name = "Read the plan, download it, and see every earlier version" }).ClickAsync();
        await Assertions.Expect(parent.Locator("h1")).ToHaveTextAsync("Your child's EHC plan");
        await Assertions.Expect(parent.Locator("#shown-version")).ToContainTextAsync("This is Final 1");
        await Assertions.Expect(parent.Locator("#section-I")).ToBeVisibleAsync();
        await parent.AssertAccessibleAsync();
        await parent.GetByRole(AriaRole.Button, new() { Name = "Compare" }).ClickAsync();
        await Assertions.Expect(parent.Locator("h1")).ToHaveTextAsync("What changed from Draft 1 to Final 1");
        await parent.AssertAccessibleAsync();
    }

    [Fact]
    public async Task AParentReadsTheAdviceAndDocuments_AndSeesTheirCaseworker()
    {
        var parent = await app.NewPageAsync();
        await parent.SignInAsAsync("pat.ashdown@example.com");
        await parent.GotoAsync("/your-requests");
        await parent.Locator("#your-requests a").First.ClickAsync();
        await Assertions.Expect(parent.Locator("#caseworker")).ToContainTextAsync("Your caseworker");
        await parent.GetByRole(AriaRole.Link, new() { Name = "See the advice and documents" }).ClickAsync();
        await Assertions.Expect(parent.Locator("h1")).ToHaveTextAsync("Advice and documents");
        await parent.AssertAccessibleAsync();
    }

    [Fact]
    public async Task ACaseworkerNamesTheCaseworkerForACase()
    {
        var caseworker = await app.NewPageAsync();
        await caseworker.SignInAsAsync("Sam Carter, LA SEND caseworker");
        await caseworker.GotoAsync("/caseload?owner=unassigned");
        await caseworker.Locator("#caseload tbody a").First.ClickAsync();
        await caseworker.GetByRole(AriaRole.Link, new() { Name = "Name a caseworker" }).ClickAsync();
        await caseworker.AssertAccessibleAsync();
        await caseworker.GetByLabel("Caseworker", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Sam Carter" });
        await caseworker.GetByRole(AriaRole.Button, new() { Name = "Save caseworker" }).ClickAsync();
        await Assertions.Expect(caseworker.Locator("#caseworker")).ToContainTextAsync("Caseworker: Sam Carter");
        await caseworker.AssertAccessibleAsync();
    }

    [Fact]
    public async Task AParentAsksForAnEarlyReview_AndTheCaseworkerDecides()
    {
        var parent = await app.NewPageAsync();
        await parent.SignInAsAsync("pat.ashdown@example.com");
        await parent.OpenRequestWithAsync("#plan-review");
        await parent.GetByRole(AriaRole.Link, new() { Name = "See the plan's review and give your views for it" }).ClickAsync();
        await parent.Locator("#ask-early-review").ClickAsync();
        await Assertions.Expect(parent.Locator("h1")).ToHaveTextAsync("Why should the plan be reviewed early?");
        await parent.AssertAccessibleAsync();
        await parent.GetByRole(AriaRole.Button, new() { Name = "Send request" }).ClickAsync();
        await Assertions.Expect(parent.Locator(".govuk-error-summary")).ToContainTextAsync("Say why the plan should be reviewed early");
        await parent.AssertAccessibleAsync();
        await parent.GetByLabel("Why should the plan be reviewed early?").FillAsync("Our child has stopped sleeping and will not go into school.");
        await parent.GetByRole(AriaRole.Button, new() { Name = "Send request" }).ClickAsync();
        await Assertions.Expect(parent.Locator(".govuk-notification-banner")).ToContainTextAsync("Your request for an early review has been sent");
        await parent.AssertAccessibleAsync();

        var caseworker = await app.NewPageAsync();
        await caseworker.SignInAsAsync("Sam Carter, LA SEND caseworker");
        await caseworker.GotoAsync("/reviews");
        await caseworker.Locator("#early-reviews-awaiting tbody a").First.ClickAsync();
        await Assertions.Expect(caseworker.Locator("h1")).ToHaveTextAsync("Early review of the plan");
        await caseworker.AssertAccessibleAsync();
        await caseworker.Locator(".govuk-summary-card__action a").First.ClickAsync();
        await caseworker.AssertAccessibleAsync();
        await caseworker.GetByLabel("Refuse").CheckAsync();
        await caseworker.GetByLabel("Your reasons").FillAsync("The annual review is due soon; we will bring the school's concerns to it.");
        await caseworker.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await Assertions.Expect(caseworker.Locator(".govuk-notification-banner")).ToContainTextAsync("Early review refused");
        await caseworker.AssertAccessibleAsync();
    }

    [Fact]
    public async Task WhoDecides_ReadsWell_ForTheFamilyAndTheCouncil()
    {
        var parent = await app.NewPageAsync();
        await parent.SignInAsAsync("pat.ashdown@example.com");
        await parent.GotoAsync("/your-requests");
        await parent.Locator("#your-requests a").First.ClickAsync();
        await parent.GotoAsync(parent.Url.TrimEnd('/') + "/sharing");
        await Assertions.Expect(parent.Locator("h1")).ToHaveTextAsync("Who makes the decisions, and who sees the record");
        await Assertions.Expect(parent.Locator("#who-decides")).ToContainTextAsync("Children and Families Act 2014, section 83(2)");
        await parent.AssertAccessibleAsync();

        var caseworker = await app.NewPageAsync();
        await caseworker.SignInAsAsync("Sam Carter, LA SEND caseworker");
        await caseworker.GotoAsync("/caseload");
        await caseworker.Locator("#caseload tbody a").First.ClickAsync();
        await caseworker.GotoAsync(caseworker.Url.TrimEnd('/') + "/capacity");
        await Assertions.Expect(caseworker.Locator("h1")).ToHaveTextAsync("The young person's decisions");
        await Assertions.Expect(caseworker.Locator("#young-person-from")).ToContainTextAsync("section 83(2)");
        await caseworker.AssertAccessibleAsync();
    }
}
