using Microsoft.Extensions.DependencyInjection;
using OpenSend.Data.Assessments;
using OpenSend.Data.Audit;
using OpenSend.Data.Plans;
using OpenSend.Domain.Assessments;
using OpenSend.Testing;

namespace OpenSend.Web.Tests;

/// <summary>An adviser giving advice on the pages, and the caseworker drawing the plan from it.</summary>
public abstract class AdvicePageTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : AppFixture
{
    private const string Doctor = "omar.reyes@demoshire-icb.example";

    private RequestContext Staff999 => app.Staff999;

    /// <summary>Received 2 February 2026, assessed 2 March, health advice asked of the ICB on 2 June (due 14 July).</summary>
    private async Task<(Guid CaseId, Guid AdviceId)> HealthAdviceAskedAsync(string givenName)
    {
        var id = await app.Cases.ReceivedAsync(givenName);
        var advice = await app.WithServices(async sp =>
        {
            var cases = sp.GetRequiredService<AssessmentCases>();
            await cases.DecideToAssessAsync(Staff999, id, CaseBuilder.DecidedToAssessOn, "Evidence of needs.");
            return await cases.RequestAdviceAsync(Staff999, id, AdviserKind.Health, "Demoshire Community Paediatrics", new DateOnly(2026, 6, 2), app.Organisations["ICB-999"].Id);
        });
        return (id, advice.Id);
    }

    [Fact]
    public async Task TheAdviser_WritesAndSendsAdvice_AndTheCaseworkerTakesItIntoThePlan()
    {
        var (caseId, adviceId) = await HealthAdviceAskedAsync("Ines");
        var doctor = app.Client();
        await app.SignInAsync(doctor, Doctor);

        var list = await doctor.GetPageAsync("/advice");
        var row = list.QuerySelectorAll("#advice-due tr").Single(r => r.TextContent.Contains("Ines Example", StringComparison.Ordinal));
        Assert.Contains("14 July 2026", row.TextContent);

        var empty = await Html.ParseAsync(await doctor.SubmitAsync(await doctor.GetPageAsync($"/advice/{adviceId}/send")));
        Assert.Equal([("Write a summary of your advice before you send it.", "#Send")], empty.ErrorSummary());

        await doctor.SubmitAsync(await doctor.GetPageAsync($"/advice/{adviceId}"), [new("Summary", "Ines has asthma and finds noisy rooms hard.")], "form:not([action])");
        var provision = await Html.ParseAsync(await doctor.SubmitAsync(await doctor.GetPageAsync($"/advice/{adviceId}/provision"),
            ("Section", "G"), ("Description", "Asthma care plan reviewed by the school nurse"), ("DeliveredBy", "School nurse"), ("Frequency", "Once a term"), ("Duration", "For the school year"), ("FundedBy", "Health")));
        Assert.Equal("Provision added to your advice", provision.QuerySelector(".govuk-notification-banner__heading")!.TextContent.Trim());

        var sent = await Html.ParseAsync(await doctor.SubmitAsync(await doctor.GetPageAsync($"/advice/{adviceId}/send")));
        Assert.Equal("Advice sent", sent.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("15 June 2026", sent.MainText());
        var after = await doctor.GetPageAsync($"/advice/{adviceId}/provision", System.Net.HttpStatusCode.OK);
        Assert.DoesNotContain("Add provision", after.QuerySelector("h1")!.TextContent);

        await app.WithServices(async sp =>
        {
            await sp.GetRequiredService<AssessmentCases>().DecideToIssueAsync(Staff999, caseId, new DateOnly(2026, 6, 15), "Needs cannot be met at SEN support.");
            return await sp.GetRequiredService<PlanDrafting>().StartAsync(Staff999, caseId);
        });
        var caseworker = app.Client();
        await app.SignInAsync(caseworker);
        var plan = await caseworker.GetPageAsync($"/cases/{caseId}/plan");
        Assert.Contains("Asthma care plan reviewed by the school nurse", plan.QuerySelector("#advice-sent + p + details")!.TextContent);

        var taken = await Html.ParseAsync(await caseworker.SubmitAsync(plan, [], "form[action*=TakeAdvice]"));

        var section = taken.QuerySelector("#section-G")!.TextContent;
        Assert.Contains("Asthma care plan reviewed by the school nurse", section);
        Assert.Contains("Health (medical) advice from Demoshire Community Paediatrics, received 15 June 2026", section);
        var again = await Html.ParseAsync(await caseworker.SubmitAsync(taken, [], "form[action*=TakeAdvice]"));
        Assert.Equal([("That provision from this advice is already in the plan.", "#advice-sent")], again.ErrorSummary());
    }
}

public sealed class AdvicePageTests_Sqlite(SqliteApp app) : AdvicePageTests<SqliteApp>(app);

public sealed class AdvicePageTests_PostgreSql(PostgreSqlApp app) : AdvicePageTests<PostgreSqlApp>(app);
