using Microsoft.EntityFrameworkCore;
using OpenSend.Data.Database;
using OpenSend.Domain.Partnerships;

namespace OpenSend.Data.Partnerships;

/// <summary>
/// What to look for in the local offer. <see cref="LaCode"/> keeps to one area's offer (the public page);
/// the Open Referral API searches the whole directory. <see cref="MinimumAge"/> and <see cref="MaximumAge"/>
/// are the standard's filters (a service's youngest age at least, its oldest at most); <see cref="Age"/>
/// is a family's question: does it serve a child of this age? <see cref="AllTerms"/> are terms a
/// service must have every one of (a kind of service and a need).
/// </summary>
public sealed record LocalOfferSearch(
    string? LaCode = null,
    string? Words = null,
    Guid? TermId = null,
    Guid? TaxonomyId = null,
    decimal? MinimumAge = null,
    decimal? MaximumAge = null,
    int? Age = null,
    bool ActiveOnly = false,
    int Page = 1,
    int PerPage = LocalOfferSearch.DefaultPerPage,
    IReadOnlyList<Guid>? AllTerms = null)
{
    public const int DefaultPerPage = 20;

    public const int MostPerPage = 100;
}

/// <summary>A service with its provider.</summary>
public sealed record OfferedService(LocalOfferService Service, LocalOfferProvider Provider);

public sealed record LocalOfferResults(IReadOnlyList<OfferedService> Services, int Total, int Page, int PerPage)
{
    public int Pages => Math.Max(1, (int)Math.Ceiling(Total / (double)PerPage));
}

/// <summary>Reads the local offer: public data, so no viewer is needed to read it (Children and Families Act 2014 s.30(8): it is published).</summary>
public sealed class LocalOfferQueries(OpenSendDbContext db)
{
    public async Task<LocalOfferResults> SearchAsync(LocalOfferSearch search, CancellationToken cancellationToken = default)
    {
        var query = Filtered(search);
        var total = await query.CountAsync(cancellationToken);
        var (page, perPage) = Paging(search);
        var found = await query.OrderBy(s => s.Name).ThenBy(s => s.Id)
            .Skip((page - 1) * perPage).Take(perPage)
            .Join(db.LocalOfferProviders.AsNoTracking(), s => s.ProviderId, p => p.Id, (s, p) => new OfferedService(s, p))
            .ToListAsync(cancellationToken);
        return new LocalOfferResults(found, total, page, perPage);
    }

    /// <summary>The service-at-location links of the services a search finds, a page of them, each with its service and place.</summary>
    public async Task<(IReadOnlyList<(OfferedService Offered, ServiceLocation Location)> Sites, int Total, int Page, int PerPage)> SitesAsync(LocalOfferSearch search,
        CancellationToken cancellationToken = default)
    {
        var sites = Filtered(search).SelectMany(s => s.Sites, (s, x) => new { ServiceId = s.Id, s.Name, x.ServiceAtLocationId });
        var total = await sites.CountAsync(cancellationToken);
        var (page, perPage) = Paging(search);
        var chosen = await sites.OrderBy(x => x.Name).ThenBy(x => x.ServiceAtLocationId).Skip((page - 1) * perPage).Take(perPage).ToListAsync(cancellationToken);
        var ids = chosen.Select(c => c.ServiceId).Distinct().ToList();
        var services = await db.LocalOfferServices.AsNoTracking().AsSplitQuery().Where(s => ids.Contains(s.Id))
            .Join(db.LocalOfferProviders.AsNoTracking(), s => s.ProviderId, p => p.Id, (s, p) => new OfferedService(s, p))
            .ToDictionaryAsync(o => o.Service.Id, cancellationToken);
        return ([.. chosen.Select(c => (services[c.ServiceId], services[c.ServiceId].Service.Locations.Single(l => l.ServiceAtLocationId == c.ServiceAtLocationId)))], total, page, perPage);
    }

    private static (int Page, int PerPage) Paging(LocalOfferSearch search) => (Math.Max(1, search.Page), Math.Clamp(search.PerPage, 1, LocalOfferSearch.MostPerPage));

    private IQueryable<LocalOfferService> Filtered(LocalOfferSearch search)
    {
        var query = db.LocalOfferServices.AsNoTracking().AsSplitQuery();
        if (search.LaCode is { } la)
        {
            query = query.Where(s => s.LaCode == la);
        }

        if (search.ActiveOnly)
        {
            query = query.Where(s => s.Status == ServiceStatus.Active);
        }

        foreach (var word in (search.Words ?? string.Empty).ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().Take(8))
        {
            var pattern = $"%{word.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal)}%";
            query = query.Where(s => EF.Functions.Like(s.SearchText, pattern, "\\"));
        }

        if (search.TermId is { } term)
        {
            query = query.Where(s => s.Terms.Any(t => t.TermId == term));
        }

        foreach (var required in search.AllTerms ?? [])
        {
            query = query.Where(s => s.Terms.Any(t => t.TermId == required));
        }

        if (search.TaxonomyId is { } taxonomy)
        {
            var inTaxonomy = db.TaxonomyTerms.Where(t => t.TaxonomyId == taxonomy).Select(t => t.Id);
            query = query.Where(s => s.Terms.Any(t => inTaxonomy.Contains(t.TermId)));
        }

        if (search.MinimumAge is { } youngest)
        {
            query = query.Where(s => s.MinimumAge != null && s.MinimumAge >= youngest);
        }

        if (search.MaximumAge is { } oldest)
        {
            query = query.Where(s => s.MaximumAge != null && s.MaximumAge <= oldest);
        }

        if (search.Age is { } age)
        {
            query = query.Where(s => (s.MinimumAge == null || s.MinimumAge <= age) && (s.MaximumAge == null || s.MaximumAge >= age));
        }

        return query;
    }

    public async Task<OfferedService?> ServiceAsync(Guid id, CancellationToken cancellationToken = default) =>
        await db.LocalOfferServices.AsNoTracking().AsSplitQuery().Where(s => s.Id == id)
            .Join(db.LocalOfferProviders.AsNoTracking(), s => s.ProviderId, p => p.Id, (s, p) => new OfferedService(s, p))
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>The service giving the service-at-location link <paramref name="id"/>.</summary>
    public async Task<(OfferedService Offered, ServiceLocation Location)?> ServiceAtLocationAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var offered = await db.LocalOfferServices.AsNoTracking().AsSplitQuery().Where(s => s.Sites.Any(x => x.ServiceAtLocationId == id))
            .Join(db.LocalOfferProviders.AsNoTracking(), s => s.ProviderId, p => p.Id, (s, p) => new OfferedService(s, p))
            .SingleOrDefaultAsync(cancellationToken);
        return offered is null ? null : (offered, offered.Service.Locations.Single(l => l.ServiceAtLocationId == id));
    }

    /// <summary>Every taxonomy term the services name, with its taxonomy.</summary>
    public async Task<IReadOnlyDictionary<Guid, (TaxonomyTerm Term, Taxonomy Taxonomy)>> TermsAsync(IEnumerable<Guid>? ids = null, CancellationToken cancellationToken = default)
    {
        var wanted = ids?.Distinct().ToList();
        var terms = await (wanted is null ? db.TaxonomyTerms.AsNoTracking() : db.TaxonomyTerms.AsNoTracking().Where(t => wanted.Contains(t.Id)))
            .Join(db.Taxonomies.AsNoTracking(), t => t.TaxonomyId, x => x.Id, (t, x) => new { Term = t, Taxonomy = x })
            .ToListAsync(cancellationToken);
        return terms.ToDictionary(t => t.Term.Id, t => (t.Term, t.Taxonomy));
    }

    public async Task<(IReadOnlyList<TaxonomyTerm> Terms, int Total)> TermPageAsync(int page, int perPage, CancellationToken cancellationToken = default)
    {
        var total = await db.TaxonomyTerms.CountAsync(cancellationToken);
        var terms = await db.TaxonomyTerms.AsNoTracking().OrderBy(t => t.TaxonomyId).ThenBy(t => t.Name).ThenBy(t => t.Id)
            .Skip((page - 1) * perPage).Take(perPage).ToListAsync(cancellationToken);
        return (terms, total);
    }

    public async Task<IReadOnlyList<Taxonomy>> TaxonomiesAsync(CancellationToken cancellationToken = default) =>
        await db.Taxonomies.AsNoTracking().OrderBy(t => t.Name).ToListAsync(cancellationToken);

    /// <summary>The areas whose local offer is kept here, by name.</summary>
    public async Task<IReadOnlyList<(string Code, string Name)>> AreasAsync(CancellationToken cancellationToken = default) =>
        [.. (await db.LocalAuthorities.AsNoTracking().Where(l => db.LocalOfferServices.Any(s => s.LaCode == l.Code))
            .OrderBy(l => l.Name).Select(l => new { l.Code, l.Name }).ToListAsync(cancellationToken)).Select(l => (l.Code, l.Name))];

    /// <summary>An LA's providers, for choosing who gives a service.</summary>
    public async Task<IReadOnlyList<LocalOfferProvider>> ProvidersAsync(string laCode, CancellationToken cancellationToken = default) =>
        await db.LocalOfferProviders.AsNoTracking().Where(p => p.LaCode == laCode).OrderBy(p => p.Name).ToListAsync(cancellationToken);
}
