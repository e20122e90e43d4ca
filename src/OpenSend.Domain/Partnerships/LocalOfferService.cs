using System.Net.Mail;
using OpenSend.Domain.Common;
using static OpenSend.Domain.Common.Refusal;

namespace OpenSend.Domain.Partnerships;

/// <summary>Whether a service is running (Open Referral UK's four statuses).</summary>
public enum ServiceStatus
{
    Active,
    Inactive,
    Defunct,
    TemporarilyClosed,
}

public enum LocationType
{
    /// <summary>A place people go to.</summary>
    Physical,

    /// <summary>An address for post only.</summary>
    Postal,

    /// <summary>Online or by phone.</summary>
    Virtual,
}

/// <summary>Where a service is given; <see cref="ServiceAtLocationId"/> is the service-at-location link Open Referral UK names separately.</summary>
public sealed record ServiceLocation(Guid Id, Guid ServiceAtLocationId, LocationType Type, string Name, string? Address, string? Town, string? Postcode,
    decimal? Latitude = null, decimal? Longitude = null, string? Accessibility = null);

/// <summary>What the service costs for whom ("Free", "£5 a session").</summary>
public sealed record CostOption(Guid Id, string Option, decimal? Amount, string? AmountDescription);

/// <summary>When the service runs, in words ("Saturdays 10am to 1pm in term time").</summary>
public sealed record ServiceSchedule(Guid Id, string Description);

/// <summary>A taxonomy term the service is described by (a kind of service, a need served), a row of its own so searches use an index.</summary>
public sealed class ServiceTerm
{
    private ServiceTerm()
    {
    }

    public ServiceTerm(Guid termId) => TermId = termId;

    public Guid TermId { get; private set; }
}

/// <summary>A service-at-location link, a row of its own so Open Referral's /service_at_locations/{id} finds its service by an index.</summary>
public sealed class ServiceSite
{
    private ServiceSite()
    {
    }

    public ServiceSite(Guid serviceAtLocationId) => ServiceAtLocationId = serviceAtLocationId;

    public Guid ServiceAtLocationId { get; private set; }
}

/// <summary>The organisation that provides services in the local offer (Open Referral UK's organization): a charity, a trust, the council itself.</summary>
public sealed class LocalOfferProvider
{
    public const int NameLimit = 200;

    private LocalOfferProvider()
    {
        LaCode = Name = Description = string.Empty;
    }

    public Guid Id { get; private set; }

    public string LaCode { get; private set; }

    public string Name { get; private set; }

    public string Description { get; private set; }

    public string? Email { get; private set; }

    public string? Website { get; private set; }

    public static LocalOfferProvider Create(Guid id, string laCode, string? name, string? description, string? email, string? website)
    {
        var provider = new LocalOfferProvider { Id = id, LaCode = laCode };
        provider.Describe(name, description, email, website);
        return provider;
    }

    public void Describe(string? name, string? description, string? email, string? website)
    {
        Name = LocalOfferService.Required(name, "provider-name-missing", "Enter the name of the organisation that provides the service", NameLimit, "provider-name-too-long");
        Description = Text.NullIfBlank(description) ?? string.Empty;
        Email = LocalOfferService.CheckedEmail(email, "provider-email-invalid");
        Website = LocalOfferService.CheckedUrl(website, "provider-website-invalid");
    }
}

/// <summary>
/// One service in an area's local offer (Children and Families Act 2014 s.30): what it is, who
/// provides it, for which ages and needs, where and when, and what it costs. Kept in Open Referral
/// UK's terms so the directory can be read by any ORUK client and another directory's data loaded
/// (decision 0021). The council and its partners keep it up to date; the public reads it.
/// </summary>
public sealed class LocalOfferService
{
    public const int NameLimit = 200;
    public const int TextLimit = 4_000;
    public const int OldestAge = 25;

    private List<ServiceLocation> _locations = [];
    private List<CostOption> _costs = [];
    private List<ServiceSchedule> _schedules = [];
    private readonly List<ServiceTerm> _terms = [];
    private readonly List<ServiceSite> _sites = [];

    private LocalOfferService()
    {
        LaCode = Name = Description = string.Empty;
    }

    public Guid Id { get; private set; }

    public string LaCode { get; private set; }

    public Guid ProviderId { get; private set; }

    public string Name { get; private set; }

    public string Description { get; private set; }

    public ServiceStatus Status { get; private set; }

    public string? Url { get; private set; }

    public string? Email { get; private set; }

    public string? Phone { get; private set; }

    /// <summary>Who can use it, in words (the standard has no field for this; it is shown on the service's page).</summary>
    public string? Eligibility { get; private set; }

    /// <summary>What it costs, in words ("Free for families in the area").</summary>
    public string? Fees { get; private set; }

    public int? MinimumAge { get; private set; }

    public int? MaximumAge { get; private set; }

    public IReadOnlyList<ServiceLocation> Locations => _locations;

    public IReadOnlyList<CostOption> CostOptions => _costs;

    public IReadOnlyList<ServiceSchedule> Schedules => _schedules;

    public IReadOnlyList<ServiceTerm> Terms => _terms;

    public IReadOnlyList<ServiceSite> Sites => _sites;

    /// <summary>Lower-case name and description together, so a search for words is a plain LIKE on both providers.</summary>
    public string SearchText { get; private set; } = string.Empty;

    public DateTimeOffset LastModified { get; private set; }

    public int Version { get; private set; }

    /// <summary>The details of a service as entered or loaded; the same checks apply to both.</summary>
    public sealed record Details(
        string? Name,
        string? Description,
        ServiceStatus Status,
        string? Url,
        string? Email,
        string? Phone,
        string? Eligibility,
        string? Fees,
        int? MinimumAge,
        int? MaximumAge,
        IReadOnlyList<ServiceLocation> Locations,
        IReadOnlyList<CostOption> CostOptions,
        IReadOnlyList<ServiceSchedule> Schedules,
        IReadOnlyCollection<Guid> TermIds);

    public static LocalOfferService Create(Guid id, string laCode, Guid providerId, Details details, DateTimeOffset now)
    {
        var service = new LocalOfferService { Id = id, LaCode = laCode };
        service.Update(providerId, details, now);
        return service;
    }

    public void Update(Guid providerId, Details details, DateTimeOffset now)
    {
        Name = Required(details.Name, "service-name-missing", "Enter the name of the service", NameLimit, "service-name-too-long");
        Description = Required(details.Description, "service-description-missing", "Say what the service does", TextLimit, "service-description-too-long");
        Require(Enum.IsDefined(details.Status), "status-invalid", "Select whether the service is running");
        Require(details.MinimumAge is null or (>= 0 and <= OldestAge), "minimum-age-invalid", $"The youngest age must be between 0 and {OldestAge}");
        Require(details.MaximumAge is null or (>= 0 and <= 120), "maximum-age-invalid", "The oldest age must be a whole number of years, 120 or less");
        Require(details.MinimumAge is not { } youngest || details.MaximumAge is not { } oldest || youngest <= oldest, "ages-out-of-order",
            "The oldest age must be the same as or older than the youngest");
        Require(details.TermIds.Count > 0, "kind-missing", "Select at least one kind of service");
        Require(details.Locations.All(l => !string.IsNullOrWhiteSpace(l.Name)), "location-name-missing", "Enter the name of each place the service is given");
        Require(details.Locations.All(l => l.Type == LocationType.Virtual || !string.IsNullOrWhiteSpace(l.Postcode)), "location-postcode-missing",
            "Enter the postcode of each place people go to");
        Require(details.CostOptions.All(c => !string.IsNullOrWhiteSpace(c.Option) && c.Amount is null or >= 0), "cost-invalid",
            "Each cost needs who it is for, and an amount of £0 or more");
        ProviderId = providerId;
        Status = details.Status;
        Url = CheckedUrl(details.Url, "url-invalid");
        Email = CheckedEmail(details.Email, "email-invalid");
        Phone = Limited(details.Phone, 40, "phone-too-long", "Enter a phone number of 40 characters or fewer");
        Eligibility = Limited(details.Eligibility, TextLimit, "eligibility-too-long", $"Use {TextLimit:N0} characters or fewer");
        Fees = Limited(details.Fees, TextLimit, "fees-too-long", $"Use {TextLimit:N0} characters or fewer");
        MinimumAge = details.MinimumAge;
        MaximumAge = details.MaximumAge;
        _locations = [.. details.Locations.Select(l => l with
        {
            Name = l.Name.Trim(),
            Address = Text.NullIfBlank(l.Address),
            Town = Text.NullIfBlank(l.Town),
            Postcode = Text.NullIfBlank(l.Postcode)?.ToUpperInvariant(),
            Accessibility = Text.NullIfBlank(l.Accessibility),
        })];
        _costs = [.. details.CostOptions.Select(c => c with { Option = c.Option.Trim(), AmountDescription = Text.NullIfBlank(c.AmountDescription) })];
        _schedules = [.. details.Schedules.Where(s => !string.IsNullOrWhiteSpace(s.Description)).Select(s => s with { Description = s.Description.Trim() })];
        // Rows kept rather than replaced, so a term or place kept through an edit is the same row.
        var terms = details.TermIds.ToHashSet();
        _terms.RemoveAll(t => !terms.Contains(t.TermId));
        _terms.AddRange(terms.Where(id => _terms.All(t => t.TermId != id)).Select(id => new ServiceTerm(id)));
        var sites = _locations.Select(l => l.ServiceAtLocationId).ToHashSet();
        _sites.RemoveAll(s => !sites.Contains(s.ServiceAtLocationId));
        _sites.AddRange(sites.Where(id => _sites.All(s => s.ServiceAtLocationId != id)).Select(id => new ServiceSite(id)));
        SearchText = $"{Name} {Description}".ToLowerInvariant();
        LastModified = now;
        Version++;
    }

    /// <summary>Whether a child of <paramref name="age"/> is within the service's ages (no limit given: any age).</summary>
    public bool Serves(int age) => (MinimumAge is null || age >= MinimumAge) && (MaximumAge is null || age <= MaximumAge);

    internal static string Required(string? text, string code, string missing, int limit, string tooLongCode)
    {
        var value = Text.NullIfBlank(text);
        Require(value is not null, code, missing);
        Require(value!.Length <= limit, tooLongCode, $"Use {limit:N0} characters or fewer");
        return value;
    }

    internal static string? CheckedEmail(string? email, string code)
    {
        var value = Text.NullIfBlank(email);
        Require(value is null || (MailAddress.TryCreate(value, out var parsed) && parsed.Address == value && value.Length <= 254), code,
            "Enter an email address in the correct format, like name@example.com");
        return value;
    }

    internal static string? CheckedUrl(string? url, string code)
    {
        var value = Text.NullIfBlank(url);
        Require(value is null || (Uri.TryCreate(value, UriKind.Absolute, out var parsed) && parsed.Scheme is "https" or "http" && value.Length <= 500), code,
            "Enter a web address starting with https://");
        return value;
    }

    private static string? Limited(string? text, int limit, string code, string message)
    {
        var value = Text.NullIfBlank(text);
        Require(value is null || value.Length <= limit, code, message);
        return value;
    }
}
