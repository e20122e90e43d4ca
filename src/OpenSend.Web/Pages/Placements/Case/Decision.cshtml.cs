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

    /// <summary>s.33(2): why mainstream is not provided for, when the council names a setting of its own that is not mainstream.</summary>
    [BindProperty]
    public MainstreamIncompatibleWith? MainstreamWith { get; set; }

    [BindProperty]
    public string? MainstreamEvidence { get; set; }

    [BindProperty]
    public string? MainstreamSteps { get; set; }

    /// <summary>The council proposed a setting that is not mainstream and the family asked for none: naming it needs the s.33(2) reason.</summary>
    public bool AsksSection33 => Placement!.Preferences.Any(p => p.Source == PreferenceSource.Council && !p.IsMainstream && !p.IsExcluded)
        && !Placement.FamilyPreferences.Any(p => p.IsMainstream);

    public static IReadOnlyList<GovUkChoice> Section33Choices { get; } =
    [
        new(nameof(MainstreamIncompatibleWith.FamilyWishes), "The family does not want mainstream education", "Section 33(2)(a)"),
        new(nameof(MainstreamIncompatibleWith.EfficientEducationOfOthers), "It would be incompatible with the efficient education of others", "Section 33(2)(b): record the reasonable steps considered"),
    ];

    public override string Title => "Name the school or college";

    public IReadOnlyList<GovUkChoice> Candidates => Placement!.Preferences.Where(p => !p.IsExcluded).OrderBy(p => p.Rank)
        .Select(p => new GovUkChoice(p.Id.ToString(), p.Name,
            $"{(p.Source == PreferenceSource.Family ? $"The family's preference {p.Rank}" : "The council's proposal")}; {(p.ConsultationSentOn is null ? "not consulted" : p.Response?.Title() ?? "no answer yet")}; places: {PlacementText.Places(Viewed.AvailableAt(p.Urn))}"))
        .ToList();

    protected override string FieldFor(string refusalCode) => refusalCode switch
    {
        "date-in-future" or "date-before-previous-step" => nameof(DecidedOn),
        "mainstream-presumption" when AsksSection33 => nameof(MainstreamWith),
        "mainstream-reasonable-steps" => nameof(MainstreamSteps),
        _ => nameof(Named),
    };

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
        var section33 = MainstreamWith is { } with ? new MainstreamIncompatibility(with, MainstreamEvidence ?? string.Empty, MainstreamSteps) : null;
        return await RecordAsync(async (c, ct) => decision = await Naming.DecideAsync(c, Id, preferenceId, on!.Value, Reasons, section33, ct),
            () => $"{name} named in section I; the family has been told{(decision?.Warning is { } warning ? ". " + warning : "")}");
    }
}
