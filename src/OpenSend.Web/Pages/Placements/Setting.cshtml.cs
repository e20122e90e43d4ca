using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenSend.Data.Access;
using OpenSend.Data.Placements;
using OpenSend.Domain.Common;
using OpenSend.Domain.Identity;
using OpenSend.Web.SignIn;

namespace OpenSend.Web.Pages.Placements;

/// <summary>One setting in the register; for the LA's staff, the places it commissions there and whether it is on its suitable list.</summary>
public sealed class SettingModel(SettingsRegister register) : PageModel
{
    public const string SuccessKey = "setting.success";

    [BindProperty(SupportsGet = true)]
    public string Urn { get; set; } = string.Empty;

    public SettingDetails Details { get; private set; } = default!;

    public bool IsLaStaff => User.ToViewer().IsLaStaff;

    public bool IsManager => User.ToViewer() is { IsLaStaff: true, Role: Role.LaSendManager };

    public string? Success { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await register.GetAsync(HttpContext.ToRequestContext(), Urn, HttpContext.RequestAborted) is not { } details)
        {
            return NotFound();
        }

        Details = details;
        Success = TempData[SuccessKey] as string;
        return Page();
    }

    /// <summary>The SEND manager puts the setting on, or takes it off, the council's suitable list.</summary>
    public async Task<IActionResult> OnPostListAsync(bool add)
    {
        try
        {
            var context = HttpContext.ToRequestContext();
            if (add)
            {
                await register.AddSuitableAsync(context, Urn, null, HttpContext.RequestAborted);
            }
            else
            {
                await register.RemoveSuitableAsync(context, Urn, HttpContext.RequestAborted);
            }

            TempData[SuccessKey] = add ? "Added to the council's suitable settings" : "Taken off the council's suitable settings";
        }
        catch (CaseAccessDeniedException)
        {
            return Forbid();
        }
        catch (StepRefusedException refused)
        {
            ModelState.AddModelError("list", refused.Message);
            return await OnGetAsync();
        }

        return Redirect($"/settings/{Urn}");
    }
}
