using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OpenSend.Data.Access;
using OpenSend.Data.Assessments;
using OpenSend.Domain.Identity;
using OpenSend.Domain.Plans;
using OpenSend.Testing;

namespace OpenSend.Web.Tests;

/// <summary>
/// Issue 23: the family records their mediation and appeal on their own page; the council records the
/// appeal's course and the tribunal's order, which reopens the case with its clocks; a mediator records
/// the mediation referred to their service; the public calculator gives the same dates as the API.
/// </summary>
public abstract class RedressPageTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : AppFixture
{
    private static readonly DateOnly RefusedOn = new(2026, 3, 2);

    private async Task<Guid> RefusedAsync(string givenName, string parentEmail)
    {
        var id = await app.Cases.ReceivedAsync(givenName);
        await app.WithServices(async sp =>
        {
            await sp.GetRequiredService<AssessmentCases>().DecideNotToAssessAsync(app.Staff999, id, RefusedOn, "Needs can be met at SEN support.");
            await sp.GetRequiredService<CaseLinks>().LinkFamilyAsync(app.Staff999, id, parentEmail, Role.Parent);
            return true;
        });
        return id;
    }

    [Fact]
    public async Task TheFamilyRecordsMediationAndAnAppeal_TheCouncilRecordsTheOrder_AndBothSeeItsClocks()
    {
        var id = await RefusedAsync("Orla", "orla.parent@example.com");
        var parent = app.Client();
        await app.SignInAsFamilyAsync(parent, "orla.parent@example.com");

        var request = await parent.GetPageAsync($"/your-requests/{id}");
        Assert.Equal($"/your-requests/{id}/redress", request.QuerySelector("#redress-link")!.GetAttribute("href"));
        var page = await parent.GetPageAsync($"/your-requests/{id}/redress");
        Assert.Contains("5 May 2026", page.QuerySelector("#decisions")!.TextContent); // 2 May is a Saturday, 4 May a bank holiday
        var blank = await Html.ParseAsync(await parent.SubmitAsync(page, [], "#start-form"));
        Assert.Equal(2, blank.ErrorSummary().Count);
        Assert.Equal(("Select the decision", "#MediationDecision"), blank.ErrorSummary()[0]);
        var started = await Html.ParseAsync(await parent.SubmitAsync(page, [new("MediationDecision", $"NotToAssess:{RefusedOn:yyyy-MM-dd}"), .. Pairs(Html.Date("InformationOn", new DateOnly(2026, 3, 20)))], "#start-form"));
        Assert.Contains("within 3 working days", started.QuerySelector(".govuk-notification-banner")!.TextContent);
        var declined = await Html.ParseAsync(await parent.SubmitAsync(started, Pairs(Html.Date("DeclinedOn", new DateOnly(2026, 3, 20))), "#decline-form"));
        var certified = await Html.ParseAsync(await parent.SubmitAsync(declined, Pairs(Html.Date("CertificateOn", new DateOnly(2026, 3, 24))), "#certificate-form"));
        Assert.Contains("Certificate issued", certified.MainText());
        var appealed = await Html.ParseAsync(await parent.SubmitAsync(certified,
            [new("AppealDecision", $"NotToAssess:{RefusedOn:yyyy-MM-dd}"), .. Pairs(Html.Date("RegisteredOn", new DateOnly(2026, 4, 10))), new("TribunalReference", "EH999/26/00031")], "#appeal-form"));
        Assert.Contains("Registered: council's response awaited", appealed.MainText());
        Assert.NotNull(appealed.QuerySelector("#withdraw-form"));

        var caseworker = app.Client();
        await app.SignInAsync(caseworker);
        var casePage = await caseworker.GetPageAsync($"/cases/{id}");
        var redress = await caseworker.GetPageAsync(casePage.QuerySelector("#redress-link")!.GetAttribute("href")!);
        var appeal = await caseworker.GetPageAsync(redress.QuerySelector("[id^=appeal-] .govuk-summary-card__action a")!.GetAttribute("href")!);
        var sent = await Html.ParseAsync(await caseworker.SubmitAsync(appeal, Pairs(Html.Date("SentOn", new DateOnly(2026, 4, 14))), "form[action*='handler=Sent']"));
        Assert.Contains("28 May 2026", sent.MainText()); // 30 working days, leaving out the bank holidays of 4 and 25 May
        var responded = await Html.ParseAsync(await caseworker.SubmitAsync(sent, Pairs(Html.Date("ResponseOn", new DateOnly(2026, 5, 20))), "form[action*='handler=Response']"));
        var wrong = await Html.ParseAsync(await caseworker.SubmitAsync(responded, [.. Pairs(Html.Date("DecidedOn", new DateOnly(2026, 6, 10))), new("Orders", "make-plan")], "#decision-form"));
        Assert.Single(wrong.ErrorSummary());
        var decided = await Html.ParseAsync(await caseworker.SubmitAsync(responded, [.. Pairs(Html.Date("DecidedOn", new DateOnly(2026, 6, 10))), new("Orders", "assess")], "#decision-form"));
        Assert.Contains("Its orders' time limits are on the case", decided.QuerySelector(".govuk-notification-banner")!.TextContent);

        var withOrder = await caseworker.GetPageAsync($"/cases/{id}/redress");
        Assert.Contains("24 June 2026", withOrder.QuerySelector("#order-clocks")!.TextContent);
        var notified = await Html.ParseAsync(await caseworker.SubmitAsync(withOrder, Pairs(Html.Date("NotifiedOn", new DateOnly(2026, 6, 12))), "form[action*='handler=Notify']"));
        Assert.Contains("the family was told", notified.QuerySelector(".govuk-notification-banner")!.TextContent);
        Assert.Contains("Assessing", (await caseworker.GetPageAsync($"/cases/{id}")).MainText());

        var familySees = await parent.GetPageAsync($"/your-requests/{id}/redress");
        Assert.Contains("The tribunal ordered the council to carry out an EHC needs assessment", familySees.QuerySelector("main")!.TextContent);
        Assert.Contains("19 August 2026", familySees.QuerySelector("#order-clocks")!.TextContent); // 10 weeks from 10 June
    }

    [Fact]
    public async Task TheMediatorOfTheServiceArranged_RecordsTheMediation_AndNobodyElseSeesIt()
    {
        var id = await RefusedAsync("Pia", "pia.parent@example.com");
        var caseworker = app.Client();
        await app.SignInAsync(caseworker);
        var start = await caseworker.GetPageAsync($"/cases/{id}/redress/mediation/start");
        var started = await Html.ParseAsync(await caseworker.SubmitAsync(start, [new("Decision", $"NotToAssess:{RefusedOn:yyyy-MM-dd}"), .. Pairs(Html.Date("InformationOn", new DateOnly(2026, 5, 1)))]));
        var mediation = await caseworker.GetPageAsync(started.QuerySelector("[id^=mediation-] .govuk-summary-card__action a")!.GetAttribute("href")!);
        var arranged = await Html.ParseAsync(await caseworker.SubmitAsync(mediation,
            [.. Pairs(Html.Date("ToldOn", new DateOnly(2026, 5, 5))), new("Issues", "Whether an assessment is needed."), new("MediationService", app.Organisations["MED-999"].Id.ToString())],
            "#arrange-form"));
        Assert.Contains("4 June 2026", arranged.MainText()); // 30 days from 5 May
        Assert.NotNull(arranged.QuerySelector("#meeting-form")); // the council may record it too
        var redress = await caseworker.GetPageAsync($"/cases/{id}/redress");
        var noSetting = await Html.ParseAsync(await caseworker.SubmitAsync(redress, [new("During", "TemporaryPlacement"), .. Pairs(Html.Date("DuringSince", new DateOnly(2026, 5, 6)))], "#during-form"));
        Assert.Equal(("Enter where the child is placed for now", "#DuringSetting"), Assert.Single(noSetting.ErrorSummary()));
        var placed = await Html.ParseAsync(await caseworker.SubmitAsync(redress,
            [new("During", "TemporaryPlacement"), new("DuringSetting", "Brookside Primary School"), .. Pairs(Html.Date("DuringSince", new DateOnly(2026, 5, 6)))], "#during-form"));
        Assert.Contains("In a temporary placement pending mediation or appeal (Brookside Primary School), since 6 May 2026", placed.QuerySelector("#during-disagreement")!.TextContent);

        var mediator = app.Client();
        await app.SignInAsync(mediator, "dana.hughes@mediation.example");
        var list = await mediator.GetPageAsync("/mediation");
        var row = list.QuerySelectorAll("#mediations tbody tr").Single(r => r.TextContent.Contains("Pia"));
        var hers = await mediator.GetPageAsync(row.QuerySelector("a")!.GetAttribute("href")!);
        Assert.Null(hers.QuerySelector("#arrange-form"));
        var held = await Html.ParseAsync(await mediator.SubmitAsync(hers,
            [.. Pairs(Html.Date("HeldOn", new DateOnly(2026, 5, 29))), new("Outcome", "PartialAgreement"), new("Agreement", "The ICB will see her for a sensory assessment."), new("CouldNotOrder", "true")],
            "#meeting-form"));
        Assert.Contains("3 June 2026", held.MainText()); // certificate: 3 working days from Friday 29 May
        var certified = await Html.ParseAsync(await mediator.SubmitAsync(held, Pairs(Html.Date("CertificateOn", new DateOnly(2026, 6, 1))), "#certificate-form"));
        Assert.Contains("Certificate issued", certified.MainText());
        Assert.Equal(HttpStatusCode.NotFound, (await mediator.GetAsync($"/cases/{(await app.Cases.ReceivedAsync("Quill"))}/redress")).StatusCode);

        var stranger = app.Client();
        await app.SignInAsFamilyAsync(stranger, "not.pia.parent@example.com");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/your-requests/{id}/redress")).StatusCode);
    }

    [Fact]
    public async Task TheCouncilRecordsARequestForReassessment_AndARefusal_WhichTheFamilyCanAppeal()
    {
        var id = await app.Cases.FinalPlanAsync(CaseBuilder.ReadingPlan(Guid.NewGuid(), Guid.NewGuid()), new NamedSetting("Oakfield Primary School", "999001", null, null),
            currentSetting: app.Organisations["999001"].Id, givenName: "Rhea");
        await app.WithServices(async sp =>
        {
            await sp.GetRequiredService<CaseLinks>().LinkFamilyAsync(app.Staff999, id, "rhea.parent@example.com", Role.Parent);
            return true;
        });
        var caseworker = app.Client();
        await app.SignInAsync(caseworker);

        var request = await caseworker.GetPageAsync($"/cases/{id}/reassessment");
        var nobody = await Html.ParseAsync(await caseworker.SubmitAsync(request, Html.Date("On", new DateOnly(2026, 6, 5))));
        Assert.Equal(("Select who asked for the re-assessment", "#RequestedBy"), Assert.Single(nobody.ErrorSummary()));
        var asked = await Html.ParseAsync(await caseworker.SubmitAsync(request, [("RequestedBy", "Parent or carer"), .. Html.Date("On", new DateOnly(2026, 6, 5))]));
        Assert.Contains("by 20 June 2026", asked.QuerySelector(".govuk-notification-banner")!.TextContent);
        var decide = await caseworker.GetPageAsync($"/cases/{id}/reassessment");
        var noReasons = await Html.ParseAsync(await caseworker.SubmitAsync(decide, [("Reassess", "false"), .. Html.Date("On", new DateOnly(2026, 6, 10))]));
        Assert.Equal("#Reasons", Assert.Single(noReasons.ErrorSummary()).Href);
        await caseworker.SubmitAsync(decide, [("Reassess", "false"), ("Reasons", "The plan was made 9 days ago and her needs have not changed."), .. Html.Date("On", new DateOnly(2026, 6, 10))]);

        var parent = app.Client();
        await app.SignInAsFamilyAsync(parent, "rhea.parent@example.com");
        var decisions = (await parent.GetPageAsync($"/your-requests/{id}/redress")).QuerySelector("#decisions")!.TextContent;
        Assert.Contains("The decision not to carry out a re-assessment", decisions);
        Assert.Contains("1 September 2026", decisions); // 10 August, moved out of August
    }

    [Fact]
    public async Task TheFamilyComplains_TheCouncilAnswersFromItsBoard_AndTheFamilyTakesItToStage2()
    {
        var id = await RefusedAsync("Sol", "sol.parent@example.com");
        var parent = app.Client();
        await app.SignInAsFamilyAsync(parent, "sol.parent@example.com");
        var page = await parent.GetPageAsync($"/your-requests/{id}/redress");
        Assert.Contains("within 10 working days", page.QuerySelector("#complaint-form")!.TextContent);
        var empty = await Html.ParseAsync(await parent.SubmitAsync(page, [], "#complaint-form"));
        Assert.Equal(("Say what your complaint is about", "#ComplaintSummary"), Assert.Single(empty.ErrorSummary()));
        var made = await Html.ParseAsync(await parent.SubmitAsync(page,
            [new("ComplaintSummary", "Nobody answered my emails for six weeks."), new("ComplaintAlso", "health")], "#complaint-form"));
        Assert.Contains("29 June 2026", made.MainText()); // 10 working days from Monday 15 June
        Assert.Contains("NHS complaints procedure", made.MainText());

        var caseworker = app.Client();
        await app.SignInAsync(caseworker);
        var board = await caseworker.GetPageAsync("/mediation-and-appeals");
        var row = board.QuerySelectorAll("#complaints tbody tr").Single(r => r.TextContent.Contains("Sol"));
        var complaint = await caseworker.GetPageAsync(row.QuerySelector("a")!.GetAttribute("href")!);
        var answered = await Html.ParseAsync(await caseworker.SubmitAsync(complaint, ("AnswerText", "We are sorry: your caseworker will now call you every week.")));
        Assert.Contains("Stage 1 answered", answered.MainText());

        var read = await parent.GetPageAsync($"/your-requests/{id}/redress");
        Assert.Contains("your caseworker will now call you every week", read.MainText());
        var escalated = await Html.ParseAsync(await parent.SubmitAsync(read, [], "#escalate-form"));
        Assert.Contains("13 July 2026", escalated.MainText()); // 20 working days from Monday 15 June
    }

    [Fact]
    public async Task TheCalculator_GivesTheAppealAndOrderDates_AsTheApiDoes()
    {
        var client = app.Client();
        var appeal = await client.GetPageAsync("/timeline-calculator/redress?What=appeal&On.Day=25&On.Month=10&On.Year=2026");
        Assert.Contains("Monday 4 January 2027", appeal.QuerySelector("#results ~ table")!.TextContent);
        var order = await client.GetPageAsync("/timeline-calculator/redress?What=order%3Amake-plan&On.Day=20&On.Month=1&On.Year=2028");
        var text = order.QuerySelector("#results ~ table")!.TextContent;
        Assert.Contains("24 February 2028", text);
        Assert.Contains("6 April 2028", text);
        var missing = await client.GetPageAsync("/timeline-calculator/redress?On.Day=20&On.Month=1&On.Year=2028");
        Assert.Equal("Select what happened", missing.ErrorSummary().Single().Text);
    }

    private static KeyValuePair<string, string>[] Pairs((string Name, string Value)[] fields) => [.. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))];
}

public sealed class RedressPageTests_Sqlite(SqliteApp app) : RedressPageTests<SqliteApp>(app);

public sealed class RedressPageTests_PostgreSql(PostgreSqlApp app) : RedressPageTests<PostgreSqlApp>(app);
