using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Plans;
using OpenSend.Domain.Common;
using OpenSend.Domain.Plans;

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

        var setting = new NamedSetting(Name?.Trim() ?? string.Empty, Text.NullIfBlank(Urn), Text.NullIfBlank(Ukprn), Text.NullIfBlank(TypeOnly));
        return await EditAsync(drafting, c => c.WithSetting(setting), "plan.setting-named", $"Section I names {setting.Name}", _ => nameof(Name));
    }

    public async Task<IActionResult> OnPostRemoveAsync() =>
        await LoadAsync() ?? await EditAsync(drafting, c => c.WithSetting(null), "plan.setting-removed", "Section I emptied", _ => nameof(Name));

}
