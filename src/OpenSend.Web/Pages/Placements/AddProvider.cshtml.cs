using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenSend.Data.Access;
using OpenSend.Data.Placements;
using OpenSend.Domain.Common;
using OpenSend.Domain.Identity;
using OpenSend.Domain.Placements;
using OpenSend.Domain.Plans;
using OpenSend.Web.GovUk;
using OpenSend.Web.SignIn;

namespace OpenSend.Web.Pages.Placements;

/// <summary>The SEND manager adds a provider GIAS does not hold: a post-16 provider by UKPRN, or an independent specialist provider.</summary>
public sealed class AddProviderModel(SettingsRegister register) : PageModel
{
    [BindProperty]
    public string? Ukprn { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Category { get; set; }

    [BindProperty]
    public string? LowAge { get; set; }

    [BindProperty]
    public string? HighAge { get; set; }

    [BindProperty]
    public string? Postcode { get; set; }

    [BindProperty]
    public List<string> CatersFor { get; set; } = [];

    public IReadOnlyList<GovUkChoice> Categories { get; } =
        new[] { SettingCategory.PostSixteen, SettingCategory.IndependentSpecial, SettingCategory.AlternativeProvision, SettingCategory.Other }
            .Select(c => new GovUkChoice(c.ToString(), c.Title())).ToList();

    public IReadOnlyList<GovUkChoice> Needs { get; } = Enum.GetValues<Sen2NeedType>().Select(n => new GovUkChoice(n.ToString(), PlacementText.NeedName(n))).ToList();

    public IActionResult OnGet() => User.ToViewer() is { IsLaStaff: true, Role: Role.LaSendManager } ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.ToViewer() is not { IsLaStaff: true, Role: Role.LaSendManager })
        {
            return Forbid();
        }

        var category = Enum.TryParse<SettingCategory>(Category, out var c) ? c : (SettingCategory?)null;
        if (category is null)
        {
            ModelState.AddModelError(nameof(Category), "Select the kind of provider");
        }

        var low = Age(LowAge, nameof(LowAge));
        var high = Age(HighAge, nameof(HighAge));
        if (Text.NullIfBlank(Postcode) is null)
        {
            ModelState.AddModelError(nameof(Postcode), "Enter the provider's postcode");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            var added = await register.AddProviderAsync(HttpContext.ToRequestContext(), Ukprn ?? string.Empty, Name ?? string.Empty, category!.Value, low, high, Postcode!,
                CatersFor.Select(n => Enum.TryParse<Sen2NeedType>(n, out var need) ? need : (Sen2NeedType?)null).OfType<Sen2NeedType>().ToList(), HttpContext.RequestAborted);
            TempData[SettingModel.SuccessKey] = "Provider added to the register";
            return Redirect($"/settings/{added.Urn}");
        }
        catch (CaseAccessDeniedException)
        {
            return Forbid();
        }
        catch (StepRefusedException refused)
        {
            ModelState.AddModelError(refused.Code switch
            {
                "provider-name" => nameof(Name),
                "provider-ages" => nameof(LowAge),
                "postcode" => nameof(Postcode),
                _ => nameof(Ukprn),
            }, refused.Message);
            return Page();
        }
    }

    private int? Age(string? text, string field)
    {
        if (Text.NullIfBlank(text) is not { } value)
        {
            return null;
        }

        if (int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var age) && age <= 99)
        {
            return age;
        }

        ModelState.AddModelError(field, "Enter an age in years, like 16");
        return null;
    }
}
