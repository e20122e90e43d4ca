using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Placements;

namespace OpenSend.Web.Pages.Placements.Case;

/// <summary>
/// Naming again, for an amendment that would name a different setting: s.39 applies to an amended
/// plan as to a new one, so the family's preferences are asked for afresh and each setting consulted.
/// </summary>
public sealed class ReopenModel(PlacementNaming naming, TimeProvider time) : PlacementPage(naming, time)
{
    [BindProperty]
    public string? Reason { get; set; }

    public override string Title => "Name a setting again, for an amendment";

    protected override bool NeedsPlacement => false;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? (Placement is { IsDecided: true } ? Page() : Redirect(PlacementLink));

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        if (Placement is not { IsDecided: true })
        {
            return Redirect(PlacementLink);
        }

        if (string.IsNullOrWhiteSpace(Reason))
        {
            ModelState.AddModelError(nameof(Reason), "Enter why a setting is to be named again");
        }

        return await RecordAsync((c, ct) => Naming.ReopenAsync(c, Id, Reason!, ct), "Naming again: the family has been asked for their preferences");
    }
}
