using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenSend.Data.Access;
using OpenSend.Data.Placements;
using OpenSend.Domain.Common;
using OpenSend.Domain.Identity;
using OpenSend.Domain.Placements;
using OpenSend.Web.SignIn;

namespace OpenSend.Web.Pages.Placements;

/// <summary>
/// The council's suitable settings, the source of its tailored lists until local SEND partnerships
/// publish local inclusion plans (green paper ch.2 para 24). Its staff read it; the SEND manager
/// keeps it: adding a setting by URN or UKPRN, every open setting in the area at once, or taking one off.
/// </summary>
public sealed class SuitableModel(SettingsRegister register) : PageModel
{
    [BindProperty]
    public string? AddUrn { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    public IReadOnlyList<(SuitableSetting Suitable, Setting Setting, IReadOnlyList<CommissionedPlaces> Places)> Listed { get; private set; } = [];

    public bool IsManager => User.ToViewer() is { IsLaStaff: true, Role: Role.LaSendManager };

    public string? Success { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!User.ToViewer().IsLaStaff)
        {
            return Forbid();
        }

        Listed = await register.SuitableAsync(HttpContext.ToRequestContext(), HttpContext.RequestAborted);
        Success = TempData[SettingModel.SuccessKey] as string;
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync()
    {
        if (Text.NullIfBlank(AddUrn) is not { } urn)
        {
            ModelState.AddModelError(nameof(AddUrn), "Enter the setting's URN, or UKPRN- and the UKPRN of a provider the council added");
            return await OnGetAsync();
        }

        return await WriteAsync(ct => register.AddSuitableAsync(HttpContext.ToRequestContext(), urn, Note, ct), "Setting added to the list", nameof(AddUrn));
    }

    public async Task<IActionResult> OnPostRemoveAsync(string urn) =>
        await WriteAsync(ct => register.RemoveSuitableAsync(HttpContext.ToRequestContext(), urn, ct), "Setting taken off the list", nameof(AddUrn));

    public async Task<IActionResult> OnPostAreaAsync()
    {
        var added = 0;
        return await WriteAsync(async ct => added = await register.AddAreaAsync(HttpContext.ToRequestContext(), ct), null, nameof(AddUrn),
            () => $"{added} {(added == 1 ? "setting" : "settings")} in the council's area added to the list");
    }

    private async Task<IActionResult> WriteAsync(Func<CancellationToken, Task> write, string? success, string field, Func<string>? describe = null)
    {
        try
        {
            await write(HttpContext.RequestAborted);
        }
        catch (CaseAccessDeniedException)
        {
            return Forbid();
        }
        catch (StepRefusedException refused)
        {
            ModelState.AddModelError(field, refused.Message);
            return await OnGetAsync();
        }

        TempData[SettingModel.SuccessKey] = success ?? describe!();
        return Redirect("/settings/suitable");
    }
}
