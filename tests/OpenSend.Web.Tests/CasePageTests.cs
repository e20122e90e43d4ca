using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenSend.Data.Assessments;
using OpenSend.Data.Audit;
using OpenSend.Data.Database;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Identity;

namespace OpenSend.Web.Tests;

/// <summary>The caseload and case pages a caseworker uses, on SQLite and PostgreSQL.</summary>
public abstract class CasePageTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : AppFixture
{
    private RequestContext Staff999 => app.Staff999;

    [Fact]
    public async Task Caseload_WithoutSigningIn_SendsYouToSignIn()
    {
        var response = await app.Client(followRedirects: false).GetAsync("/caseload");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/sign-in", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Caseload_PutsTheOverdueCaseFirstWithARedTag()
    {
        var overdue = await ReceiveAsync(new DateOnly(2026, 4, 1), "Oona");
        await ReceiveAsync(new DateOnly(2026, 6, 14), "Newer");
        var client = app.Client();
        await app.SignInAsync(client);

        var page = await client.GetPageAsync("/caseload?page=1");

        Assert.Equal("Caseload – OpenSEND – GOV.UK", page.Title);
        var first = page.QuerySelector("#caseload tbody tr")!;
        Assert.Contains(overdue.Reference, first.TextContent);
        var tag = first.QuerySelector(".govuk-tag")!;
        Assert.Contains("govuk-tag--red", tag.ClassName);
        Assert.Equal("Overdue by 33 days", tag.TextContent.Trim());
    }

    [Fact]
    public async Task CasePage_ShowsTheDeadlinesAndWhatCanBeRecordedNext()
    {
        var submitted = await ReceiveAsync(new DateOnly(2026, 6, 1), "Casey");
        var client = app.Client();
        await app.SignInAsync(client);

        var page = await client.GetPageAsync($"/cases/{submitted.Id}");

        Assert.Equal("Casey Example", page.QuerySelector("h1")!.TextContent.Trim());
        var deadlines = page.QuerySelector("#deadlines")!.TextContent;
        Assert.Contains("Decide whether to assess", deadlines);
        Assert.Contains("13 July 2026", deadlines);
        Assert.Contains("reg 5(1)", deadlines);
        var next = page.QuerySelectorAll("#next-steps a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Contains("Record the decision whether to assess", next);
        Assert.DoesNotContain("Record the final plan issued", next);
    }

    [Fact]
    public async Task ARefusedStepOnTheCasePage_IsShownAsAProblem_NeverUnderASuccessBanner()
    {
        var submitted = await ReceiveAsync(new DateOnly(2026, 6, 1), "Refused");
        var client = app.Client();
        await app.SignInAsync(client);
        var token = (await client.GetPageAsync("/request")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        // No plan is in force, so no review can be scheduled (s.44).
        var response = await client.PostAsync($"/cases/{submitted.Id}?handler=ScheduleReview", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        var page = await Html.ParseAsync(response);

        Assert.Null(page.QuerySelector(".govuk-notification-banner--success"));
        Assert.Contains("review", page.QuerySelector("#refused .govuk-error-summary__body")!.TextContent, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task RecordingADecisionToAssess_OnTheCasePage_MovesTheCaseOnAndShowsTheNextDeadline()
    {
        var submitted = await ReceiveAsync(new DateOnly(2026, 6, 1), "Dana");
        var client = app.Client();
        await app.SignInAsync(client);
        var form = await client.GetPageAsync($"/cases/{submitted.Id}/assessment-decision");

        var before = await AuditedAsync(submitted.Id);

        var page = await Html.ParseAsync(await client.SubmitAsync(form, [("WillAssess", "yes"), .. Html.Date("DecidedOn", new DateOnly(2026, 6, 12)), ("Reasons", "Evidence of need.")]));

        // The POST writes the step's own record only (no "viewed" row first); the case page it lands on is a read.
        Assert.Equal(["case.decide-to-assess", "case.viewed"], (await AuditedAsync(submitted.Id)).Skip(before.Count));
        Assert.Equal($"/cases/{submitted.Id}", new Uri(page.Location.Href).AbsolutePath);
        Assert.Equal("Decision to assess recorded", page.QuerySelector(".govuk-notification-banner__heading")!.TextContent.Trim());
        Assert.Equal("Assessing", page.QuerySelector("#stage")!.TextContent.Trim());
        Assert.Contains("Decided to carry out an EHC needs assessment.", page.QuerySelector("#timeline")!.TextContent);
        Assert.Contains("Record a request for advice", page.QuerySelector("#next-steps")!.TextContent);
    }

    private Task<List<string>> AuditedAsync(Guid caseId) => app.WithServices(sp => sp.GetRequiredService<OpenSendDbContext>().AuditRecords
        .Where(r => r.AssessmentId == caseId).OrderBy(r => r.Id).Select(r => r.Action).ToListAsync());

    [Fact]
    public async Task ADecisionNotToAssess_WithoutReasons_IsRefusedInTheErrorSummaryAndNothingIsSaved()
    {
        var submitted = await ReceiveAsync(new DateOnly(2026, 6, 1), "Eli");
        var client = app.Client();
        await app.SignInAsync(client);
        var form = await client.GetPageAsync($"/cases/{submitted.Id}/assessment-decision");

        var page = await Html.ParseAsync(await client.SubmitAsync(form, [("WillAssess", "no"), .. Html.Date("DecidedOn", new DateOnly(2026, 6, 12)), ("Reasons", "")]));

        var error = Assert.Single(page.ErrorSummary());
        Assert.Equal("#Reasons", error.Href);
        Assert.Contains("reg 5(3)", error.Text);
        var stored = (await app.WithServices(sp => sp.GetRequiredService<AssessmentQueries>().GetCaseAsync(Staff999, submitted.Id))).Assessment;
        Assert.Equal(AssessmentStage.RequestReceived, stored.Stage);
    }

    [Fact]
    public async Task IssuingTheFinalPlan_InsideTheRepresentationWindow_IsRefusedWithTheDateItCanBeIssued()
    {
        var submitted = await ReceiveAsync(new DateOnly(2026, 1, 5), "Finn");
        await app.WithServices(async sp =>
        {
            var cases = sp.GetRequiredService<AssessmentCases>();
            await cases.DecideToAssessAsync(Staff999, submitted.Id, new DateOnly(2026, 2, 10), "");
            var advice = await cases.RequestAdviceAsync(Staff999, submitted.Id, AdviserKind.Educational, "Oakfield Primary School", new DateOnly(2026, 2, 11));
            await cases.RecordAdviceReceivedAsync(Staff999, submitted.Id, advice.Id, new DateOnly(2026, 3, 20));
            await cases.DecideToIssueAsync(Staff999, submitted.Id, new DateOnly(2026, 4, 1), "");
            await cases.ServeDraftPlanAsync(Staff999, submitted.Id, new DateOnly(2026, 6, 10));
            return true;
        });
        var client = app.Client();
        await app.SignInAsync(client);
        var form = await client.GetPageAsync($"/cases/{submitted.Id}/final-plan-issued");

        var page = await Html.ParseAsync(await client.SubmitAsync(form, [.. Html.Date("IssuedOn", new DateOnly(2026, 6, 15)), ("NamedSetting", "Oakfield Primary School")]));

        var error = Assert.Single(page.ErrorSummary());
        Assert.Equal("#IssuedOn-day", error.Href);
        Assert.Contains("until 24 June 2026", error.Text);
        Assert.Contains("from 25 June 2026", error.Text);
    }

    [Fact]
    public async Task TheFamilysTrackingPage_AfterADecisionNotToAssess_GivesTheReasonsAndTheAppealDate()
    {
        var submitted = await ReceiveAsync(new DateOnly(2026, 6, 1), "Hana");
        await app.WithServices(sp => sp.GetRequiredService<AssessmentCases>().DecideNotToAssessAsync(Staff999, submitted.Id, new DateOnly(2026, 6, 12),
            "The school has not yet completed a full assess, plan, do, review cycle."));

        var page = await app.Client().GetPageAsync($"/track/{submitted.TrackingToken}");

        Assert.Equal("The council decided not to carry out an assessment", page.QuerySelector("h1")!.TextContent.Trim());
        var text = page.MainText();
        Assert.Contains("The school has not yet completed a full assess, plan, do, review cycle.", text);
        Assert.Contains("until 1 September 2026", text); // 12 August, moved out of August (HESC r.12(3))
        Assert.Contains("mediation", text);
    }

    [Fact]
    public async Task ARequestReceivedByEmail_IsRecordedWithTheDayItArrived()
    {
        var client = app.Client();
        await app.SignInAsync(client);
        var form = await client.GetPageAsync("/caseload/record-request");

        var page = await Html.ParseAsync(await client.SubmitAsync(form,
        [
            .. Html.Date("ReceivedOn", new DateOnly(2026, 5, 1)), ("RequesterKind", "SchoolOrCollege"), ("RequesterName", "Jo SENCO"),
            ("RequesterEmail", "senco@example.com"), ("RequesterOrganisation", "Oakfield Primary School"), ("ChildGivenName", "Ivo"),
            ("ChildFamilyName", "Example"), .. Html.Date("DateOfBirth", new DateOnly(2017, 9, 3)), ("Reason", "Progress has stalled."), ("ConsentToShare", "true"),
        ]));

        Assert.Equal("Ivo Example", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("/track/", page.QuerySelector(".govuk-notification-banner__heading")!.TextContent);
        Assert.Contains("12 June 2026", page.QuerySelector("#deadlines")!.TextContent);
        Assert.Contains("Overdue by 3 days", page.QuerySelector("#deadlines")!.TextContent);
    }

    [Fact]
    public async Task ARequestRecordedWithNothingFilledIn_ListsEveryMissingAnswer()
    {
        var client = app.Client();
        await app.SignInAsync(client);
        var form = await client.GetPageAsync("/caseload/record-request");

        var page = await Html.ParseAsync(await client.SubmitAsync(form));

        Assert.Equal(
            ["#ReceivedOn-day", "#RequesterKind", "#RequesterName", "#RequesterEmail", "#ChildGivenName", "#ChildFamilyName", "#DateOfBirth-day"],
            page.ErrorSummary().Select(e => e.Href));
    }

    /// <summary>s.36(1): a letter without reasons or agreement to share is recorded; the case says what to ask for, and records it when it comes.</summary>
    [Fact]
    public async Task ARequestRecordedWithoutReasonsOrAgreementToShare_StartsTheClock_AndTheCaseSaysWhatToAskFor()
    {
        var client = app.Client();
        await app.SignInAsync(client);
        var form = await client.GetPageAsync("/caseload/record-request");

        var response = await client.SubmitAsync(form, [.. Html.Date("ReceivedOn", new DateOnly(2026, 6, 1)), ("RequesterKind", "Parent"), ("RequesterName", "Lee Letter"),
            ("RequesterEmail", "lee.letter@example.com"), ("ChildGivenName", "Quill"), ("ChildFamilyName", "Letter"), .. Html.Date("DateOfBirth", new DateOnly(2017, 5, 2))]);
        var casePage = await Html.ParseAsync(response);

        Assert.Contains("arrived without the reasons for the request and agreement to share", casePage.QuerySelector("#still-needed")!.TextContent);
        var details = await client.GetPageAsync(casePage.QuerySelector("#still-needed a")!.GetAttribute("href")!);
        var completed = await Html.ParseAsync(await client.SubmitAsync(details, ("Reason", "Not making progress in reading."), ("ConsentToShare", "true")));
        Assert.Null(completed.QuerySelector("#still-needed"));
        Assert.Contains("Not making progress in reading.", completed.MainText());
    }

    [Fact]
    public async Task ACaseworker_GivesAParentAccess_AndTakesItAway()
    {
        var submitted = await ReceiveAsync(new DateOnly(2026, 6, 1), "Iris");
        var client = app.Client();
        await app.SignInAsync(client);
        var form = await client.GetPageAsync($"/cases/{submitted.Id}/family-access");

        var given = await Html.ParseAsync(await client.SubmitAsync(form, ("Email", "iris.parent@example.com"), ("Relationship", "Parent")));
        Assert.Contains("iris.parent@example.com can now see the case", given.QuerySelector(".govuk-notification-banner__heading")!.TextContent);
        var parent = app.Client();
        await app.SignInAsFamilyAsync(parent, "iris.parent@example.com");
        Assert.Contains("Iris", (await parent.GetPageAsync("/your-requests")).MainText());

        var accessPage = await client.GetPageAsync($"/cases/{submitted.Id}/family-access");
        await client.SubmitFormAsync(accessPage, (AngleSharp.Html.Dom.IHtmlFormElement)accessPage.QuerySelector("#family-access form")!);

        Assert.DoesNotContain("Iris", (await parent.GetPageAsync("/your-requests")).MainText());
        Assert.Equal(HttpStatusCode.NotFound, (await parent.GetAsync($"/your-requests/{submitted.Id}")).StatusCode);
    }

    [Fact]
    public async Task ALinkedSetting_SeesTheCaseReadOnly()
    {
        var submitted = await ReceiveAsync(new DateOnly(2026, 6, 1), "Juno");
        var client = app.Client();
        await app.SignInAsync(client);
        var form = await client.GetPageAsync($"/cases/{submitted.Id}/settings");
        await client.SubmitAsync(form, ("OrganisationId", app.Organisations["999001"].Id.ToString()), ("Relationship", "CurrentSetting"));
        var senco = app.Client();
        await app.SignInAsync(senco, AppFixture.Senco, Role.Senco);

        var page = await senco.GetPageAsync($"/cases/{submitted.Id}");
        var step = await senco.GetAsync($"/cases/{submitted.Id}/assessment-decision");

        Assert.Equal("Juno Example", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("#read-only"));
        Assert.Null(page.QuerySelector("#next-steps"));
        Assert.DoesNotContain("pat@example.com", page.MainText());
        Assert.Equal(HttpStatusCode.Forbidden, step.StatusCode);
        Assert.Contains("You cannot see this page", await step.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheSendManager_SearchesTheAuditLogByReference_AndDownloadsTheChildsRecord()
    {
        var submitted = await ReceiveAsync(new DateOnly(2026, 6, 1), "Kit");
        var caseworker = app.Client();
        await app.SignInAsync(caseworker);
        await caseworker.GetAsync($"/cases/{submitted.Id}");
        var manager = app.Client();
        await app.SignInAsync(manager, AppFixture.Manager);

        var audit = await manager.GetPageAsync($"/audit?Reference={submitted.Reference}");
        var export = await manager.GetAsync($"/cases/{submitted.Id}/subject-access-export");

        var rows = audit.QuerySelectorAll("#audit tbody tr").Select(r => r.TextContent).ToList();
        Assert.True(rows.Count > 0, audit.MainText());
        Assert.Contains(rows, r => r.Contains("Sam Carter", StringComparison.Ordinal) && r.Contains("Looked at the case", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("Recorded the request", StringComparison.Ordinal));
        Assert.Equal("application/zip", export.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"subject-access-{submitted.Reference}.zip", export.Content.Headers.ContentDisposition?.ToString());
        Assert.Equal(HttpStatusCode.Forbidden, (await caseworker.GetAsync("/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await caseworker.GetAsync($"/cases/{submitted.Id}/subject-access-export")).StatusCode);
    }

    [Fact]
    public async Task AStepPage_ForAStepNotAllowedNow_GoesBackToTheCase()
    {
        var submitted = await ReceiveAsync(new DateOnly(2026, 6, 1), "Gil");
        var client = app.Client(followRedirects: false);
        await app.SignInAsync(client);

        var response = await client.GetAsync($"/cases/{submitted.Id}/final-plan-issued");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/cases/{submitted.Id}", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task ChildDetailsFilledInBeforeSomeoneElseSavedTheirs_AreRefused_AndTheirsAreKept()
    {
        var submitted = await ReceiveAsync(new DateOnly(2026, 6, 1), "Oriel");
        var client = app.Client();
        await app.SignInAsync(client);
        var form = await client.GetPageAsync($"/cases/{submitted.Id}/child-details");
        // A colleague saves the postcode while this form is open.
        await app.WithServices(async sp =>
        {
            await sp.GetRequiredService<AssessmentCases>().RecordChildDetailsAsync(Staff999, submitted.Id,
                new OpenSend.Domain.Returns.ChildDetails(OpenSend.Domain.Returns.Sex.Female, null, "DM1 2XY", null, null, null));
            return true;
        });

        var refused = await Html.ParseAsync(await client.SubmitAsync(form, ("Sex", "Male"), ("Postcode", "DM9 9ZZ")));

        Assert.Contains(refused.ErrorSummary(), e => e.Text.StartsWith("Someone else changed this case at the same time", StringComparison.Ordinal));
        var kept = await app.WithServices(sp => sp.GetRequiredService<AssessmentQueries>().GetCaseAsync(Staff999, submitted.Id));
        Assert.Equal(("DM1 2XY", OpenSend.Domain.Returns.Sex.Female), (kept.Assessment.ChildDetails.Postcode, kept.Assessment.ChildDetails.Sex));
    }

    [Fact]
    public async Task ACaseInAnotherCouncil_IsNotFound_AndTheChildsNameIsNotShown()
    {
        var submitted = await ReceiveAsync(new DateOnly(2026, 6, 1), "Quillon");
        var client = app.Client();
        await app.SignInAsync(client, AppFixture.NorthshireCaseworker);

        var response = await client.GetAsync($"/cases/{submitted.Id}");
        var step = await client.GetAsync($"/cases/{submitted.Id}/assessment-decision");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, step.StatusCode);
        Assert.DoesNotContain("Quillon", await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain("Quillon", await step.Content.ReadAsStringAsync());
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheTimelineCalculator_ShowsEveryDateWithItsRegulation()
    {
        var page = await app.Client().GetPageAsync("/timeline-calculator?ReceivedOn.Day=5&ReceivedOn.Month=1&ReceivedOn.Year=2026");

        var text = page.MainText();
        Assert.Contains("Monday 16 February 2026", text);
        Assert.Contains("Monday 27 April 2026", text);
        Assert.Contains("Monday 25 May 2026", text);
        Assert.Contains("SEND Regulations 2014 reg 13(2)", text);
        Assert.Contains("10 May 2026", text); // latest day to serve the draft and still give 15 days
    }

    [Fact]
    public async Task TheTimelineCalculator_WithAMissingMonth_LinksTheErrorToTheMonthBox()
    {
        var page = await app.Client().GetPageAsync("/timeline-calculator?ReceivedOn.Day=5&ReceivedOn.Month=&ReceivedOn.Year=2026");

        Assert.Equal([("The date the request was received must include a month", "#ReceivedOn-month")], page.ErrorSummary());
    }

    private Task<SubmittedRequest> ReceiveAsync(DateOnly receivedOn, string givenName) =>
        app.WithServices(sp => sp.GetRequiredService<AssessmentCases>().ReceiveAsync(Staff999,
            new AssessmentRequestSubmission("999", RequesterKind.Parent, "Pat Example", "pat@example.com", null, null, givenName, "Example",
                new DateOnly(2018, 3, 14), "Needs not met at SEN support.", true),
            receivedOn));
}

public sealed class CasePageTests_Sqlite(SqliteApp app) : CasePageTests<SqliteApp>(app);

public sealed class CasePageTests_PostgreSql(PostgreSqlApp app) : CasePageTests<PostgreSqlApp>(app);
