using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenSend.Data.Partnerships;

namespace OpenSend.Web.Partnerships;

/// <summary>
/// The local offer as an Open Referral UK 3.0 API (../shared/standards/oruk-uk-profile-3.0/schema/openapi.json)
/// at /openreferral: every area's published services, read by anyone, each response in the standard's
/// shape (validated against its compiled schemas in the tests). A bad query parameter is a 400 problem
/// naming it, as on the rest of OpenSEND's API.
/// </summary>
public static class OpenReferralEndpoints
{
    /// <summary>Where the standard's own OpenAPI is published; the meta endpoint points clients to it.</summary>
    public const string OpenApiUrl = "https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/openapi.json";

    public static void MapOpenReferralEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/openreferral").WithTags("Local offer (Open Referral UK 3.0)");

        group.MapGet("/", () => Json(new OrukMeta(OpenReferral.Version, OpenReferral.Profile, OpenApiUrl)))
            .WithSummary("What this API is: the HSDS version and profile it speaks");

        group.MapGet("/services", async Task<IResult> (HttpRequest request, LocalOfferQueries queries, CancellationToken cancellationToken) =>
        {
            if (Search(request) is not { } search)
            {
                return Problem(request);
            }

            var found = await queries.SearchAsync(search, cancellationToken);
            return Json(OpenReferral.Page([.. found.Services.Select(s => OpenReferral.Summary(s.Service, s.Provider))], found.Total, found.Page, found.PerPage));
        }).WithSummary("Services, a page at a time, with their organisation").ProducesValidationProblem();

        group.MapGet("/services/{serviceId}", async Task<IResult> (string serviceId, LocalOfferQueries queries, CancellationToken cancellationToken) =>
        {
            if (!Guid.TryParse(serviceId, out var id) || await queries.ServiceAsync(id, cancellationToken) is not { } offered)
            {
                return NotFound("service", serviceId);
            }

            var terms = await queries.TermsAsync(offered.Service.Terms.Select(t => t.TermId), cancellationToken);
            return Json(OpenReferral.Full(offered.Service, offered.Provider, terms));
        }).WithSummary("One service, fully nested");

        group.MapGet("/service_at_locations", async Task<IResult> (HttpRequest request, LocalOfferQueries queries, CancellationToken cancellationToken) =>
        {
            if (Search(request) is not { } search)
            {
                return Problem(request);
            }

            var (sites, total, page, perPage) = await queries.SitesAsync(search, cancellationToken);
            return Json(OpenReferral.Page([.. sites.Select(s => SiteOf(s.Offered, s.Location, full: false))], total, page, perPage));
        }).WithSummary("Where each service is given, a page at a time").ProducesValidationProblem();

        group.MapGet("/service_at_locations/{siteId}", async Task<IResult> (string siteId, LocalOfferQueries queries, CancellationToken cancellationToken) =>
            Guid.TryParse(siteId, out var id) && await queries.ServiceAtLocationAsync(id, cancellationToken) is { } found
                ? Json(SiteOf(found.Offered, found.Location, full: true))
                : NotFound("service at location", siteId))
            .WithSummary("One service at one location, with the place's address");

        group.MapGet("/taxonomies", async Task<IResult> (HttpRequest request, LocalOfferQueries queries, CancellationToken cancellationToken) =>
        {
            if (Paging(request) is not { } paging)
            {
                return Problem(request);
            }

            var all = await queries.TaxonomiesAsync(cancellationToken);
            return Json(OpenReferral.Page([.. all.Skip((paging.Page - 1) * paging.PerPage).Take(paging.PerPage).Select(OpenReferral.TaxonomyOf)], all.Count, paging.Page, paging.PerPage));
        }).WithSummary("The taxonomies services are described by").ProducesValidationProblem();

        group.MapGet("/taxonomies/{taxonomyId}", async Task<IResult> (string taxonomyId, LocalOfferQueries queries, CancellationToken cancellationToken) =>
            Guid.TryParse(taxonomyId, out var id) && (await queries.TaxonomiesAsync(cancellationToken)).FirstOrDefault(t => t.Id == id) is { } taxonomy
                ? Json(OpenReferral.TaxonomyOf(taxonomy))
                : NotFound("taxonomy", taxonomyId))
            .WithSummary("One taxonomy");

        group.MapGet("/taxonomy_terms", async Task<IResult> (HttpRequest request, LocalOfferQueries queries, CancellationToken cancellationToken) =>
        {
            if (Paging(request) is not { } paging)
            {
                return Problem(request);
            }

            var (terms, total) = await queries.TermPageAsync(paging.Page, paging.PerPage, cancellationToken);
            var taxonomies = (await queries.TaxonomiesAsync(cancellationToken)).ToDictionary(t => t.Id);
            return Json(OpenReferral.Page([.. terms.Select(t => OpenReferral.Term(t, taxonomies[t.TaxonomyId]))], total, paging.Page, paging.PerPage));
        }).WithSummary("Every taxonomy term, a page at a time").ProducesValidationProblem();

        group.MapGet("/taxonomy_terms/{termId}", async Task<IResult> (string termId, LocalOfferQueries queries, CancellationToken cancellationToken) =>
            Guid.TryParse(termId, out var id) && (await queries.TermsAsync([id], cancellationToken)).GetValueOrDefault(id) is { Term: not null } found
                ? Json(OpenReferral.Term(found.Term, found.Taxonomy))
                : NotFound("taxonomy term", termId))
            .WithSummary("One taxonomy term");
    }

    private static OrukServiceAtLocation SiteOf(OfferedService offered, Domain.Partnerships.ServiceLocation location, bool full) =>
        new(location.ServiceAtLocationId, offered.Service.Id, location.Id, OpenReferral.Location(location, full), OpenReferral.Summary(offered.Service, offered.Provider));

    private static JsonHttpResult<T> Json<T>(T value) => TypedResults.Json(value, OpenReferral.Json);

    private static ProblemHttpResult NotFound(string what, string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"There is no {what} {id}", detail: $"No {what} in the local offer has the id {id}.");

    private const string ErrorsKey = "openreferral-errors";

    /// <summary>The search the query asks for, or null with its errors kept for <see cref="Problem"/>.</summary>
    private static LocalOfferSearch? Search(HttpRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        var paging = Paging(request, errors);
        var term = Id(request, "taxonomy_term_id", errors);
        var taxonomy = Id(request, "taxonomy_id", errors);
        var youngest = Age(request, "minimum_age", errors);
        var oldest = Age(request, "maximum_age", errors);
        var words = request.Query["search"].ToString();
        if (words.Length > 200)
        {
            errors["search"] = ["Search for 200 characters or fewer."];
        }

        if (errors.Count > 0)
        {
            request.HttpContext.Items[ErrorsKey] = errors;
            return null;
        }

        return new LocalOfferSearch(Words: words, TermId: term, TaxonomyId: taxonomy, MinimumAge: youngest, MaximumAge: oldest, Page: paging!.Value.Page, PerPage: paging.Value.PerPage);
    }

    private static (int Page, int PerPage)? Paging(HttpRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        var paging = Paging(request, errors);
        if (errors.Count > 0)
        {
            request.HttpContext.Items[ErrorsKey] = errors;
            return null;
        }

        return paging;
    }

    private static (int Page, int PerPage)? Paging(HttpRequest request, Dictionary<string, string[]> errors)
    {
        var page = Whole(request, "page", 1, 1, int.MaxValue / LocalOfferSearch.MostPerPage, errors);
        var perPage = Whole(request, "per_page", LocalOfferSearch.DefaultPerPage, 1, LocalOfferSearch.MostPerPage, errors);
        return page is { } p && perPage is { } pp ? (p, pp) : null;
    }

    private static int? Whole(HttpRequest request, string name, int absent, int least, int most, Dictionary<string, string[]> errors)
    {
        var text = request.Query[name].ToString();
        if (text.Length == 0)
        {
            return absent;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= least && value <= most)
        {
            return value;
        }

        errors[name] = [$"{name} must be a whole number from {least} to {most.ToString("N0", CultureInfo.InvariantCulture)}."];
        return null;
    }

    private static Guid? Id(HttpRequest request, string name, Dictionary<string, string[]> errors)
    {
        var text = request.Query[name].ToString();
        if (text.Length == 0)
        {
            return null;
        }

        if (Guid.TryParse(text, out var id))
        {
            return id;
        }

        errors[name] = [$"{name} must be an id (a UUID, like 3f7b145d-84af-42d7-8fae-eaca714b02b2)."];
        return null;
    }

    private static decimal? Age(HttpRequest request, string name, Dictionary<string, string[]> errors)
    {
        var text = request.Query[name].ToString();
        if (text.Length == 0)
        {
            return null;
        }

        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var age) && age <= 150)
        {
            return age;
        }

        errors[name] = [$"{name} must be an age in years, like 5."];
        return null;
    }

    private static ValidationProblem Problem(HttpRequest request)
    {
        var errors = (Dictionary<string, string[]>)request.HttpContext.Items[ErrorsKey]!;
        return TypedResults.ValidationProblem(errors, detail: string.Join(" ", errors.Values.SelectMany(v => v)),
            title: errors.Count == 1 ? $"The {errors.Keys.Single()} parameter is not valid" : "Some parameters are not valid");
    }
}
