using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using OpenSend.Domain.Partnerships;

namespace OpenSend.Data.Partnerships;

/// <summary>
/// The local offer in Open Referral UK 3.0's shapes (../shared/standards/oruk-uk-profile-3.0), both ways:
/// what /openreferral serves, and what `opensend import oruk` reads from another directory. Property
/// names are the standard's (snake case); a value OpenSEND does not hold is left out rather than
/// sent as null, since the standard's schemas type every field and allow no nulls.
/// </summary>
public static class OpenReferral
{
    public const string Version = "3.0";

    public const string Profile = "https://openreferraluk.org/uk-profile/3.0";

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };

    public static string StatusText(ServiceStatus status) => status switch
    {
        ServiceStatus.Active => "active",
        ServiceStatus.Inactive => "inactive",
        ServiceStatus.Defunct => "defunct",
        _ => "temporarily closed",
    };

    public static ServiceStatus? StatusFrom(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "active" => ServiceStatus.Active,
        "inactive" => ServiceStatus.Inactive,
        "defunct" => ServiceStatus.Defunct,
        "temporarily closed" => ServiceStatus.TemporarilyClosed,
        _ => null,
    };

    private static string LocationTypeText(LocationType type) => type.ToString().ToLowerInvariant();

    public static OrukOrganization Organization(LocalOfferProvider provider) => new(provider.Id, provider.Name, provider.Description, provider.Email, provider.Website);

    /// <summary>A service as the /services list gives it: its own fields and its organisation, nothing nested deeper.</summary>
    public static OrukServiceSummary Summary(LocalOfferService service, LocalOfferProvider provider) => new(
        service.Id, provider.Id, service.Name, service.Description, StatusText(service.Status), service.Url, service.Email, service.Fees,
        service.MinimumAge, service.MaximumAge, Timestamp(service.LastModified), Organization(provider));

    /// <summary>A service fully nested, as /services/{id} gives it.</summary>
    public static OrukService Full(LocalOfferService service, LocalOfferProvider provider, IReadOnlyDictionary<Guid, (TaxonomyTerm Term, Taxonomy Taxonomy)> terms) => new(
        service.Id, provider.Id, service.Name, service.Description, StatusText(service.Status), service.Url, service.Email, service.Fees,
        service.MinimumAge, service.MaximumAge, Timestamp(service.LastModified), Organization(provider),
        [.. service.Schedules.Select(s => new OrukSchedule(s.Id, service.Id, s.Description))],
        [.. service.Locations.Select(l => new OrukServiceAtLocation(l.ServiceAtLocationId, service.Id, l.Id, Location(l, full: true)))],
        [.. service.CostOptions.Select(c => new OrukCostOption(c.Id, service.Id, c.Option, c.Amount, c.AmountDescription))],
        [.. service.Terms.Where(t => terms.ContainsKey(t.TermId)).Select(t => new OrukAttribute(
            LocalOfferTaxonomy.IdFor($"attribute:{service.Id}:{t.TermId}"), service.Id, t.TermId, "service", Term(terms[t.TermId].Term, terms[t.TermId].Taxonomy)))]);

    public static OrukLocation Location(ServiceLocation location, bool full) => new(
        location.Id, LocationTypeText(location.Type), location.Name, location.Latitude, location.Longitude,
        full && location.Address is not null && location.Town is not null && location.Postcode is not null
            ? [new OrukAddress(LocalOfferTaxonomy.IdFor($"address:{location.Id}"), location.Id, location.Address, location.Town, "England", location.Postcode, "GB",
                location.Type == LocationType.Postal ? "postal" : "physical")]
            : null,
        full && location.Accessibility is not null ? [new OrukAccessibility(LocalOfferTaxonomy.IdFor($"accessibility:{location.Id}"), location.Id, location.Accessibility)] : null);

    public static OrukTaxonomyTerm Term(TaxonomyTerm term, Taxonomy taxonomy) =>
        new(term.Id, term.Name, term.Description, term.ParentId, taxonomy.Name, taxonomy.Id, term.Code);

    public static OrukTaxonomy TaxonomyOf(Taxonomy taxonomy) => new(taxonomy.Id, taxonomy.Name, taxonomy.Description, taxonomy.Uri, taxonomy.Version);

    public static OrukPage<T> Page<T>(IReadOnlyList<T> contents, int total, int page, int perPage)
    {
        var pages = Math.Max(1, (int)Math.Ceiling(total / (double)perPage));
        return new OrukPage<T>(total, pages, page, contents.Count, page == 1, page >= pages, contents.Count == 0, contents);
    }

    private static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}

public sealed record OrukMeta(string Version, string Profile, string OpenapiUrl);

public sealed record OrukPage<T>(int TotalItems, int TotalPages, int PageNumber, int Size, bool FirstPage, bool LastPage, bool Empty, IReadOnlyList<T> Contents);

public sealed record OrukOrganization(Guid Id, string Name, string Description, string? Email = null, string? Website = null);

public sealed record OrukServiceSummary(
    Guid Id, Guid OrganizationId, string Name, string Description, string Status, string? Url, string? Email, string? Fees,
    int? MinimumAge, int? MaximumAge, string LastModified, OrukOrganization Organization);

public sealed record OrukService(
    Guid Id, Guid? OrganizationId, string? Name, string? Description, string? Status, string? Url, string? Email, string? Fees,
    decimal? MinimumAge, decimal? MaximumAge, string? LastModified, OrukOrganization? Organization,
    IReadOnlyList<OrukSchedule>? Schedules, IReadOnlyList<OrukServiceAtLocation>? ServiceAtLocations, IReadOnlyList<OrukCostOption>? CostOptions,
    IReadOnlyList<OrukAttribute>? Attributes);

public sealed record OrukSchedule(Guid Id, Guid? ServiceId, string? Description);

public sealed record OrukServiceAtLocation(Guid Id, Guid? ServiceId, Guid? LocationId, OrukLocation? Location, OrukServiceSummary? Service = null);

public sealed record OrukLocation(
    Guid Id, string LocationType, string? Name, decimal? Latitude, decimal? Longitude,
    IReadOnlyList<OrukAddress>? Addresses, IReadOnlyList<OrukAccessibility>? Accessibility);

public sealed record OrukAddress(
    Guid Id, Guid? LocationId, [property: JsonPropertyName("address_1")] string? Address1, string? City, string? StateProvince, string? PostalCode, string? Country, string? AddressType);

public sealed record OrukAccessibility(Guid Id, Guid? LocationId, string? Description);

public sealed record OrukCostOption(Guid Id, Guid? ServiceId, string? Option, decimal? Amount, string? AmountDescription);

public sealed record OrukAttribute(Guid Id, Guid? LinkId, Guid? TaxonomyTermId, string? LinkType, OrukTaxonomyTerm? TaxonomyTerm);

public sealed record OrukTaxonomyTerm(Guid Id, string? Name, string? Description, Guid? ParentId, string? Taxonomy, Guid? TaxonomyId, string? Term);

public sealed record OrukTaxonomy(Guid Id, string Name, string Description, string? Uri, string? Version);
