using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenSend.Data.Placements;
using OpenSend.Web.SignIn;

namespace OpenSend.Web.Pages.Placements;

/// <summary>The council's sufficiency: commissioned specialist places by need and phase, beside the children whose plans in force have that primary need.</summary>
public sealed class SufficiencyModel(SettingsRegister register) : PageModel
{
    public IReadOnlyList<SufficiencyRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!User.ToViewer().IsLaStaff)
        {
            return Forbid();
        }

        Rows = await register.SufficiencyAsync(HttpContext.ToRequestContext(), HttpContext.RequestAborted);
        return Page();
    }
}
