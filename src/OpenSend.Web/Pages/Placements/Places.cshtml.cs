using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenSend.Data.Placements;
using OpenSend.Domain.Common;
using OpenSend.Domain.Identity;
using OpenSend.Domain.Placements;
using OpenSend.Domain.Plans;
using OpenSend.Web.SignIn;

namespace OpenSend.Web.Pages.Placements;

/// <summary>The LA SEND manager records the places the council commissions at a setting, by kind of provision and need.</summary>
public sealed class PlacesModel(SettingsRegister register) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Urn { get; set; } = string.Empty;

    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public string? Need { get; set; }

    [BindProperty]
    public string? Commissioned { get; set; }

    [BindProperty]
    public string? Filled { get; set; }

    public Setting Setting { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        var kind = Enum.TryParse<PlaceKind>(Kind, out var k) ? k : (PlaceKind?)null;
        if (kind is null)
        {
            ModelState.AddModelError(nameof(Kind), "Select the kind of provision");
        }

        var commissioned = Count(Commissioned, nameof(Commissioned), "places commissioned");
        var filled = Count(Filled, nameof(Filled), "places filled");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            await register.SetPlacesAsync(HttpContext.ToRequestContext(), Urn, kind!.Value, Enum.TryParse<Sen2NeedType>(Need, out var need) ? need : null, commissioned!.Value, filled!.Value, HttpContext.RequestAborted);
        }
        catch (StepRefusedException refused)
        {
            ModelState.AddModelError(refused.Code == "places-filled" ? nameof(Filled) : nameof(Commissioned), refused.Message);
            return Page();
        }

        TempData[SettingModel.SuccessKey] = "Places recorded";
        return Redirect($"/settings/{Urn}#places");
    }

    private int? Count(string? text, string field, string what)
    {
        if (int.TryParse(Text.NullIfBlank(text), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        ModelState.AddModelError(field, $"Enter the number of {what} as a whole number, like 12");
        return null;
    }

    private async Task<IActionResult?> LoadAsync()
    {
        if (User.ToViewer() is not { IsLaStaff: true, Role: Role.LaSendManager })
        {
            return Forbid();
        }

        var details = await register.GetAsync(HttpContext.ToRequestContext(), Urn, HttpContext.RequestAborted);
        if (details is null)
        {
            return NotFound();
        }

        Setting = details.Setting;
        return null;
    }
}
