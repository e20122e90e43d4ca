using System.Net;
using System.Text.Json;
using Json.Schema;
using Microsoft.Extensions.DependencyInjection;
using OpenSend.Data.Database;
using OpenSend.Data.Demo;
using OpenSend.Domain.Partnerships;
using OpenSend.Domain.Plans;

namespace OpenSend.Web.Tests;

/// <summary>
/// Issue 24: the local offer at /openreferral speaks Open Referral UK 3.0. Every response is checked
/// against the standard's own JSON Schemas (../shared/standards/oruk-uk-profile-3.0), formats included
/// (uuid, uri, email, date-time); filters and paging do what the standard's OpenAPI says; a bad
/// parameter is a 400 problem naming it. On Demoshire's demo local offer, on both providers.
/// </summary>
public abstract class OpenReferralApiTests<TApp>(TApp app) : IClassFixture<TApp>, IAsyncLifetime
    where TApp : AppFixture
{
    private readonly HttpClient _client = app.Client();

    public async ValueTask InitializeAsync() => await app.WithServices(async sp =>
    {
        await DemoLocalOffer.SeedAsync(sp.GetRequiredService<OpenSendDbContext>(), "999", AppFixture.Start);
        return 0;
    });

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task EveryEndpoint_AnswersInTheStandardsShape_ValidAgainstItsSchemas()
    {
        var meta = await GetJson("/openreferral/");
        Assert.Equal("3.0", meta.GetProperty("version").GetString());
        Assert.True(Uri.IsWellFormedUriString(meta.GetProperty("profile").GetString(), UriKind.Absolute));
        Assert.True(Uri.IsWellFormedUriString(meta.GetProperty("openapi_url").GetString(), UriKind.Absolute));

        var services = await GetJson("/openreferral/services?per_page=50");
        AssertPage(services, total: 30, size: 30);
        foreach (var item in services.GetProperty("contents").EnumerateArray())
        {
            OrukSchemas.AssertValid("compiled/service_list.json", item);
        }

        var first = services.GetProperty("contents")[0].GetProperty("id").GetString();
        foreach (var item in services.GetProperty("contents").EnumerateArray().Take(30))
        {
            OrukSchemas.AssertValid("compiled/service.json", await GetJson($"/openreferral/services/{item.GetProperty("id").GetString()}"));
        }

        var sites = await GetJson("/openreferral/service_at_locations?per_page=100");
        Assert.True(sites.GetProperty("total_items").GetInt32() > 10);
        foreach (var item in sites.GetProperty("contents").EnumerateArray())
        {
            OrukSchemas.AssertValid("compiled/service_at_location_list.json", item);
        }

        var site = await GetJson($"/openreferral/service_at_locations/{sites.GetProperty("contents")[0].GetProperty("id").GetString()}");
        OrukSchemas.AssertValid("compiled/service_at_location.json", site);
        Assert.Equal("England", site.GetProperty("location").GetProperty("addresses")[0].GetProperty("state_province").GetString());

        var taxonomies = await GetJson("/openreferral/taxonomies");
        AssertPage(taxonomies, total: 2, size: 2);
        foreach (var item in taxonomies.GetProperty("contents").EnumerateArray())
        {
            OrukSchemas.AssertValid("taxonomy.json", item);
            OrukSchemas.AssertValid("taxonomy.json", await GetJson($"/openreferral/taxonomies/{item.GetProperty("id").GetString()}"));
        }

        var terms = await GetJson("/openreferral/taxonomy_terms?per_page=100");
        AssertPage(terms, total: LocalOfferTaxonomy.Terms.Count, size: LocalOfferTaxonomy.Terms.Count);
        foreach (var item in terms.GetProperty("contents").EnumerateArray())
        {
            OrukSchemas.AssertValid("taxonomy_term.json", item);
        }

        OrukSchemas.AssertValid("taxonomy_term.json", await GetJson($"/openreferral/taxonomy_terms/{LocalOfferTaxonomy.Need(Sen2NeedType.ASD).Id}"));
        Assert.NotNull(first);
    }

    [Fact]
    public async Task AServiceFullyNested_NamesItsKindsAndNeedsAsTaxonomyTerms_AndItsPlaceCostAndTimes()
    {
        var id = LocalOfferTaxonomy.IdFor("demo:service:Saturday Sensory Club");

        var service = await GetJson($"/openreferral/services/{id}");

        Assert.Equal(("Saturday Sensory Club", "active", 5, 11), (service.GetProperty("name").GetString(), service.GetProperty("status").GetString(),
            service.GetProperty("minimum_age").GetInt32(), service.GetProperty("maximum_age").GetInt32()));
        Assert.Equal("Shire Play Trust", service.GetProperty("organization").GetProperty("name").GetString());
        var terms = service.GetProperty("attributes").EnumerateArray().Select(a => a.GetProperty("taxonomy_term").GetProperty("name").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "Short breaks and respite", "Leisure and activities", "Autistic spectrum disorder" }, terms);
        Assert.Equal("DM1 3AB", service.GetProperty("service_at_locations")[0].GetProperty("location").GetProperty("addresses")[0].GetProperty("postal_code").GetString());
        Assert.Equal("£5 a session", service.GetProperty("cost_options")[0].GetProperty("option").GetString());
        Assert.Equal("Saturdays 10am to 1pm in term time", service.GetProperty("schedules")[0].GetProperty("description").GetString());
    }

    [Fact]
    public async Task Filters_FindByTermTaxonomyWordsAndAge_AsTheStandardDefinesThem_AndPage()
    {
        var shortBreaks = LocalOfferTaxonomy.Kind("short-breaks").Id;

        var byTerm = await GetJson($"/openreferral/services?taxonomy_term_id={shortBreaks}");
        var byWords = await GetJson("/openreferral/services?search=SWIMMING%20inclusive");
        var atLeast16 = await GetJson("/openreferral/services?minimum_age=16");
        var atMost5 = await GetJson("/openreferral/services?maximum_age=5");
        var byNeedTaxonomy = await GetJson($"/openreferral/services?taxonomy_id={LocalOfferTaxonomy.NeedsServed.Id}&per_page=100");
        var secondPage = await GetJson("/openreferral/services?page=2&per_page=7");

        Assert.Equal(["Family link short breaks", "Holiday activity scheme for disabled children", "Overnight short breaks at Willow House", "Saturday Sensory Club"], Names(byTerm));
        Assert.Equal(["Inclusive swimming sessions"], Names(byWords));
        Assert.Equal(["Independent living skills course", "Supported internships"], Names(atLeast16));
        Assert.Equal(["Early years SEND inclusion team", "Portage home visiting"], Names(atMost5));
        // Services describing no need (advice for every family, transport) are not in the needs taxonomy.
        Assert.Equal(24, byNeedTaxonomy.GetProperty("total_items").GetInt32());
        Assert.Equal((30, 5, 2, 7, false, false), (secondPage.GetProperty("total_items").GetInt32(), secondPage.GetProperty("total_pages").GetInt32(),
            secondPage.GetProperty("page_number").GetInt32(), secondPage.GetProperty("size").GetInt32(), secondPage.GetProperty("first_page").GetBoolean(), secondPage.GetProperty("last_page").GetBoolean()));
    }

    [Theory]
    [InlineData("/openreferral/services?page=0", "page")]
    [InlineData("/openreferral/services?per_page=1000", "per_page")]
    [InlineData("/openreferral/services?taxonomy_term_id=short-breaks", "taxonomy_term_id")]
    [InlineData("/openreferral/services?minimum_age=five", "minimum_age")]
    [InlineData("/openreferral/service_at_locations?maximum_age=-1", "maximum_age")]
    [InlineData("/openreferral/taxonomy_terms?page=x", "page")]
    public async Task ABadParameter_IsA400ProblemNamingIt(string url, string parameter)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal([parameter], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    [Theory]
    [InlineData("/openreferral/services/not-an-id")]
    [InlineData("/openreferral/services/3f7b145d-84af-42d7-8fae-eaca714b02b2")]
    [InlineData("/openreferral/service_at_locations/3f7b145d-84af-42d7-8fae-eaca714b02b2")]
    [InlineData("/openreferral/taxonomies/3f7b145d-84af-42d7-8fae-eaca714b02b2")]
    [InlineData("/openreferral/taxonomy_terms/3f7b145d-84af-42d7-8fae-eaca714b02b2")]
    public async Task AnUnknownId_IsA404Problem(string url)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    private static List<string?> Names(JsonElement page) => [.. page.GetProperty("contents").EnumerateArray().Select(s => s.GetProperty("name").GetString())];

    private static void AssertPage(JsonElement page, int total, int size)
    {
        OrukSchemas.AssertPage(page);
        Assert.Equal((total, size, true, size == 0), (page.GetProperty("total_items").GetInt32(), page.GetProperty("size").GetInt32(),
            page.GetProperty("first_page").GetBoolean(), page.GetProperty("empty").GetBoolean()));
    }

    private async Task<JsonElement> GetJson(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}

public sealed class OpenReferralApiTests_Sqlite(SqliteApp app) : OpenReferralApiTests<SqliteApp>(app);

public sealed class OpenReferralApiTests_PostgreSql(PostgreSqlApp app) : OpenReferralApiTests<PostgreSqlApp>(app);

/// <summary>The Open Referral UK profile's JSON Schemas, read from ../shared/standards beside the repository.</summary>
internal static class OrukSchemas
{
    private static readonly Lazy<string> Folder = new(() =>
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "..", "shared", "standards", "oruk-uk-profile-3.0", "schema");
            if (Directory.Exists(candidate))
            {
                return Path.GetFullPath(candidate);
            }
        }

        throw new DirectoryNotFoundException("The Open Referral UK schemas were not found in ../shared/standards/oruk-uk-profile-3.0/schema beside the repository.");
    });

    // Draft 2020-12, which ignores the table-schema words the profile keeps beside the JSON Schema ones (name, core, constraints).
    private static readonly BuildOptions Build = new() { SchemaRegistry = new SchemaRegistry(), Dialect = Dialect.Draft202012 };

    private static readonly Dictionary<string, JsonSchema> Schemas = [];

    private static readonly string[] PageFields = ["total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty", "contents"];

    public static void AssertValid(string name, JsonElement json)
    {
        var results = Schema(name).Evaluate(json, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        Assert.True(results.IsValid, $"Not valid against {name}: {string.Join("; ", (results.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")))}\n{json}");
    }

    /// <summary>The OpenAPI's Page: every field present with its type.</summary>
    public static void AssertPage(JsonElement page)
    {
        Assert.Equal(PageFields.Order(), page.EnumerateObject().Select(p => p.Name).Order());
        Assert.All(PageFields[..4], f => Assert.Equal(JsonValueKind.Number, page.GetProperty(f).ValueKind));
        Assert.All(PageFields[4..7], f => Assert.Contains(page.GetProperty(f).ValueKind, new[] { JsonValueKind.True, JsonValueKind.False }));
    }

    private static JsonSchema Schema(string name)
    {
        lock (Schemas)
        {
            if (!Schemas.TryGetValue(name, out var schema))
            {
                if (name == "taxonomy.json")
                {
                    Schema("taxonomy_term.json");
                }

                schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(Folder.Value, name)), Build, new Uri($"https://oruk.example/{name}"));
                Schemas[name] = schema;
            }

            return schema;
        }
    }
}
