using Microsoft.Extensions.DependencyInjection;
using OpenSend.Data.Access;
using OpenSend.Data.Audit;
using OpenSend.Domain.Identity;
using OpenSend.Domain.Plans;
using OpenSend.Testing;

namespace OpenSend.Web.Tests;

/// <summary>A SENCO runs a review on its pages and the caseworker decides.</summary>
public abstract class ReviewPageTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : AppFixture
{
    private RequestContext Staff999 => app.Staff999;

    /// <summary>A child at Oakfield Primary with a final plan issued on 1 June 2026 (one outcome).</summary>
    private Task<Guid> FinalPlanAtOakfieldAsync(string givenName) =>
        app.Cases.FinalPlanAsync(CaseBuilder.ReadingPlan(Guid.NewGuid(), Guid.NewGuid()), new NamedSetting("Oakfield Primary School", "999001", null, null), app.Organisations["999001"].Id, givenName);

    [Fact]
    public async Task TheSenco_HoldsTheReviewAndReports_AndTheCaseworkerDecidesToAmend()
    {
        var id = await FinalPlanAtOakfieldAsync("Dov");
        var caseworker = app.Client();
        await app.SignInAsync(caseworker);
        var casePage = await caseworker.GetPageAsync($"/cases/{id}");
        var reviewLink = casePage.QuerySelector("#review-list a")!.GetAttribute("href")!;
        Assert.Contains("Review due by 31 May 2027", casePage.QuerySelector("#review-list")!.TextContent);

        var senco = app.Client();
        await app.SignInAsync(senco, AppFixture.Senco, Role.Senco);
        var review = await senco.GetPageAsync(reviewLink);
        Assert.Contains("Oakfield Primary School", review.QuerySelector("#review-summary")!.TextContent);
        Assert.Null(review.QuerySelector("a[href$=decision]"));

        var meeting = await senco.GetPageAsync($"{reviewLink}/meeting");
        var arranged = await Html.ParseAsync(await senco.SubmitAsync(meeting, [.. Html.Date("MeetingOn", new DateOnly(2026, 6, 12)), .. Html.Date("InvitationsSentOn", new DateOnly(2026, 6, 2))]));
        Assert.Equal("Review meeting arranged", arranged.QuerySelector(".govuk-notification-banner__heading")!.TextContent.Trim());
        Assert.Contains("29 May 2026", arranged.QuerySelector("#review-deadlines")!.TextContent);
        Assert.Contains(reviewLink, (await senco.GetPageAsync("/reviews")).QuerySelector("#reviews")!.InnerHtml);

        await senco.SubmitAsync(await senco.GetPageAsync($"{reviewLink}/held"), Html.Date("Date", new DateOnly(2026, 6, 12)));
        var reportForm = await senco.GetPageAsync($"{reviewLink}/report");
        var incomplete = await Html.ParseAsync(await senco.SubmitAsync(reportForm, [.. Html.Date("SentOn", new DateOnly(2026, 6, 15)), ("StepDown", "false"), ("Cease", "false")]));
        Assert.Contains(incomplete.ErrorSummary(), e => e.Text == "Select the progress towards 'Reads a short book aloud'" && e.Href == "#Progress_0_");
        Assert.Contains(incomplete.ErrorSummary(), e => e.Href == "#Evidence_0_");
        var reported = await Html.ParseAsync(await senco.SubmitAsync(reportForm,
        [
            .. Html.Date("SentOn", new DateOnly(2026, 6, 15)), ("ChildViews", "I like my reading group."), ("Progress[0]", "OnTrack"), ("Evidence[0]", "Reading age up 8 months."),
            ("ProvisionChange", "Add a weekly spelling group."), ("StepDown", "false"), ("StepDownReasons", "Needs still need more than SEN support."),
            ("Cease", "false"), ("CeaseReasons", "Outcomes not yet achieved."),
        ]));
        Assert.Equal("Review report sent to the council", reported.QuerySelector(".govuk-notification-banner__heading")!.TextContent.Trim());
        Assert.Contains("Reading age up 8 months.", reported.QuerySelector("#report-progress")!.TextContent);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await senco.GetAsync($"{reviewLink}/decision")).StatusCode);

        var decision = await caseworker.GetPageAsync($"{reviewLink}/decision");
        Assert.Contains("10 July 2026", decision.MainText());
        var decided = await Html.ParseAsync(await caseworker.SubmitAsync(decision, [.. Html.Date("DecidedOn", new DateOnly(2026, 6, 15)), ("Decision", "Amend"), ("Reasons", "Add the spelling group the review recommended.")]));
        Assert.Equal("Amending the plan", decided.QuerySelector("#review-stage")!.TextContent.Trim());
        Assert.NotNull(decided.QuerySelector("#amending a[href$=plan]"));
        var progress = (await caseworker.GetPageAsync($"/cases/{id}")).QuerySelector("#progress + h3 + ol")!.TextContent;
        Assert.Contains("On track", progress);
        Assert.Contains("at the review of 12 June 2026: Reading age up 8 months.", System.Text.RegularExpressions.Regex.Replace(progress, @"\s+", " "));
        var board = await caseworker.GetPageAsync("/reviews");
        Assert.Contains("Oakfield Primary School", board.QuerySelector("#review-counts")!.TextContent);
    }

    [Fact]
    public async Task TheFamilyAndTheSchool_GiveTheirViewsAndAdvice_WhichEveryoneReadsOnceCirculated()
    {
        var id = await FinalPlanAtOakfieldAsync("Eli");
        await app.WithServices(async sp =>
        {
            await sp.GetRequiredService<CaseLinks>().LinkFamilyAsync(Staff999, id, "eli.parent@example.com", Role.Parent);
            return true;
        });
        var senco = app.Client();
        await app.SignInAsync(senco, AppFixture.Senco, Role.Senco);
        var caseworker = app.Client();
        await app.SignInAsync(caseworker);
        var reviewLink = (await caseworker.GetPageAsync($"/cases/{id}")).QuerySelector("#review-list a")!.GetAttribute("href")!;
        await senco.SubmitAsync(await senco.GetPageAsync($"{reviewLink}/meeting"), [.. Html.Date("MeetingOn", new DateOnly(2026, 7, 1)), ("SendNow", "true")]);

        var parent = app.Client();
        await app.SignInAsFamilyAsync(parent, "eli.parent@example.com");
        var familyReview = await parent.GetPageAsync($"/your-requests/{id}/review");
        Assert.Contains("1 July 2026", familyReview.QuerySelector("#family-review")!.TextContent);
        Assert.Contains("17 June 2026", familyReview.QuerySelector("#give-views + p")!.TextContent);
        var blank = await Html.ParseAsync(await parent.SubmitAsync(familyReview, ("ChildViews", "I like trains."), ("FamilyViews", " ")));
        Assert.Equal("#FamilyViews", Assert.Single(blank.ErrorSummary()).Href);
        var given = await Html.ParseAsync(await parent.SubmitAsync(familyReview, ("ChildViews", "I like my reading group."), ("FamilyViews", "Reading is much better this year.")));
        Assert.Equal("Your views have been given for the review", given.QuerySelector(".govuk-notification-banner__heading")!.TextContent.Trim());
        Assert.Contains("I like my reading group.", given.QuerySelector("#review-papers + dl")!.TextContent);

        await senco.SubmitAsync(await senco.GetPageAsync($"{reviewLink}/advice"), ("Advice", "Reading age up 8 months; spelling is the next target."));
        Assert.DoesNotContain("spelling is the next target", (await parent.GetPageAsync($"/your-requests/{id}/review")).MainText());
        var report = await senco.GetPageAsync($"{reviewLink}/papers");
        var circulated = await Html.ParseAsync(await senco.SubmitAsync(report, ("SendNow", "true")));
        Assert.StartsWith("Advice and information circulated:", circulated.QuerySelector(".govuk-notification-banner__heading")!.TextContent.Trim());
        Assert.Contains("Oakfield Primary School", circulated.QuerySelector("#contributions + dl")!.TextContent);

        var papers = await parent.GetPageAsync($"/your-requests/{id}/review");
        Assert.Contains("spelling is the next target", papers.QuerySelector("#review-papers + dl")!.TextContent);
        Assert.Equal("Advice and views for the review", papers.QuerySelector("#review-papers")!.TextContent.Trim());
        var stranger = app.Client();
        await app.SignInAsFamilyAsync(stranger, "not.eli.parent@example.com");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await stranger.GetAsync($"/your-requests/{id}/review")).StatusCode);
    }

    [Fact]
    public async Task ACeasedPlan_StaysInForceUntilTheAppealWindowCloses_UnlessTheTribunalDismissedAnAppeal()
    {
        var id = await FinalPlanAtOakfieldAsync("Fen");
        var caseworker = app.Client();
        await app.SignInAsync(caseworker);
        var reviewLink = (await caseworker.GetPageAsync($"/cases/{id}")).QuerySelector("#review-list a")!.GetAttribute("href")!;
        await caseworker.SubmitAsync(await caseworker.GetPageAsync($"{reviewLink}/meeting"), [.. Html.Date("MeetingOn", new DateOnly(2026, 6, 12)), .. Html.Date("InvitationsSentOn", new DateOnly(2026, 6, 2))]);
        await caseworker.SubmitAsync(await caseworker.GetPageAsync($"{reviewLink}/held"), Html.Date("Date", new DateOnly(2026, 6, 12)));
        await caseworker.SubmitAsync(await caseworker.GetPageAsync($"{reviewLink}/decision"),
            [.. Html.Date("DecidedOn", new DateOnly(2026, 6, 15)), ("Decision", "Cease"), ("Reasons", "Outcomes achieved; needs met at SEN support."), ("CeaseReason", "NeedsMetWithoutPlan")]);

        var casePage = await caseworker.GetPageAsync($"/cases/{id}");
        Assert.Contains("1 September 2026", casePage.QuerySelector("#cease-pending")!.TextContent); // 15 August: the tribunal does not count August (HESC r.12(3))
        var ceaseLink = casePage.QuerySelector("a[href$='/cease-plan']")!.GetAttribute("href")!;
        var form = await caseworker.GetPageAsync(ceaseLink);
        Assert.Contains("2 September 2026", form.MainText());

        var early = await Html.ParseAsync(await caseworker.SubmitAsync(form, Html.Date("CeasedOn", new DateOnly(2026, 6, 15))));
        var error = Assert.Single(early.ErrorSummary());
        Assert.Equal("#CeasedOn-day", error.Href);
        Assert.Contains("1 September 2026", error.Text);
        Assert.Equal("Final plan issued", (await caseworker.GetPageAsync($"/cases/{id}")).QuerySelector("#stage")!.TextContent.Trim());

        var ceased = await Html.ParseAsync(await caseworker.SubmitAsync(form, [.. Html.Date("CeasedOn", new DateOnly(2026, 6, 15)), .. Html.Date("AppealDismissedOn", new DateOnly(2026, 6, 15))]));
        Assert.Equal("Plan recorded as ceased", ceased.QuerySelector(".govuk-notification-banner__heading")!.TextContent.Trim());
        Assert.Equal("Plan ceased", ceased.QuerySelector("#stage")!.TextContent.Trim());
        Assert.Contains("15 June 2026", ceased.QuerySelector("#plan-ceased")!.TextContent);
    }

    [Fact]
    public async Task ASendManager_SetsHowOftenUnderFivesPlansAreReviewed_WithinTheCodesRange()
    {
        var manager = app.Client();
        await app.SignInAsync(manager, AppFixture.Manager);
        var form = await manager.GetPageAsync("/reviews/settings");

        var refused = await Html.ParseAsync(await manager.SubmitAsync(form, ("Months", "9")));
        var saved = await Html.ParseAsync(await manager.SubmitAsync(form, ("Months", "3")));

        Assert.Equal("#Months", Assert.Single(refused.ErrorSummary()).Href);
        Assert.Equal("Plans of children under 5 will be reviewed every 3 months", saved.QuerySelector(".govuk-notification-banner__heading")!.TextContent.Trim());
        Assert.True(saved.QuerySelector("input[name=Months][value='3']")!.HasAttribute("checked"));
        var caseworker = app.Client();
        await app.SignInAsync(caseworker);
        Assert.NotEqual(System.Net.HttpStatusCode.OK, (await caseworker.GetAsync("/reviews/settings")).StatusCode);
        await app.WithServices(async sp =>
        {
            var db = sp.GetRequiredService<OpenSend.Data.Database.OpenSendDbContext>();
            var demoshire = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.LocalAuthorities, l => l.Code == "999");
            demoshire.SetUnderFivesReviewMonths(6);
            await db.SaveChangesAsync();
            return true;
        });
    }
}

public sealed class ReviewPageTests_Sqlite(SqliteApp app) : ReviewPageTests<SqliteApp>(app);

public sealed class ReviewPageTests_PostgreSql(PostgreSqlApp app) : ReviewPageTests<PostgreSqlApp>(app);
