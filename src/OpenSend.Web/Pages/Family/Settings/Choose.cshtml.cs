using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Journeys;
using OpenSend.Data.Placements;
using OpenSend.Web.GovUk;

namespace OpenSend.Web.Pages.Family.Settings;

/// <summary>Which settings on the council's list the family would like considered (none is an answer: they may ask for others).</summary>
public sealed class ChooseModel(PlacementNaming naming, FormJourneyStore journeys) : PreferencesJourney(naming, journeys)
{
    [BindProperty]
    public List<string> Chosen { get; set; } = [];

    protected override string ThisPage => "choose";

    public IReadOnlyList<GovUkChoice> Choices => Placement.Listed
        .Select(e => new GovUkChoice(e.Urn, e.Name, $"{e.Why}{(e.DistanceKm is { } km ? $", {km:0.0} km from home" : "")}")).ToList();

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        Chosen = State.FromList;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        var listed = Placement.Listed.Select(e => e.Urn).ToHashSet(StringComparer.Ordinal);
        State.FromList = Chosen.Where(listed.Contains).Distinct().ToList();
        return await SaveAndContinueAsync();
    }
}
