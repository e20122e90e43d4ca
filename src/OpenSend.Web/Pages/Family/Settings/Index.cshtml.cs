using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenSend.Data.Assessments;
using OpenSend.Data.Journeys;
using OpenSend.Data.Placements;
using OpenSend.Web.SignIn;

namespace OpenSend.Web.Pages.Family.Settings;

/// <summary>
/// The family's view of naming a school or college: the council's tailored list once shared, the
/// preferences they gave and what became of each, and the start of the journey to give or change them.
/// </summary>
public sealed class IndexModel(PlacementNaming naming, FormJourneyStore journeys) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Expired { get; set; }

    public ViewedPlacement Viewed { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        if (Viewed.Placement is not { IsDecided: false } placement)
        {
            return Redirect($"/your-requests/{Id}/settings");
        }

        var family = placement.FamilyPreferences.ToList();
        var state = new PreferencesJourneyState
        {
            PersonId = User.ToViewer().PersonId!.Value,
            AssessmentId = Id,
            FromList = family.Where(p => p.FromList).Select(p => p.Urn).ToList(),
            Others = family.Where(p => !p.FromList).Select(p => p.Urn).ToList(),
            Ranks = family.ToDictionary(p => p.Urn, p => p.Rank),
            Reasons = family.ToDictionary(p => p.Urn, p => p.Reasons),
            StartedFrom = placement.FamilyPreferencesFingerprint,
        };
        var journey = await journeys.StartAsync(PreferencesJourney.Kind, state, HttpContext.RequestAborted);
        return Redirect($"/your-requests/{Id}/settings/choose?journey={journey}");
    }

    private async Task<IActionResult?> LoadAsync()
    {
        if (!User.ToViewer().IsFamily)
        {
            return Forbid();
        }

        try
        {
            Viewed = await naming.GetAsync(HttpContext.ToRequestContext(), Id, HttpContext.RequestAborted);
        }
        catch (CaseNotFoundException)
        {
            return NotFound();
        }

        return null;
    }
}
