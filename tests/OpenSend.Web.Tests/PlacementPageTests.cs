using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenSend.Data.Access;
using OpenSend.Data.Assessments;
using OpenSend.Data.Audit;
using OpenSend.Data.Demo;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Identity;

namespace OpenSend.Web.Tests;

/// <summary>Naming a place on the pages: the caseworker's list, the family's preferences journey, the setting's answer and the decision.</summary>
public abstract class PlacementPageTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : AppFixture
{
    private RequestContext Staff999 => app.Staff999;

    /// <summary>An autistic child born 1 March 2023, the draft plan served, the family's account linked.</summary>
    private async Task<(Guid Id, string Reference)> DraftServedAsync(string givenName, string parentEmail)
    {
        var submitted = await app.WithServices(sp => sp.GetRequiredService<AssessmentCases>().ReceiveAsync(Staff999,
            new AssessmentRequestSubmission("999", RequesterKind.Parent, "Pat Example", parentEmail, null, null, givenName, "Example",
                new DateOnly(2023, 3, 1), "Needs not met at SEN support.", true),
            new DateOnly(2026, 1, 5)));
        await app.WithServices(async sp =>
        {
            var cases = sp.GetRequiredService<AssessmentCases>();
            await cases.DecideToAssessAsync(Staff999, submitted.Id, new DateOnly(2026, 2, 2), "Evidence of needs.");
            var advice = await cases.RequestAdviceAsync(Staff999, submitted.Id, AdviserKind.Psychological, "EP service", new DateOnly(2026, 2, 2));
            await cases.RecordAdviceReceivedAsync(Staff999, submitted.Id, advice.Id, new DateOnly(2026, 3, 9));
            await cases.DecideToIssueAsync(Staff999, submitted.Id, new DateOnly(2026, 4, 1), "Needs cannot be met at SEN support.");
            await cases.ServeDraftPlanAsync(Staff999, submitted.Id, new DateOnly(2026, 6, 1));
            await sp.GetRequiredService<CaseLinks>().LinkFamilyAsync(Staff999, submitted.Id, parentEmail, Role.Parent);
            return true;
        });
        return (submitted.Id, submitted.Reference);
    }

    private static string Banner(AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelector(".govuk-notification-banner__heading")!.TextContent.Trim();

    [Fact]
    public async Task TheCaseworkerProposesTheList_TheFamilyRanksPreferences_TheSettingAnswers_AndTheCaseworkerNamesTheFirst()
    {
        var (id, reference) = await DraftServedAsync("Gus", "gus.parent@example.com");
        var caseworker = app.Client();
        await app.SignInAsync(caseworker);
        var placement = $"/cases/{id}/placement";

        var propose = await caseworker.GetPageAsync($"{placement}/propose");
        var unplaced = await Html.ParseAsync(await caseworker.SubmitAsync(propose, [("HomePostcode", "ZZ9 9ZZ"), ("Need", "ASD"), .. Html.Date("StartsOn", new DateOnly(2027, 9, 1)), ("Distance", "15")]));
        Assert.Equal("#HomePostcode", Assert.Single(unplaced.ErrorSummary()).Href);
        var proposed = await Html.ParseAsync(await caseworker.SubmitAsync(propose, [("HomePostcode", "dm1 2xy"), ("Need", "ASD"), .. Html.Date("StartsOn", new DateOnly(2027, 9, 1)), ("Distance", "15")]));
        Assert.Equal("Tailored list proposed", Banner(proposed));
        var rows = proposed.QuerySelectorAll("#list tbody tr").Select(r => r.TextContent).ToList();
        Assert.StartsWith("Oakfield Primary School", rows[0].Trim());
        Assert.Contains(rows, r => r.Contains("Meadowbank Special School") && r.Contains("1 free"));

        var remove = await caseworker.GetPageAsync($"{placement}/remove/999004");
        var noReason = await Html.ParseAsync(await caseworker.SubmitAsync(remove, ("Reason", " ")));
        Assert.Equal("#Reason", Assert.Single(noReason.ErrorSummary()).Href);
        var removed = await Html.ParseAsync(await caseworker.SubmitAsync(remove, ("Reason", "No reception places for 2027.")));
        Assert.DoesNotContain("St Aldhelm", removed.QuerySelector("#list")!.TextContent);
        Assert.Contains("No reception places for 2027.", removed.QuerySelector(".govuk-details")!.TextContent);
        var add = await caseworker.GetPageAsync($"{placement}/add?Query=Kestrel");
        Assert.Equal("Kestrel House School", add.QuerySelector("#Urn + label")!.TextContent.Trim());
        var withKestrel = await Html.ParseAsync(await caseworker.SubmitAsync(add, ("Urn", "999010"), ("Reason", "The family visited and asked about it.")));
        Assert.Contains("The family visited and asked about it.", withKestrel.QuerySelector("#list")!.TextContent);
        var shared = await Html.ParseAsync(await caseworker.SubmitAsync(withKestrel, [], "form[action$='handler=Share']"));
        Assert.StartsWith("The list is shared with the family", Banner(shared));

        // The family: the list, then the journey, one question a page.
        var parent = app.Client();
        await app.SignInAsFamilyAsync(parent, "gus.parent@example.com");
        var list = await parent.GetPageAsync($"/your-requests/{id}/settings");
        Assert.Contains("Oakfield Primary School", list.QuerySelector("#family-list")!.TextContent);
        var choose = await Html.ParseAsync(await parent.SubmitAsync(list));
        var others = await Html.ParseAsync(await parent.SubmitAsync(choose, ("Chosen", "999001")));
        Assert.Equal("Would you like to ask for any other school or college?", others.QuerySelector("h1")!.TextContent.Trim());
        var found = await parent.GetPageAsync(others.Location.Href.Replace("?journey=", "?Query=Fenwick&journey=", StringComparison.Ordinal));
        var added = await Html.ParseAsync(await parent.SubmitAsync(found, [], "#found form"));
        Assert.Contains("Fenwick Primary School", added.QuerySelector("#others")!.TextContent);
        var order = await Html.ParseAsync(await parent.SubmitAsync(added, [], "form[action$='handler=Continue']"));
        var unreasoned = await Html.ParseAsync(await parent.SubmitAsync(order, ("Rank[999001]", "2"), ("Rank[999011]", "1")));
        Assert.Contains(unreasoned.ErrorSummary(), e => e.Text.StartsWith("Say why you would like Fenwick Primary School", StringComparison.Ordinal));
        var check = await Html.ParseAsync(await parent.SubmitAsync(order, ("Rank[999001]", "2"), ("Rank[999011]", "1"), ("Reason[999011]", "Grandparents next door do the school run.")));
        Assert.StartsWith("1. Fenwick Primary School", check.QuerySelector("#check-preferences .govuk-summary-list__key")!.TextContent.Trim());
        var sent = await Html.ParseAsync(await parent.SubmitAsync(check));
        Assert.Equal("Preferences sent", sent.QuerySelector("h1")!.TextContent.Trim());

        // The council consults both; Oakfield's SENCO answers in OpenSEND.
        var withPreferences = await caseworker.GetPageAsync(placement);
        var cards = withPreferences.QuerySelectorAll(".govuk-summary-card").ToList();
        Assert.Equal(["1. Fenwick Primary School", "2. Oakfield Primary School"], cards.Select(c => c.QuerySelector(".govuk-summary-card__title")!.TextContent.Trim()));
        var consultedOak = await Html.ParseAsync(await caseworker.SubmitAsync(withPreferences, [], $"#{cards[1].Id} form"));
        Assert.StartsWith("Consultation sent: 1 of the setting's staff emailed", Banner(consultedOak));
        var consultedBoth = await Html.ParseAsync(await caseworker.SubmitAsync(consultedOak, [], $"#{cards[0].Id} form"));
        Assert.StartsWith("Consultation recorded: the setting does not use OpenSEND", Banner(consultedBoth));

        var senco = app.Client();
        await app.SignInAsync(senco, AppFixture.Senco, Role.Senco);
        var consultations = await senco.GetPageAsync("/consultations");
        var answerLink = consultations.QuerySelectorAll("#consultations a").Single(a => a.TextContent.Trim() == reference).GetAttribute("href")!;
        var answer = await senco.GetPageAsync(answerLink);
        var bare = await Html.ParseAsync(await senco.SubmitAsync(answer, ("Answer", "CannotMeetNeeds")));
        Assert.Equal("#Reasons", Assert.Single(bare.ErrorSummary()).Href);
        var thanked = await Html.ParseAsync(await senco.SubmitAsync(answer, ("Answer", "CanMeetNeeds")));
        Assert.Equal("Thank you: your answer has been sent to the council", Banner(thanked));
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await senco.GetAsync(placement)).StatusCode);

        // The council names the first preference with no ground against it.
        var decision = await caseworker.GetPageAsync($"{placement}/decision");
        Assert.Equal("Fenwick Primary School", decision.QuerySelector("#Named + label")!.TextContent.Trim());
        var named = await Html.ParseAsync(await caseworker.SubmitAsync(decision, [("Named", decision.QuerySelector("#Named")!.GetAttribute("value")!), .. Html.Date("DecidedOn", new DateOnly(2026, 6, 15))]));
        Assert.Equal("Fenwick Primary School named in section I; the family has been told", Banner(named));
        Assert.Contains("Fenwick Primary School named in section I", named.QuerySelector("#placement-decided")!.TextContent);
        var familyView = await parent.GetPageAsync($"/your-requests/{id}/settings");
        Assert.Contains("Fenwick Primary School", familyView.QuerySelector("#named")!.TextContent);
        Assert.Contains("The council decided to name Fenwick Primary School in section I", (await parent.GetPageAsync($"/your-requests/{id}")).MainText());
    }

    [Fact]
    public async Task TheRegister_IsSearchableByAnyone_AndTheApiGivesTheFamilysPreferences()
    {
        var anyone = app.Client();
        var near = await anyone.GetPageAsync("/settings?Postcode=DM1+2XY&Within=3");
        Assert.StartsWith("4 settings within reach of DM1 2XY", near.QuerySelector("#results-heading")!.TextContent.Trim());
        var api = await anyone.GetAsync("/api/settings?need=ASD");
        var json = System.Text.Json.JsonDocument.Parse(await api.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(2, json.GetProperty("total").GetInt32());
        Assert.Equal("special", json.GetProperty("settings")[1].GetProperty("category").GetString());
        var badNeed = await anyone.GetAsync("/api/settings?need=XYZ");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, badNeed.StatusCode);
        Assert.Contains("SEN2 need type", await badNeed.Content.ReadAsStringAsync());

        var (id, _) = await DraftServedAsync("Hal", "hal.parent@example.com");
        await app.WithServices(async sp =>
        {
            var naming = sp.GetRequiredService<OpenSend.Data.Placements.PlacementNaming>();
            await naming.ProposeListAsync(Staff999, id, new OpenSend.Data.Placements.ListProposal(DemoSettings.HomePostcode, OpenSend.Domain.Plans.Sen2NeedType.ASD, new DateOnly(2027, 9, 1), 15));
            await naming.ShareListAsync(Staff999, id);
            return true;
        });
        var parent = app.Client();
        await app.SignInAsFamilyAsync(parent, "hal.parent@example.com");
        var posted = await parent.PostAsync($"/api/cases/{id}/preferences", new StringContent("""{"preferences":[{"urn":"999008"},{"urn":"999011","reasons":"Near family."}]}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(System.Net.HttpStatusCode.OK, posted.StatusCode);
        var preferences = System.Text.Json.JsonDocument.Parse(await posted.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(["Meadowbank Special School", "Fenwick Primary School"], preferences.EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        var refused = await parent.PostAsync($"/api/cases/{id}/preferences", new StringContent("""{"preferences":[{"urn":"999011"}]}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("preference-reasons", await refused.Content.ReadAsStringAsync());
        var list = System.Text.Json.JsonDocument.Parse(await (await parent.GetAsync($"/api/cases/{id}/tailored-list")).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("mainstream", list.GetProperty("settings")[0].GetProperty("tier").GetString());
    }
}

public sealed class PlacementPageTests_Sqlite(SqliteApp app) : PlacementPageTests<SqliteApp>(app);

public sealed class PlacementPageTests_PostgreSql(PostgreSqlApp app) : PlacementPageTests<PostgreSqlApp>(app);
