using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Journeys;
using OpenSend.Data.Placements;
using OpenSend.Domain.Common;
using OpenSend.Web.SignIn;

namespace OpenSend.Web.Pages.Family.Settings;

/// <summary>Check your answers, then send the preferences to the council (they replace any sent before).</summary>
public sealed class CheckModel(PlacementNaming naming, FormJourneyStore journeys, SettingsRegister register) : PreferencesJourney(naming, journeys)
{
    protected override string ThisPage => "check";

    public bool IsOnList(string urn) => Placement.Listed.Any(e => e.Urn == urn);

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        await LoadOtherNamesAsync(register);
        return State.IsRanked ? Page() : Redirect(Link("order"));
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        if (!State.IsRanked)
        {
            return Redirect(Link("order"));
        }

        await LoadOtherNamesAsync(register);
        try
        {
            await Naming.ExpressPreferencesAsync(HttpContext.ToRequestContext(), Id, State.Chosen.Select(u => (u, State.Reasons.GetValueOrDefault(u))).ToList(), State.StartedFrom, HttpContext.RequestAborted);
        }
        catch (StepRefusedException refused)
        {
            ModelState.AddModelError("preferences", refused.Message);
            return Page();
        }

        await Journeys.RemoveAsync(Kind, JourneyId!, HttpContext.RequestAborted);
        return Redirect($"{Start}/sent");
    }
}
