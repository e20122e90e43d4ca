using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Journeys;
using OpenSend.Data.Placements;
using OpenSend.Domain.Common;
using OpenSend.Domain.Placements;
using OpenSend.Web.SignIn;

namespace OpenSend.Web.Pages.Family.Settings;

/// <summary>
/// Any other school or college the family would like: their right to ask for any setting of the
/// kinds in s.38(3), and to ask the council to consider any other, whatever the list says.
/// </summary>
public sealed class OthersModel(PlacementNaming naming, FormJourneyStore journeys, SettingsRegister register) : PreferencesJourney(naming, journeys)
{
    [BindProperty(SupportsGet = true)]
    public string? Query { get; set; }

    public IReadOnlyList<SettingResult> Found { get; private set; } = [];

    protected override string ThisPage => "others";

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        await LoadOtherNamesAsync(register);
        if (Text.NullIfBlank(Query) is { } query)
        {
            // A postcode finds what is near it; anything else is a name or number.
            var search = System.Text.RegularExpressions.Regex.IsMatch(query, @"^[A-Za-z]{1,2}\d[A-Za-z\d]?\s*\d[A-Za-z]{2}$")
                ? new SettingSearch(Postcode: query, WithinKm: 10)
                : new SettingSearch(query);
            var page = await register.SearchAsync(search, HttpContext.RequestAborted);
            Found = page.Rows;
            if (page.PostcodeNotFound is { } postcode)
            {
                ModelState.AddModelError(nameof(Query), $"No schools or colleges are recorded near {postcode}. Check the postcode, or search by name");
            }
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(string urn)
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        if (await register.GetAsync(HttpContext.ToRequestContext(), urn, HttpContext.RequestAborted) is { Setting.IsOpen: true } && !State.Chosen.Contains(urn))
        {
            if (Placement.Listed.Any(e => e.Urn == urn))
            {
                State.FromList.Add(urn);
            }
            else
            {
                State.Others.Add(urn);
            }

            await Journeys.SaveAsync(Kind, JourneyId!, State, Viewed.Assessment.LaCode, HttpContext.RequestAborted);
        }

        return Redirect(Link("others", Change));
    }

    public async Task<IActionResult> OnPostRemoveAsync(string urn)
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        State.Others.Remove(urn);
        State.FromList.Remove(urn);
        State.Ranks.Remove(urn);
        await Journeys.SaveAsync(Kind, JourneyId!, State, Viewed.Assessment.LaCode, HttpContext.RequestAborted);
        return Redirect(Link("others", Change));
    }

    public async Task<IActionResult> OnPostContinueAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        if (State.Chosen.Count == 0)
        {
            await LoadOtherNamesAsync(register);
            ModelState.AddModelError(nameof(Query), "Choose at least one school or college: from the list on the last page, or search for one here");
            return Page();
        }

        return await SaveAndContinueAsync();
    }

    public static string Describe(Setting s) =>
        $"{OpenSend.Web.Pages.Placements.PlacementText.Title(s.Category)}, ages {OpenSend.Web.Pages.Placements.PlacementText.Ages(s)}{(s.Town is null ? "" : $", {s.Town}")}";
}
