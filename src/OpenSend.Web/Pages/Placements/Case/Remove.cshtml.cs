using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Placements;
using OpenSend.Domain.Placements;

namespace OpenSend.Web.Pages.Placements.Case;

/// <summary>The caseworker takes a setting off the list, saying why.</summary>
public sealed class RemoveModel(PlacementNaming naming, TimeProvider time) : PlacementPage(naming, time)
{
    [BindProperty(SupportsGet = true)]
    public string Urn { get; set; } = string.Empty;

    [BindProperty]
    public string? Reason { get; set; }

    public ListEntry? Entry => Placement?.Listed.FirstOrDefault(e => e.Urn == Urn);

    public override string Title => $"Take {Entry?.Name} off the list";

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? (Entry is null ? Redirect(PlacementLink) : Page());

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        if (string.IsNullOrWhiteSpace(Reason))
        {
            ModelState.AddModelError(nameof(Reason), "Enter why this setting is coming off the list");
        }

        return await RecordAsync((c, ct) => Naming.RemoveFromListAsync(c, Id, Urn, Reason!, ct), "Setting taken off the list");
    }
}
