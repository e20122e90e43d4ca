using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OpenSend.Data.Access;
using OpenSend.Domain.Identity;
using OpenSend.Domain.Plans;
using OpenSend.Testing;

namespace OpenSend.Web.Tests;

/// <summary>
/// Issue 22: the family and the setting say whether each piece of provision in the plan in force is
/// happening; the council sees what is missing on the case and across its caseload and answers; the
/// family reads the answer. Nobody else reports, and nobody sees another child's.
/// </summary>
public abstract class ProvisionDeliveryPageTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : AppFixture
{
    private async Task<(Guid Case, Guid Provision)> PlanInForceAsync(string givenName, string parentEmail)
    {
        var id = await app.Cases.FinalPlanAsync(CaseBuilder.ReadingPlan(Guid.NewGuid(), Guid.NewGuid()), new NamedSetting("Oakfield Primary School", "999001", null, null),
            currentSetting: app.Organisations["999001"].Id, givenName: givenName);
        var provision = await app.WithServices(async sp =>
        {
            await sp.GetRequiredService<CaseLinks>().LinkFamilyAsync(app.Staff999, id, parentEmail, Role.Parent);
            return (await sp.GetRequiredService<OpenSend.Data.Plans.PlanQueries>().GetAsync(app.Staff999, id)).Plan!.LatestFinal!.Content.Provision.Single().Id;
        });
        return (id, provision);
    }

    [Fact]
    public async Task TheFamily_ReportsSupportMissing_TheCouncilSeesIt_AndAnswers_AndTheFamilyReadsTheAnswer()
    {
        var (id, provision) = await PlanInForceAsync("Rhian", "rhian.parent@example.com");
        var parent = app.Client();
        await app.SignInAsFamilyAsync(parent, "rhian.parent@example.com");

        var plan = await parent.GetPageAsync($"/your-requests/{id}/plan");
        Assert.Equal($"/your-requests/{id}/plan/delivery", plan.QuerySelector("#delivery-link a, a#delivery-link")!.GetAttribute("href"));
        var list = await parent.GetPageAsync($"/your-requests/{id}/plan/delivery");
        Assert.Contains("Nobody has said yet.", list.QuerySelector($"#provision-{provision}")!.TextContent);

        var form = await parent.GetPageAsync($"/your-requests/{id}/plan/delivery/{provision}");
        Assert.Equal("Is \"Phonics programme\" happening?", form.QuerySelector("h1")!.TextContent.Trim());
        var unanswered = await Html.ParseAsync(await parent.SubmitAsync(form));
        Assert.Equal([("Select whether this support is happening", "#State")], unanswered.ErrorSummary());
        var noNote = await Html.ParseAsync(await parent.SubmitAsync(form, ("State", nameof(DeliveryState.PartlyDelivered))));
        Assert.Equal([("Say which part is not happening, and since when", "#Note")], noNote.ErrorSummary());
        var sent = await Html.ParseAsync(await parent.SubmitAsync(form, ("State", nameof(DeliveryState.PartlyDelivered)), ("Note", "Only 2 sessions a week since half term.")));
        Assert.Contains("You said \"Phonics programme\" is partly delivered", sent.QuerySelector(".govuk-notification-banner")!.TextContent);
        var card = sent.QuerySelector($"#provision-{provision}")!.TextContent;
        Assert.Contains("You said", card);
        Assert.Contains("Partly delivered", card);
        Assert.Contains("Only 2 sessions a week since half term.", card);
        Assert.Contains("Not answered yet", card);

        var caseworker = app.Client();
        await app.SignInAsync(caseworker);
        var caseload = await caseworker.GetPageAsync("/provision-delivery");
        var row = caseload.QuerySelectorAll("#undelivered tbody tr").Single(r => r.TextContent.Contains("Rhian"));
        Assert.Contains("Partly delivered", row.TextContent);
        Assert.Contains("Not answered", row.TextContent);
        var onCase = await caseworker.GetPageAsync($"/cases/{id}/plan/delivery");
        Assert.Contains("1 report of missing provision is waiting", onCase.QuerySelector("#awaiting-answer")!.TextContent);
        Assert.Null(onCase.QuerySelector($"#provision-{provision} .govuk-summary-card__actions"));
        var answerLink = onCase.QuerySelector($"#provision-{provision} a[href*='/answer']")!.GetAttribute("href")!;

        var answerForm = await caseworker.GetPageAsync(answerLink);
        var blank = await Html.ParseAsync(await caseworker.SubmitAsync(answerForm, ("Answer", " ")));
        Assert.Equal([("Say what the council is doing about it", "#Answer")], blank.ErrorSummary());
        var answered = await Html.ParseAsync(await caseworker.SubmitAsync(answerForm, ("Answer", "We have asked the school to restore all 4 sessions from Monday 22 June.")));
        Assert.Contains("Your answer to Parent or carer about \"Phonics programme\" has been recorded", answered.QuerySelector(".govuk-notification-banner")!.TextContent);
        var again = await Html.ParseAsync(await caseworker.SubmitAsync(answerForm, ("Answer", "A second answer.")));
        Assert.Contains("already answered this report", Assert.Single(again.ErrorSummary()).Text);

        var read = await parent.GetPageAsync($"/your-requests/{id}/plan/delivery");
        Assert.Contains("We have asked the school to restore all 4 sessions from Monday 22 June.", read.QuerySelector($"#provision-{provision}")!.TextContent);
        Assert.Contains("Sam Carter", read.QuerySelector($"#provision-{provision}")!.TextContent);
        Assert.Contains("Answered", (await caseworker.GetPageAsync("/provision-delivery")).QuerySelectorAll("#undelivered tbody tr").Single(r => r.TextContent.Contains("Rhian")).TextContent);
    }

    [Fact]
    public async Task TheSetting_ReportsOnItsOwnPupil_AndTheFamilySeesWhatItSaid()
    {
        var (id, provision) = await PlanInForceAsync("Sion", "sion.parent@example.com");
        var senco = app.Client();
        await app.SignInAsync(senco, AppFixture.Senco, Role.Senco);
        var form = await senco.GetPageAsync($"/cases/{id}/plan/delivery/{provision}");
        var sent = await Html.ParseAsync(await senco.SubmitAsync(form, ("State", nameof(DeliveryState.NotDelivered)), ("Note", "Our specialist teacher left in May; cover starts in September.")));
        Assert.Contains("is not delivered", sent.QuerySelector(".govuk-notification-banner")!.TextContent);
        Assert.Contains("Sion", (await senco.GetPageAsync("/provision-delivery")).QuerySelector("#undelivered")!.TextContent);

        var parent = app.Client();
        await app.SignInAsFamilyAsync(parent, "sion.parent@example.com");
        var card = (await parent.GetPageAsync($"/your-requests/{id}/plan/delivery")).QuerySelector($"#provision-{provision}")!.TextContent;
        Assert.Contains("Oakfield Primary School said", card);
        Assert.Contains("Our specialist teacher left in May", card);

        // When the family then says it is happening, their own latest word replaces their earlier one; the setting's stands.
        var ok = await Html.ParseAsync(await parent.SubmitAsync(await parent.GetPageAsync($"/your-requests/{id}/plan/delivery/{provision}"), ("State", nameof(DeliveryState.BeingDelivered))));
        Assert.Contains("is being delivered", ok.QuerySelector(".govuk-notification-banner")!.TextContent);
        Assert.Contains("Not delivered", ok.QuerySelector($"#provision-{provision}")!.TextContent);
    }

    [Fact]
    public async Task NobodyElse_Reports_OrSeesAnotherChildsProvision()
    {
        var (id, provision) = await PlanInForceAsync("Tegan", "tegan.parent@example.com");
        var stranger = app.Client();
        await app.SignInAsFamilyAsync(stranger, "not.tegan.parent@example.com");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/your-requests/{id}/plan/delivery")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/your-requests/{id}/plan/delivery/{provision}")).StatusCode);

        // The council answers; it does not report to itself.
        var caseworker = app.Client(followRedirects: false);
        await app.SignInAsync(caseworker);
        var report = await caseworker.GetAsync($"/cases/{id}/plan/delivery/{provision}");
        Assert.Contains("/error/403", report.Headers.Location?.OriginalString);

        // Another council's caseworker cannot see the case at all.
        var northshire = app.Client();
        await app.SignInAsync(northshire, AppFixture.NorthshireCaseworker);
        Assert.Equal(HttpStatusCode.NotFound, (await northshire.GetAsync($"/cases/{id}/plan/delivery")).StatusCode);
        Assert.DoesNotContain("Tegan", (await northshire.GetPageAsync("/provision-delivery")).Body!.TextContent);

        // Provision not in the plan in force is not reported on: back to what is.
        var parent = app.Client(followRedirects: false);
        await app.SignInAsFamilyAsync(parent, "tegan.parent@example.com");
        var gone = await parent.GetAsync($"/your-requests/{id}/plan/delivery/{Guid.NewGuid()}");
        Assert.Equal($"/your-requests/{id}/plan/delivery", gone.Headers.Location?.OriginalString);
    }
}

public sealed class ProvisionDeliveryPageTests_Sqlite(SqliteApp app) : ProvisionDeliveryPageTests<SqliteApp>(app);

public sealed class ProvisionDeliveryPageTests_PostgreSql(PostgreSqlApp app) : ProvisionDeliveryPageTests<PostgreSqlApp>(app);
