using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using OpenSend.Data.Partnerships;
using OpenSend.Domain.Common;
using OpenSend.Domain.Partnerships;

namespace OpenSend.Web.Pages.Partnerships;

/// <summary>
/// The local offer, searchable by anyone (Children and Families Act 2014 s.30): an area's services by
/// words, kind of service, need and a child's age. Families can still ask for any setting or service;
/// this shows what the area says is there.
/// </summary>
public sealed class LocalOfferModel(LocalOfferQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? La { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Words { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Need { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Age { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<SelectListItem> Areas { get; private set; } = [];

    public string? AreaName { get; private set; }

    public LocalOfferResults? Results { get; private set; }

    public IReadOnlyDictionary<Guid, TaxonomyTerm> Terms { get; } = LocalOfferTaxonomy.Terms.ToDictionary(t => t.Id);

    public static IReadOnlyList<SelectListItem> Kinds { get; } =
        [new SelectListItem("Any kind of service", string.Empty), .. LocalOfferTaxonomy.Kinds.Select(k => new SelectListItem(k.Name, k.Code))];

    public static IReadOnlyList<SelectListItem> Needs { get; } =
        [new SelectListItem("Any need", string.Empty), .. LocalOfferTaxonomy.Needs.Select(n => new SelectListItem(n.Name, n.Code))];

    public async Task<IActionResult> OnGetAsync()
    {
        var areas = await queries.AreasAsync(HttpContext.RequestAborted);
        Areas = [new SelectListItem("Choose a council", string.Empty), .. areas.Select(a => new SelectListItem(a.Name, a.Code))];
        if (Text.NullIfBlank(La) is not { } la)
        {
            return Page();
        }

        if (areas.FirstOrDefault(a => a.Code == la) is not { Code: not null } area)
        {
            ModelState.AddModelError(nameof(La), "Choose a council from the list");
            return Page();
        }

        AreaName = area.Name;
        int? age = null;
        if (Text.NullIfBlank(Age) is { } text)
        {
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var years) && years <= LocalOfferService.OldestAge)
            {
                age = years;
            }
            else
            {
                ModelState.AddModelError(nameof(Age), $"Enter the child's age in whole years, from 0 to {LocalOfferService.OldestAge}");
                return Page();
            }
        }

        Guid?[] terms = [LocalOfferTaxonomy.Kinds.FirstOrDefault(k => k.Code == Kind)?.Id, LocalOfferTaxonomy.Needs.FirstOrDefault(n => n.Code == Need)?.Id];
        Results = await queries.SearchAsync(new LocalOfferSearch(la, Words, Age: age, ActiveOnly: true, Page: PageNumber, AllTerms: [.. terms.OfType<Guid>()]),
            HttpContext.RequestAborted);
        return Page();
    }

    /// <summary>A service's ages in words, as the search results and the service's own page show them.</summary>
    public static string Ages(LocalOfferService service) => (service.MinimumAge, service.MaximumAge) switch
    {
        (null, null) => "Any age",
        ({ } from, null) => $"From {from}",
        (null, { } to) => $"Up to {to}",
        ({ } from, { } to) => $"{from} to {to}",
    };

    public string PageLink(int page) => QueryString.Create(new Dictionary<string, string?>
    {
        [nameof(La)] = La,
        [nameof(Words)] = Words,
        [nameof(Kind)] = Kind,
        [nameof(Need)] = Need,
        [nameof(Age)] = Age,
        ["p"] = page.ToString(CultureInfo.InvariantCulture),
    }.Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent();
}
