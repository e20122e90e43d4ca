using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using OpenSend.Data.Audit;
using OpenSend.Data.Plans;
using OpenSend.Domain.Common;
using OpenSend.Domain.Plans;
using OpenSend.Domain.Returns;

namespace OpenSend.Web.Pages.Plans;

/// <summary>Section I: the setting named in the final plan, after the family's representations (s.38(2)(b)(ii), s.39–40).</summary>
public sealed class SettingModel(PlanQueries queries, PlanDrafting drafting, TimeProvider time) : PlanPage(queries, time)
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Urn { get; set; }

    [BindProperty]
    public string? Ukprn { get; set; }

    [BindProperty]
    public string? TypeOnly { get; set; }

    /// <summary>With no school or college named: what the child has instead (SEN2's setting categories).</summary>
    [BindProperty]
    public string? Arrangement { get; set; }

    [BindProperty]
    public bool Residential { get; set; }

    [BindProperty]
    public bool WorkBasedLearning { get; set; }

    public static IReadOnlyList<SelectListItem> Arrangements { get; } =
    [
        new("A school or college is named (or only its type)", string.Empty),
        new("Education otherwise than at school, arranged by the council (section 61)", nameof(Sen2SettingCategory.OLA)),
        new("Education otherwise than at school, arranged by the parents", nameof(Sen2SettingCategory.OPA)),
        new("Elective home education", nameof(Sen2SettingCategory.EHE)),
        new("An early years provider with no URN", nameof(Sen2SettingCategory.EYP)),
        new("Not in education, employment or training (aged 16 to 25)", nameof(Sen2SettingCategory.NEET)),
        new("Not in education: notice to cease the plan given", nameof(Sen2SettingCategory.NIEC)),
        new("Not in education, for another reason", nameof(Sen2SettingCategory.NIEO)),
        new("Something else", nameof(Sen2SettingCategory.OTH)),
    ];

    public override string Title => "Section I: the school or other institution";

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        if (Working.SectionI is { } setting)
        {
            (Name, Urn, Ukprn, TypeOnly) = (setting.Name, setting.Urn, setting.Ukprn, setting.TypeOnly);
            (Arrangement, Residential, WorkBasedLearning) = (setting.Arrangement?.ToString(), setting.Residential, setting.WorkBasedLearning);
        }
        else if (Case.RequestedSetting is { } requested)
        {
            Name = requested;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        if (string.IsNullOrWhiteSpace(Name))
        {
            ModelState.AddModelError(nameof(Name), "Enter the name of the school or other institution, or the type of setting");
        }

        if (!string.IsNullOrWhiteSpace(Urn) && !(Urn.Trim().Length is 6 or 7 && Urn.Trim().All(char.IsAsciiDigit)))
        {
            ModelState.AddModelError(nameof(Urn), "URN must be the 6 or 7 digits of the setting's unique reference number, like 100001");
        }

        if (!string.IsNullOrWhiteSpace(Ukprn) && !(Ukprn.Trim().Length == 8 && Ukprn.Trim().All(char.IsAsciiDigit)))
        {
            ModelState.AddModelError(nameof(Ukprn), "UKPRN must be 8 digits, like 10001234");
        }

        Sen2SettingCategory? arrangement = Enum.TryParse<Sen2SettingCategory>(Arrangement, out var chosen) ? chosen : null;
        if (arrangement is not null && (!string.IsNullOrWhiteSpace(Urn) || !string.IsNullOrWhiteSpace(Ukprn)))
        {
            ModelState.AddModelError(nameof(Arrangement), "Choose what the child has instead of a school only when no URN or UKPRN is given");
        }

        var setting = new NamedSetting(Name?.Trim() ?? string.Empty, Text.NullIfBlank(Urn), Text.NullIfBlank(Ukprn), Text.NullIfBlank(TypeOnly), arrangement, Residential, WorkBasedLearning);
        return await EditAsync(drafting, c => c.WithSetting(setting), AuditActions.PlanSettingNamed, $"Section I names {setting.Name}", _ => nameof(Name));
    }

    public async Task<IActionResult> OnPostRemoveAsync() =>
        await LoadAsync() ?? await EditAsync(drafting, c => c.WithSetting(null), AuditActions.PlanSettingRemoved, "Section I emptied", _ => nameof(Name));

}
