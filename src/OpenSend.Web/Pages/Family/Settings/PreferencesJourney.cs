using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenSend.Data.Assessments;
using OpenSend.Data.Journeys;
using OpenSend.Data.Placements;
using OpenSend.Domain.Placements;
using OpenSend.Web.SignIn;

namespace OpenSend.Web.Pages.Family.Settings;

/// <summary>The answers of the family's "Your preferences" journey, one question per page.</summary>
public sealed class PreferencesJourneyState
{
    /// <summary>Whose journey it is: only they can carry it on.</summary>
    public Guid PersonId { get; set; }

    public Guid AssessmentId { get; set; }

    /// <summary>Settings chosen from the tailored list.</summary>
    public List<string> FromList { get; set; } = [];

    /// <summary>Any other settings the family asks for (s.38(2)(b)).</summary>
    public List<string> Others { get; set; } = [];

    /// <summary>Their order, by URN (1 first).</summary>
    public Dictionary<string, int> Ranks { get; set; } = [];

    public Dictionary<string, string?> Reasons { get; set; } = [];

    /// <summary>The preferences already sent when the journey started, so another parent's sent meanwhile are not overwritten.</summary>
    public string? StartedFrom { get; set; }

    /// <summary>Every setting chosen, in the order given (unranked ones last).</summary>
    public IReadOnlyList<string> Chosen => FromList.Concat(Others).Distinct().OrderBy(u => Ranks.GetValueOrDefault(u, int.MaxValue)).ToList();

    public bool IsRanked => Chosen.Count > 0 && Chosen.All(Ranks.ContainsKey);
}

/// <summary>
/// Shared by the journey's pages: the family's own case only, its placement once the council shared
/// the list, the journey's saved answers (theirs alone), and moving on to the next page or back to
/// "Check your answers".
/// </summary>
public abstract class PreferencesJourney(PlacementNaming naming, FormJourneyStore journeys) : PageModel
{
    public const string Kind = "setting-preferences";

    private static readonly string[] Order = ["choose", "others", "order", "check"];

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true, Name = "journey")]
    public string? JourneyId { get; set; }

    [BindProperty(SupportsGet = true, Name = "change")]
    public bool Change { get; set; }

    public PreferencesJourneyState State { get; private set; } = new();

    public ViewedPlacement Viewed { get; private set; } = default!;

    public Placement Placement => Viewed.Placement!;

    protected PlacementNaming Naming => naming;

    protected FormJourneyStore Journeys => journeys;

    protected abstract string ThisPage { get; }

    public string Start => $"/your-requests/{Id}/settings";

    public string Link(string page, bool change = false) => $"{Start}/{page}?journey={JourneyId}{(change ? "&change=true" : "")}";

    public string BackLink => Change ? Link("check") : Array.IndexOf(Order, ThisPage) is > 0 and var i ? Link(Order[i - 1]) : Start;

    /// <summary>Loads the case, the shared list and the journey; otherwise where to go instead.</summary>
    protected async Task<IActionResult?> LoadAsync()
    {
        var viewer = User.ToViewer();
        if (!viewer.IsFamily)
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

        if (Viewed.Placement is not { IsDecided: false })
        {
            return Redirect(Start);
        }

        var state = await journeys.FindAsync<PreferencesJourneyState>(Kind, JourneyId, HttpContext.RequestAborted);
        if (state is null || state.PersonId != viewer.PersonId || state.AssessmentId != Id)
        {
            return Redirect($"{Start}?expired=true");
        }

        State = state;
        return null;
    }

    protected async Task<IActionResult> SaveAndContinueAsync()
    {
        await journeys.SaveAsync(Kind, JourneyId!, State, Viewed.Assessment.LaCode, HttpContext.RequestAborted);
        return Redirect(Change ? Link("check") : Link(Order[Array.IndexOf(Order, ThisPage) + 1]));
    }

    /// <summary>A setting's name, from the list or the register.</summary>
    public string NameOf(string urn) => Viewed.Settings.TryGetValue(urn, out var s) ? s.Name : OtherNames.GetValueOrDefault(urn, urn);

    /// <summary>Names of settings the family added that the placement does not know yet.</summary>
    protected Dictionary<string, string> OtherNames { get; } = [];

    protected async Task LoadOtherNamesAsync(SettingsRegister register)
    {
        foreach (var urn in State.Others.Where(u => !Viewed.Settings.ContainsKey(u)))
        {
            if (await register.GetAsync(HttpContext.ToRequestContext(), urn, HttpContext.RequestAborted) is { } details)
            {
                OtherNames[urn] = details.Setting.Name;
            }
        }
    }
}
