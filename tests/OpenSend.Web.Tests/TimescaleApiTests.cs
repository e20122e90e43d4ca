using System.Net;
using System.Text.Json;

namespace OpenSend.Web.Tests;

/// <summary>The public calculators: exact shapes, and a clear problem for a bad parameter. They touch no database, so they run once.</summary>
public sealed class TimescaleApiTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private readonly HttpClient _client = app.Client();

    [Fact]
    public async Task NeedsAssessment_ForARequestDate_ReturnsTheThreeStatutoryDatesInTheAgreedShape()
    {
        var json = await GetJson("/api/timescales/needs-assessment?requestReceived=2026-01-05");

        Assert.Equal("SEND Regulations 2014", json.GetProperty("ruleSet").GetString());
        var deadlines = json.GetProperty("deadlines").EnumerateArray().Select(d => (
            d.GetProperty("step").GetString(), d.GetProperty("due").GetString(), d.GetProperty("basis").GetString())).ToList();
        Assert.Equal(
            [
                ("decision-to-assess", "2026-02-16", "SEND Regulations 2014 reg 5(1)"),
                ("decision-not-to-issue", "2026-04-27", "SEND Regulations 2014 reg 10(1)"),
                ("final-plan", "2026-05-25", "SEND Regulations 2014 reg 13(2)"),
            ],
            deadlines);
        Assert.All(json.GetProperty("deadlines").EnumerateArray(), d => Assert.Equal(3, d.EnumerateObject().Count()));
    }

    [Fact]
    public async Task NeedsAssessment_WithTheGreenPaperRules_NamesThatRuleSet()
    {
        var json = await GetJson("/api/timescales/needs-assessment?requestReceived=2026-01-05&ruleSet=green-paper-2022");

        Assert.Equal("Green paper 2022 proposals", json.GetProperty("ruleSet").GetString());
    }

    [Fact]
    public async Task DraftPlan_ServedOnAGivenDay_ClosesRepresentationsFourteenDaysLater()
    {
        var json = await GetJson("/api/timescales/draft-plan?served=2028-02-15");

        var deadline = Assert.Single(json.GetProperty("deadlines").EnumerateArray());
        Assert.Equal("representations-close", deadline.GetProperty("step").GetString());
        Assert.Equal("2028-02-29", deadline.GetProperty("due").GetString());
    }

    [Fact]
    public async Task AnnualReview_FromTheMeeting_GivesEveryReviewDate()
    {
        var json = await GetJson("/api/timescales/annual-review?meeting=2027-03-10");

        var dates = json.GetProperty("deadlines").EnumerateArray().ToDictionary(d => d.GetProperty("step").GetString()!, d => d.GetProperty("due").GetString());
        Assert.Equal("2027-02-24", dates["invitations-by"]);
        Assert.Equal("2027-02-24", dates["papers-by"]);
        Assert.Equal("2027-03-24", dates["report-by"]);
        Assert.Equal("2027-04-07", dates["decision-by"]);
        Assert.Equal("2027-06-02", dates["amended-plan-by"]);
    }

    [Theory]
    // Reg 18(1): amended *before* 15 February (31 March from secondary to post-16), so the last day on time is the day before.
    [InlineData("early-years-to-school", "2027-02-14", "reg 18(1)(b)")]
    [InlineData("infant-to-junior", "2027-02-14", "reg 18(1)(b)")]
    [InlineData("primary-to-secondary", "2027-02-14", "reg 18(1)(b)")]
    [InlineData("secondary-to-post16", "2027-03-30", "reg 18(1)(a)")]
    public async Task PhaseTransfer_ForEachKind_GivesTheLastDayOnTimeBeforeTheRegulation18Date(string transfer, string due, string regulation)
    {
        var json = await GetJson($"/api/timescales/phase-transfer?transferYear=2027&transfer={transfer}");

        var deadline = Assert.Single(json.GetProperty("deadlines").EnumerateArray());
        Assert.Equal("amended-plan-by", deadline.GetProperty("step").GetString());
        Assert.Equal(due, deadline.GetProperty("due").GetString());
        Assert.EndsWith(regulation, deadline.GetProperty("basis").GetString());
    }

    [Fact]
    public async Task PhaseTransfer_BetweenPost16Institutions_IsFiveMonthsBeforeTheMove()
    {
        // Reg 18(2): a move on 6 January 2028 is reviewed and amended by 6 August 2027.
        var json = await GetJson("/api/timescales/phase-transfer?transferDate=2028-01-06&transfer=post16-to-post16");

        var deadline = Assert.Single(json.GetProperty("deadlines").EnumerateArray());
        Assert.Equal("2027-08-06", deadline.GetProperty("due").GetString());
        Assert.EndsWith("reg 18(2)", deadline.GetProperty("basis").GetString());
    }

    [Theory]
    [InlineData("/api/timescales/needs-assessment", "requestReceived", "YYYY-MM-DD, for example 2026-01-05")]
    [InlineData("/api/timescales/needs-assessment?requestReceived=5%2F1%2F2026", "requestReceived", "'5/1/2026' is not a valid date")]
    [InlineData("/api/timescales/needs-assessment?requestReceived=2026-02-30", "requestReceived", "YYYY-MM-DD")]
    [InlineData("/api/timescales/needs-assessment?requestReceived=2014-08-31", "requestReceived", "on or after 1 September 2014")]
    [InlineData("/api/timescales/draft-plan?served=tomorrow", "served", "Give served as a date")]
    [InlineData("/api/timescales/annual-review", "meeting", "Give meeting as a date")]
    [InlineData("/api/timescales/phase-transfer?transferYear=2027&transfer=primary-to-university", "transfer", "secondary-to-post16")]
    [InlineData("/api/timescales/phase-transfer?transfer=infant-to-junior", "transferYear", "for example 2027")]
    [InlineData("/api/timescales/needs-assessment?requestReceived=2026-01-05&ruleSet=old-law", "ruleSet", "send-regulations-2014")]
    [InlineData("/api/timescales/appeal", "decided", "Give decided as a date")]
    [InlineData("/api/timescales/appeal?decided=2026-03-02&certificate=2026-13-01", "certificate", "date of the mediation certificate")]
    [InlineData("/api/timescales/appeal?decided=2026-03-02&certificate=2026-03-01", "certificate", "cannot be dated before the decision")]
    [InlineData("/api/timescales/tribunal-order?ordered=2026-11-20&order=apologise", "order", "assess, reassess, make-plan, amend, name-setting")]
    [InlineData("/api/timescales/tribunal-order?order=assess", "ordered", "Give ordered as a date")]
    [InlineData("/api/timescales/unopposed-appeal?notified=2026-11-20", "appeal", "refusal-to-assess, refusal-to-reassess, refusal-to-issue, contents, name-setting")]
    [InlineData("/api/timescales/tribunal-recommendation?made=yesterday", "made", "'yesterday' is not a valid date")]
    public async Task ABadOrMissingParameter_IsA400ProblemThatNamesItAndSaysWhatIsValid(string url, string parameter, string explanation)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), $"errors should name {parameter}");
        Assert.Contains(explanation, problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/api/timescales/appeal?decided=2026-06-10", "appeal-by", "2026-09-01", "r.20 and r.12")] // 10 August: into September
    [InlineData("/api/timescales/appeal?decided=2026-10-25", "appeal-by", "2027-01-04", "r.20 and r.12")] // Christmas Day: after 1 January and its weekend
    [InlineData("/api/timescales/appeal?decided=2026-03-02&certificate=2026-04-20", "appeal-by", "2026-05-20", "s.55")] // the certificate's month is later
    [InlineData("/api/timescales/tribunal-recommendation?made=2026-06-01", "response-by", "2026-07-06", "SI 2017/1306")]
    public async Task TheRedressCalculators_GiveOneDeadlineWithItsBasis(string url, string step, string due, string basis)
    {
        var json = await GetJson(url);

        var deadline = Assert.Single(json.GetProperty("deadlines").EnumerateArray());
        Assert.Equal((step, due), (deadline.GetProperty("step").GetString(), deadline.GetProperty("due").GetString()));
        Assert.Contains(basis, deadline.GetProperty("basis").GetString());
    }

    [Theory]
    [InlineData("/api/timescales/tribunal-order?ordered=2026-11-20&order=assess", "notify-by=2026-12-04 decision-not-to-issue-by=2027-01-29 final-plan-by=2027-02-26")]
    [InlineData("/api/timescales/tribunal-order?ordered=2026-11-20&order=reassess", "notify-by=2026-12-04 decision-not-to-issue-by=2027-01-29 final-plan-by=2027-02-26")]
    [InlineData("/api/timescales/tribunal-order?ordered=2028-01-20&order=make-plan", "draft-plan-by=2028-02-24 final-plan-by=2028-04-06")]
    [InlineData("/api/timescales/tribunal-order?ordered=2026-12-28&order=amend", "amended-plan-by=2027-02-01")]
    [InlineData("/api/timescales/tribunal-order?ordered=2026-12-28&order=name-setting", "amended-plan-by=2027-01-11")]
    [InlineData("/api/timescales/unopposed-appeal?notified=2026-11-20&appeal=refusal-to-assess", "notify-by=2026-12-04 decision-not-to-issue-by=2027-01-29 final-plan-by=2027-02-26")]
    [InlineData("/api/timescales/unopposed-appeal?notified=2026-11-20&appeal=refusal-to-reassess", "notify-by=2026-12-04 decision-not-to-issue-by=2027-01-29 final-plan-by=2027-02-26")]
    [InlineData("/api/timescales/unopposed-appeal?notified=2028-01-20&appeal=refusal-to-issue", "draft-plan-by=2028-02-24 final-plan-by=2028-04-06")]
    [InlineData("/api/timescales/unopposed-appeal?notified=2026-12-28&appeal=contents", "amended-plan-by=2027-02-01")]
    [InlineData("/api/timescales/unopposed-appeal?notified=2026-12-28&appeal=name-setting", "amended-plan-by=2027-01-11")]
    public async Task OrdersAndUnopposedAppeals_GiveTheRegulationsClocks_InDateOrder(string url, string expected)
    {
        var json = await GetJson(url);

        var deadlines = json.GetProperty("deadlines").EnumerateArray().Select(d => $"{d.GetProperty("step").GetString()}={d.GetProperty("due").GetString()}");
        Assert.Equal(expected, string.Join(" ", deadlines));
        Assert.All(json.GetProperty("deadlines").EnumerateArray(), d => Assert.Matches(@"reg 4[45]", d.GetProperty("basis").GetString()));
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheApi()
    {
        var json = await GetJson("/openapi/v1.json");

        var paths = json.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/timescales/needs-assessment", paths);
        Assert.Contains("/api/assessment-requests", paths);
        Assert.Contains("/api/cases/{id}/assessment-decision", paths);
    }

    private async Task<JsonElement> GetJson(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }
}
