using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenSend.Data.Database;

namespace OpenSend.Web.Tests;

/// <summary>Issue 24: the DfE decides on its page that an area runs the green paper's rules from a date; the decision is kept, shown and audited.</summary>
public abstract class RuleSetPageTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : AppFixture
{
    [Fact]
    public async Task TheDfeRecordsThatAnAreaRunsTheGreenPapersRules_FromADate_WithErrorsSaidFirst()
    {
        var dfe = app.Client();
        await app.SignInAsync(dfe, "ruth.okafor@education.example");
        var caseworker = app.Client(followRedirects: false);
        await app.SignInAsync(caseworker);

        var page = await dfe.GetPageAsync("/rule-sets");
        var empty = await Html.ParseAsync(await dfe.SubmitAsync(page));
        var backdated = await Html.ParseAsync(await dfe.SubmitAsync(page, [("La", "886"), ("RuleSet", "green-paper-2022"), .. Html.Date("From", new DateOnly(2026, 6, 1)), ("Reason", "Backdated.")]));
        var recorded = await Html.ParseAsync(await dfe.SubmitAsync(page, [("La", "886"), ("RuleSet", "green-paper-2022"), .. Html.Date("From", new DateOnly(2026, 9, 1)), ("Reason", "The second wave of the change programme.")]));

        Assert.Equal(new[] { "#From-day", "#La", "#Reason", "#RuleSet" }, empty.ErrorSummary().Select(e => e.Href).Order(StringComparer.Ordinal));
        Assert.Equal("#From-day", Assert.Single(backdated.ErrorSummary()).Href);
        Assert.Contains("Kent (886) runs the Green paper 2022 proposals for clocks starting on or after 1 September 2026", recorded.MainText());
        Assert.Contains("The second wave of the change programme.", recorded.QuerySelector("#areas")!.TextContent);
        var kent = await app.WithServices(sp => sp.GetRequiredService<OpenSendDbContext>().LocalAuthorities.AsNoTracking().SingleAsync(l => l.Code == "886"));
        Assert.Equal(("green-paper-2022", new DateOnly(2026, 9, 1)), (kent.AdoptedRuleSetId, kent.AdoptedRuleSetFrom));
        Assert.NotEqual(HttpStatusCode.OK, (await caseworker.GetAsync("/rule-sets")).StatusCode);
    }
}

public sealed class RuleSetPageTests_Sqlite(SqliteApp app) : RuleSetPageTests<SqliteApp>(app);

public sealed class RuleSetPageTests_PostgreSql(PostgreSqlApp app) : RuleSetPageTests<PostgreSqlApp>(app);
