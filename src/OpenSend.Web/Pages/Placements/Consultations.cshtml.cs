using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenSend.Data.Placements;
using OpenSend.Domain.Common;
using OpenSend.Domain.Identity;
using OpenSend.Web.SignIn;

namespace OpenSend.Web.Pages.Placements;

/// <summary>A setting's consultations: councils asking whether it can meet a child's needs before naming it (s.39(2)).</summary>
public sealed class ConsultationsModel(PlacementNaming naming, TimeProvider time) : PageModel
{
    public IReadOnlyList<ConsultationRow> Rows { get; private set; } = [];

    public DateOnly Today => UkCalendar.Today(time);

    public string? Success { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (User.ToViewer() is not { IsStaff: true, OrganisationKind: OrganisationKind.Setting })
        {
            return Forbid();
        }

        Rows = await naming.ConsultationsForSettingAsync(HttpContext.ToRequestContext(), HttpContext.RequestAborted);
        Success = TempData[Case.PlacementPage.SuccessKey] as string;
        return Page();
    }
}
