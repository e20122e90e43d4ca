using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenSend.Data.Database;
using OpenSend.Domain.Common;
using OpenSend.Domain.Partnerships;

namespace OpenSend.Data.Partnerships;

public sealed record OpenReferralRejection(string Service, string Reason);

public sealed record OpenReferralImportProgress(int Read, int? Total);

public sealed record OpenReferralImportSummary(int Read, int Added, int Updated, int TermsAdded, IReadOnlyList<OpenReferralRejection> Rejected)
{
    public string Line => string.Create(CultureInfo.InvariantCulture,
        $"services read: {Read}, added: {Added}, updated: {Updated}, taxonomy terms added: {TermsAdded}, rejected: {Rejected.Count}");
}

/// <summary>
/// Loads another directory's Open Referral UK 3.0 data into an LA's local offer (`opensend import oruk`):
/// from an ORUK API's base address (every page of /services, then each /services/{id} fully nested),
/// or from a file holding one full service, a list of them, or a page of them. Services, organisations
/// and taxonomy terms keep their ids, so loading again updates rather than duplicates. Each service is
/// checked as one typed in would be and saved on its own: one that fails is reported with its reason,
/// and the others still load.
/// </summary>
public sealed class OpenReferralImport(OpenSendDbContext db, TimeProvider time)
{
    public const int PageSize = 100;

    public async Task<OpenReferralImportSummary> RunAsync(string laCode, string source, IProgress<OpenReferralImportProgress>? progress = null,
        HttpMessageHandler? handler = null, CancellationToken cancellationToken = default)
    {
        if (!await db.LocalAuthorities.AnyAsync(l => l.Code == laCode, cancellationToken))
        {
            throw new ArgumentException($"There is no local authority {laCode}.", nameof(laCode));
        }

        var services = Uri.TryCreate(source, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? FromApiAsync(uri, handler, cancellationToken)
            : FromFileAsync(source, cancellationToken);
        int read = 0, added = 0, updated = 0, termsAdded = 0;
        var rejected = new List<OpenReferralRejection>();
        await foreach (var (service, total) in services)
        {
            read++;
            try
            {
                var (wasNew, newTerms) = await LoadAsync(laCode, service, cancellationToken);
                added += wasNew ? 1 : 0;
                updated += wasNew ? 0 : 1;
                termsAdded += newTerms;
            }
            catch (StepRefusedException refused)
            {
                db.ChangeTracker.Clear();
                rejected.Add(new OpenReferralRejection($"{service.Name ?? "(no name)"} ({service.Id})", refused.Message));
            }

            progress?.Report(new OpenReferralImportProgress(read, total));
        }

        return new OpenReferralImportSummary(read, added, updated, termsAdded, rejected);
    }

    private async Task<(bool New, int TermsAdded)> LoadAsync(string laCode, OrukService oruk, CancellationToken cancellationToken)
    {
        var organisation = oruk.Organization ?? throw new StepRefusedException("organisation-missing", "The service has no organisation.");
        var provider = await db.LocalOfferProviders.SingleOrDefaultAsync(p => p.Id == organisation.Id, cancellationToken);
        if (provider is null)
        {
            db.LocalOfferProviders.Add(LocalOfferProvider.Create(organisation.Id, laCode, organisation.Name, organisation.Description, organisation.Email, organisation.Website));
        }
        else if (provider.LaCode != laCode)
        {
            throw new StepRefusedException("provider-elsewhere", $"Its organisation is already in local authority {provider.LaCode}'s local offer.");
        }
        else
        {
            provider.Describe(organisation.Name, organisation.Description, organisation.Email, organisation.Website);
        }

        var termsAdded = 0;
        var termIds = new List<Guid>();
        foreach (var attribute in oruk.Attributes ?? [])
        {
            if (attribute.TaxonomyTerm is { } term)
            {
                termsAdded += await EnsureTermAsync(term, cancellationToken) ? 1 : 0;
                termIds.Add(term.Id);
            }
            else if (attribute.TaxonomyTermId is { } id && await db.TaxonomyTerms.AnyAsync(t => t.Id == id, cancellationToken))
            {
                termIds.Add(id);
            }
        }

        var status = OpenReferral.StatusFrom(oruk.Status) ?? throw new StepRefusedException("status-invalid", $"Its status '{oruk.Status}' is not one of active, inactive, defunct or temporarily closed.");
        var details = new LocalOfferService.Details(
            oruk.Name, oruk.Description, status, oruk.Url, oruk.Email, null, null, oruk.Fees, WholeYears(oruk.MinimumAge), WholeYears(oruk.MaximumAge),
            [.. (oruk.ServiceAtLocations ?? []).Where(s => s.Location is not null).Select(s => Location(s.Id, s.Location!))],
            [.. (oruk.CostOptions ?? []).Select(c => new CostOption(c.Id, c.Option ?? c.AmountDescription ?? "Cost", c.Amount, c.AmountDescription))],
            [.. (oruk.Schedules ?? []).Where(s => !string.IsNullOrWhiteSpace(s.Description)).Select(s => new ServiceSchedule(s.Id, s.Description!))],
            termIds);
        var existing = await db.LocalOfferServices.SingleOrDefaultAsync(s => s.Id == oruk.Id, cancellationToken);
        if (existing is not null && existing.LaCode != laCode)
        {
            throw new StepRefusedException("service-elsewhere", $"It is already in local authority {existing.LaCode}'s local offer.");
        }

        if (existing is null)
        {
            db.LocalOfferServices.Add(LocalOfferService.Create(oruk.Id, laCode, organisation.Id, details, time.GetUtcNow()));
        }
        else
        {
            existing.Update(organisation.Id, details, time.GetUtcNow());
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return (existing is null, termsAdded);
    }

    private static int? WholeYears(decimal? age) => age is { } a ? (int)Math.Floor(a) : null;

    private static ServiceLocation Location(Guid serviceAtLocationId, OrukLocation location)
    {
        var address = location.Addresses?.FirstOrDefault();
        var type = location.LocationType?.Trim().ToLowerInvariant() switch
        {
            "virtual" => LocationType.Virtual,
            "postal" => LocationType.Postal,
            _ => LocationType.Physical,
        };
        return new ServiceLocation(location.Id, serviceAtLocationId, type, location.Name ?? address?.Address1 ?? "Where the service is given",
            address?.Address1, address?.City, address?.PostalCode, location.Latitude, location.Longitude, location.Accessibility?.FirstOrDefault()?.Description);
    }

    /// <summary>Adds a term (and its taxonomy) the directory has not seen; true when added.</summary>
    private async Task<bool> EnsureTermAsync(OrukTaxonomyTerm term, CancellationToken cancellationToken)
    {
        if (await db.TaxonomyTerms.AnyAsync(t => t.Id == term.Id, cancellationToken) || db.TaxonomyTerms.Local.Any(t => t.Id == term.Id))
        {
            return false;
        }

        var taxonomyName = string.IsNullOrWhiteSpace(term.Taxonomy) ? "Loaded from another directory" : term.Taxonomy.Trim();
        var taxonomyId = term.TaxonomyId ?? LocalOfferTaxonomy.IdFor($"taxonomy:{taxonomyName}");
        if (!await db.Taxonomies.AnyAsync(t => t.Id == taxonomyId, cancellationToken) && !db.Taxonomies.Local.Any(t => t.Id == taxonomyId))
        {
            db.Taxonomies.Add(new Taxonomy(taxonomyId, Cut(taxonomyName, 200), "Loaded with services from another Open Referral UK directory.", null, null));
        }

        var name = Text.NullIfBlank(term.Name) ?? Text.NullIfBlank(term.Term) ?? throw new StepRefusedException("term-name-missing", $"Its taxonomy term {term.Id} has no name.");
        db.TaxonomyTerms.Add(new TaxonomyTerm(term.Id, taxonomyId, Cut(name, 200), Cut(term.Description ?? string.Empty, 1_000), Cut(term.Term ?? name, 200), term.ParentId));
        return true;
    }

    private static string Cut(string text, int limit) => text.Length <= limit ? text : text[..limit];

    private static async IAsyncEnumerable<(OrukService Service, int? Total)> FromFileAsync(string path, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"There is no file at {Path.GetFullPath(path)}.");
        }

        await using var stream = File.OpenRead(path);
        using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        var root = document.RootElement;
        var items = root.ValueKind == JsonValueKind.Array ? root
            : root.TryGetProperty("contents", out var contents) && contents.ValueKind == JsonValueKind.Array ? contents
            : (JsonElement?)null;
        if (items is { } list)
        {
            var total = list.GetArrayLength();
            foreach (var item in list.EnumerateArray())
            {
                yield return (item.Deserialize<OrukService>(OpenReferral.Json)!, total);
            }
        }
        else
        {
            yield return (root.Deserialize<OrukService>(OpenReferral.Json)!, 1);
        }
    }

    private static async IAsyncEnumerable<(OrukService Service, int? Total)> FromApiAsync(Uri baseAddress, HttpMessageHandler? handler,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        http.Timeout = TimeSpan.FromMinutes(1);
        var root = baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");
        for (var page = 1; ; page++)
        {
            var listing = await http.GetFromJsonAsync<OrukPage<OrukService>>(new Uri(root, $"services?page={page}&per_page={PageSize}"), OpenReferral.Json, cancellationToken)
                ?? throw new InvalidDataException($"{root}services gave no page.");
            foreach (var item in listing.Contents)
            {
                yield return ((await http.GetFromJsonAsync<OrukService>(new Uri(root, $"services/{item.Id}"), OpenReferral.Json, cancellationToken))!, listing.TotalItems);
            }

            if (listing.LastPage || listing.Contents.Count == 0 || page >= listing.TotalPages)
            {
                break;
            }
        }
    }
}
