using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenSend.Data.Placements;
using OpenSend.Domain.Common;
using OpenSend.Domain.Placements;
using OpenSend.Domain.Plans;

namespace OpenSend.Web.Pages.Placements;

/// <summary>The settings register, searchable by anyone: by name or number, type, phase, need catered for and distance from a postcode.</summary>
public sealed class SettingsModel(SettingsRegister register) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Category { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Phase { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Need { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Postcode { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Within { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public SettingSearchPage? Results { get; private set; }

    public bool Searched { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Searched = new[] { Query, Category, Phase, Need, Postcode }.Any(v => !string.IsNullOrWhiteSpace(v));
        double? within = null;
        if (Text.NullIfBlank(Within) is { } text)
        {
            if (double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var km) && km is >= 1 and <= 200)
            {
                within = km;
            }
            else
            {
                ModelState.AddModelError(nameof(Within), "Enter a distance from 1 to 200 kilometres");
            }
        }

        if (!Searched || !ModelState.IsValid)
        {
            return Page();
        }

        Results = await register.SearchAsync(new SettingSearch(Query,
            Enum.TryParse<SettingCategory>(Category, out var category) ? category : null,
            Phase,
            Enum.TryParse<Sen2NeedType>(Need, out var need) ? need : null,
            Postcode, within, Page: PageNumber), HttpContext.RequestAborted);
        if (Results.PostcodeNotFound is { } postcode)
        {
            ModelState.AddModelError(nameof(Postcode), $"No settings are recorded near {postcode}. Check the postcode, or search without it");
        }

        return Page();
    }

    public string PageLink(int page) => QueryString.Create(new Dictionary<string, string?>
    {
        [nameof(Query)] = Query,
        [nameof(Category)] = Category,
        [nameof(Phase)] = Phase,
        [nameof(Need)] = Need,
        [nameof(Postcode)] = Postcode,
        [nameof(Within)] = Within,
        ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent();
}
