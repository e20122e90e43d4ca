using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Placements;
using OpenSend.Domain.Placements;

namespace OpenSend.Web.Pages.Placements.Case;

/// <summary>
/// The grounds for not naming a preference (s.39(4)), each with its evidence; for refusing
/// mainstream education, the reasonable steps considered (s.33). Unticking every ground clears them.
/// </summary>
public sealed class GroundsModel(PlacementNaming naming, TimeProvider time) : PlacementPage(naming, time)
{
    [BindProperty(SupportsGet = true)]
    public Guid PreferenceId { get; set; }

    [BindProperty]
    public List<string> Chosen { get; set; } = [];

    [BindProperty]
    public Dictionary<string, string?> Evidence { get; set; } = [];

    [BindProperty]
    public string? ReasonableSteps { get; set; }

    public SettingPreference? Preference => Placement?.Preferences.FirstOrDefault(p => p.Id == PreferenceId);

    public override string Title => $"Grounds for not naming {Preference?.Name}";

    /// <summary>The grounds that can apply to this setting: s.39(4)'s for a setting of a kind s.38(3) lists; otherwise that it is not one.</summary>
    public IReadOnlyList<NamingGround> Applicable => Preference is { IsSection38Setting: true }
        ? [NamingGround.UnsuitableForAgeAbilityAptitudeOrSen, NamingGround.IncompatibleWithEfficientEducationOfOthers, NamingGround.IncompatibleWithEfficientUseOfResources]
        : [NamingGround.NotASection38Setting, NamingGround.UnsuitableForAgeAbilityAptitudeOrSen, NamingGround.IncompatibleWithEfficientEducationOfOthers, NamingGround.IncompatibleWithEfficientUseOfResources];

    protected override string FieldFor(string refusalCode) => refusalCode == "ground-evidence" ? nameof(Chosen) : nameof(Chosen);

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        if (Preference is not { } preference)
        {
            return Redirect(PlacementLink);
        }

        Chosen = preference.Grounds.Select(g => g.Ground.ToString()).ToList();
        Evidence = preference.Grounds.ToDictionary(g => g.Ground.ToString(), g => (string?)g.Evidence);
        ReasonableSteps = preference.ReasonableSteps;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        if (Preference is null)
        {
            return Redirect(PlacementLink);
        }

        var grounds = new List<(NamingGround, string)>();
        foreach (var ground in Applicable.Where(g => Chosen.Contains(g.ToString())))
        {
            var evidence = Evidence.GetValueOrDefault(ground.ToString());
            if (string.IsNullOrWhiteSpace(evidence))
            {
                ModelState.AddModelError($"Evidence[{ground}]", "Give the evidence for this ground");
            }

            grounds.Add((ground, evidence ?? string.Empty));
        }

        return await RecordAsync((c, ct) => Naming.RecordGroundsAsync(c, Id, PreferenceId, grounds, ReasonableSteps, ct),
            grounds.Count == 0 ? $"Grounds cleared for {Preference.Name}" : $"Grounds recorded for {Preference.Name}");
    }
}
