using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenSend.Data.Database;

namespace OpenSend.Web.Tests;

/// <summary>The assessment API, on SQLite and PostgreSQL: public request and tracking, staff steps, refusals as problems, LA isolation.</summary>
public abstract class AssessmentApiTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : AppFixture
{
    private static object Request(string laCode = "999", bool consent = true, string givenName = "Ada") => new
    {
        laCode,
        requester = new { kind = "parent", name = "Pat Example", email = "pat@example.com" },
        child = new { givenName, familyName = "Example", dateOfBirth = "2018-03-14" },
        reason = "Needs are not being met at SEN support.",
        consentToShare = consent,
    };

    [Fact]
    public async Task SubmitRequest_WithoutAnAccount_ReturnsAReferenceAndAPrivateTrackingLink()
    {
        var client = app.Client();

        var response = await client.PostAsJsonAsync("/api/assessment-requests", Request());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.StartsWith("999-2026-", body.GetProperty("reference").GetString());
        Assert.Equal("2026-06-15", body.GetProperty("receivedOn").GetString());
        var token = body.GetProperty("trackingToken").GetString()!;
        Assert.EndsWith($"/track/{token}", body.GetProperty("trackingUrl").GetString());
        Assert.Contains(body.GetProperty("deadlines").EnumerateArray(), d => d.GetProperty("step").GetString() == "decision-to-assess" && d.GetProperty("due").GetString() == "2026-07-27");

        var tracking = JsonDocument.Parse(await client.GetStringAsync($"/api/tracking/{token}")).RootElement;
        Assert.Equal("request-received", tracking.GetProperty("stage").GetString());
        Assert.Contains(tracking.GetProperty("datesAhead").EnumerateArray(),
            d => d.GetProperty("text").GetString() == "The council must tell you whether it will carry out an EHC needs assessment by 27 July 2026");
    }

    /// <summary>s.36(1): a request is a request whatever its form; the clock runs from receipt and the council asks for what is missing.</summary>
    [Fact]
    public async Task SubmitRequest_WithoutConsentOrAReason_IsRecorded_AndTheClockRunsFromReceipt()
    {
        var response = await app.Client().PostAsJsonAsync("/api/assessment-requests", new
        {
            laCode = "999",
            requester = new { kind = "parent", name = "Pat Example", email = "pat@example.com" },
            child = new { givenName = "Noreason", familyName = "Example", dateOfBirth = "2018-03-14" },
            reason = "",
            consentToShare = false,
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        // Received 15 June 2026: the decision whether to assess is due 6 weeks later, 27 July 2026 (reg 5(1)).
        Assert.Contains(body.GetProperty("deadlines").EnumerateArray(), d => d.GetProperty("step").GetString() == "decision-to-assess" && d.GetProperty("due").GetString() == "2026-07-27");
    }

    [Fact]
    public async Task SubmitRequest_WithoutTheChildsName_IsA422ProblemWithItsCode()
    {
        var response = await app.Client().PostAsJsonAsync("/api/assessment-requests", Request(givenName: " "));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("child-name-missing", problem.GetProperty("code").GetString());
        Assert.Equal("urn:opensend:problem:child-name-missing", problem.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Tracking_WithAnUnknownToken_IsNotFound()
    {
        var response = await app.Client().GetAsync("/api/tracking/not-a-real-token");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Cases_WithoutSigningIn_Is401()
    {
        var response = await app.Client().GetAsync("/api/cases");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ACaseworker_AdvancesACaseThroughTheApi_AndAnIllegalStepIsRefusedWithItsReason()
    {
        var client = app.Client();
        var id = await SubmitAsync(client);
        await app.SignInAsync(client);

        var decided = await client.PostAsJsonAsync($"/api/cases/{id}/assessment-decision", new { willAssess = true, decidedOn = "2026-06-15", reasons = "Evidence of need." });
        var early = await client.PostAsJsonAsync($"/api/cases/{id}/final-plan", new { issuedOn = "2026-06-15" });

        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        var body = JsonDocument.Parse(await decided.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("assessing", body.GetProperty("stage").GetString());
        Assert.Contains(body.GetProperty("allowedActions").EnumerateArray(), a => a.GetString() == "request-advice");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, early.StatusCode);
        var problem = JsonDocument.Parse(await early.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("draft-not-served", problem.GetProperty("code").GetString());
        Assert.Contains("reg 13(1)", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AStep_WithoutItsDate_IsA400ThatNamesTheField()
    {
        var client = app.Client();
        var id = await SubmitAsync(client);
        await app.SignInAsync(client);

        var response = await client.PostAsJsonAsync($"/api/cases/{id}/assessment-decision", new { willAssess = true });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty("decidedOn", out _));
    }

    [Fact]
    public async Task AStep_WithAMalformedDate_IsA400Problem()
    {
        var client = app.Client();
        var id = await SubmitAsync(client);
        await app.SignInAsync(client);

        var response = await client.PostAsync($"/api/cases/{id}/assessment-decision",
            new StringContent("""{"willAssess": true, "decidedOn": "15/06/2026"}""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ACaseworkerInAnotherCouncil_GetsNotFound_AndNoChildData()
    {
        var client = app.Client();
        var id = await SubmitAsync(client, givenName: "Zebedee");
        await app.SignInAsync(client, AppFixture.NorthshireCaseworker);

        var read = await client.GetAsync($"/api/cases/{id}");
        var write = await client.PostAsJsonAsync($"/api/cases/{id}/withdrawal", new { withdrawnOn = "2026-06-15", reason = "x" });
        var caseload = await client.GetStringAsync("/api/cases");

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, write.StatusCode);
        Assert.DoesNotContain("Zebedee", await read.Content.ReadAsStringAsync());
        Assert.DoesNotContain("Zebedee", await write.Content.ReadAsStringAsync());
        Assert.DoesNotContain("Zebedee", caseload);
    }

    [Fact]
    public async Task Caseload_ThroughTheApi_ListsTheCouncilsOpenCases()
    {
        var client = app.Client();
        var id = await SubmitAsync(client, givenName: "Listed");
        await app.SignInAsync(client);

        var caseload = JsonDocument.Parse(await client.GetStringAsync("/api/cases?stage=request-received")).RootElement;

        Assert.Contains(caseload.GetProperty("cases").EnumerateArray(), c => c.GetProperty("id").GetGuid() == id && c.GetProperty("nextStep").GetString() == "decision-to-assess");
    }

    private async Task<Guid> SubmitAsync(HttpClient client, string givenName = "Ada")
    {
        var response = await client.PostAsJsonAsync("/api/assessment-requests", Request(givenName: givenName));
        response.EnsureSuccessStatusCode();
        var reference = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("reference").GetString();
        // The public API does not reveal case ids; staff find a case by its reference.
        return await app.WithServices(sp => sp.GetRequiredService<OpenSendDbContext>().Assessments.Where(a => a.Reference == reference).Select(a => a.Id).SingleAsync());
    }
}

public sealed class AssessmentApiTests_Sqlite(SqliteApp app) : AssessmentApiTests<SqliteApp>(app);

public sealed class AssessmentApiTests_PostgreSql(PostgreSqlApp app) : AssessmentApiTests<PostgreSqlApp>(app);
