using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Journeys;
using OpenSend.Data.Placements;

namespace OpenSend.Web.Pages.Family.Settings;

/// <summary>The family's order of preference and their reasons: needed for a setting not on the list, welcome for any.</summary>
public sealed class OrderModel(PlacementNaming naming, FormJourneyStore journeys, SettingsRegister register) : PreferencesJourney(naming, journeys)
{
    [BindProperty]
    public Dictionary<string, string?> Rank { get; set; } = [];

    [BindProperty]
    public Dictionary<string, string?> Reason { get; set; } = [];

    protected override string ThisPage => "order";

    public bool IsOnList(string urn) => Placement.Listed.Any(e => e.Urn == urn);

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        if (State.Chosen.Count == 0)
        {
            return Redirect(Link("choose"));
        }

        await LoadOtherNamesAsync(register);
        var chosen = State.Chosen;
        for (var i = 0; i < chosen.Count; i++)
        {
            Rank[chosen[i]] = (State.Ranks.TryGetValue(chosen[i], out var r) ? r : i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            Reason[chosen[i]] = State.Reasons.GetValueOrDefault(chosen[i]);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        await LoadOtherNamesAsync(register);
        var chosen = State.Chosen;
        var ranks = new Dictionary<string, int>();
        foreach (var urn in chosen)
        {
            if (!int.TryParse(Rank.GetValueOrDefault(urn), out var rank) || rank < 1 || rank > chosen.Count)
            {
                ModelState.AddModelError($"Rank[{urn}]", $"Enter a number from 1 to {chosen.Count} for {NameOf(urn)}");
            }
            else if (ranks.ContainsValue(rank))
            {
                ModelState.AddModelError($"Rank[{urn}]", $"Give {NameOf(urn)} a different number: {rank} is already used");
            }
            else
            {
                ranks[urn] = rank;
            }

            if (!IsOnList(urn) && string.IsNullOrWhiteSpace(Reason.GetValueOrDefault(urn)))
            {
                ModelState.AddModelError($"Reason[{urn}]", $"Say why you would like {NameOf(urn)}: it is not on the council's list, so your reasons help it decide");
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        State.Ranks = ranks;
        State.Reasons = chosen.ToDictionary(u => u, u => Reason.GetValueOrDefault(u));
        return await SaveAndContinueAsync();
    }
}
