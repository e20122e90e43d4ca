using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Placements;
using OpenSend.Domain.Placements;
using OpenSend.Web.GovUk;

namespace OpenSend.Web.Pages.Placements.Case;

/// <summary>
/// The council names the setting in section I: the system's proposal first, or another consulted
/// preference with no ground against it. The rules of ss.33 and 39 are checked when saving, and a
/// commissioned place is taken; a full setting is still named (s.43), and the council told.
/// </summary>
public sealed class DecisionModel(PlacementNaming naming, TimeProvider time) : PlacementPage(naming, time)
{
    [BindProperty]
    public string? Named { get; set; }

    [BindProperty]
    public DateInput DecidedOn { get; set; } = new();

    [BindProperty]
    public string? Reasons { get; set; }

    public override string Title => "Name the school or college";

    public IReadOnlyList<GovUkChoice> Candidates => Placement!.Preferences.Where(p => !p.IsExcluded).OrderBy(p => p.Rank)
        .Select(p => new GovUkChoice(p.Id.ToString(), p.Name,
            $"{(p.Source == PreferenceSource.Family ? $"The family's preference {p.Rank}" : "The council's proposal")}; {(p.ConsultationSentOn is null ? "not consulted" : p.Response?.Title() ?? "no answer yet")}; places: {PlacementText.Places(Viewed.AvailableAt(p.Urn))}"))
        .ToList();

    protected override string FieldFor(string refusalCode) => refusalCode is "date-in-future" or "date-before-previous-step" ? nameof(DecidedOn) : nameof(Named);

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        Named = Viewed.Proposal?.Id.ToString();
        DecidedOn = DateInput.From(Today);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        if (!Guid.TryParse(Named, out var preferenceId))
        {
            ModelState.AddModelError(nameof(Named), "Select the setting to name");
        }

        var on = DecidedOn.Validate(ModelState, nameof(DecidedOn), "The date of the decision", notAfter: Today);
        var name = Placement!.Preferences.FirstOrDefault(p => p.Id == preferenceId)?.Name;
        PlacementDecision? decision = null;
        return await RecordAsync(async (c, ct) => decision = await Naming.DecideAsync(c, Id, preferenceId, on!.Value, Reasons, ct),
            () => $"{name} named in section I; the family has been told{(decision?.Warning is { } warning ? ". " + warning : "")}");
    }
}
