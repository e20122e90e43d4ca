using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenSend.Data.Plans;
using OpenSend.Domain.Identity;
using OpenSend.Web.SignIn;

namespace OpenSend.Web.Pages.Plans;

/// <summary>
/// Provision someone says now is missing, on every plan in force the viewer sees: the council's whole
/// caseload, unanswered first; a setting sees its own pupils' (issue 22).
/// </summary>
public sealed class UndeliveredModel(ProvisionDeliveryQueries queries) : PageModel
{
    /// <summary>More than a page of reports is a list to work through in order, not to read at once.</summary>
    public const int Shown = 200;

    public IReadOnlyList<UndeliveredProvision> Reports { get; private set; } = [];

    public bool IsCouncil { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var context = HttpContext.ToRequestContext();
        if (context.Viewer is not ({ IsLaStaff: true } or { IsStaff: true, OrganisationKind: OrganisationKind.Setting }))
        {
            // Advisers, panels and the DfE report on no child's provision and answer none.
            return Forbid();
        }

        IsCouncil = context.Viewer.IsLaStaff;
        Reports = await queries.UndeliveredAsync(context, Shown + 1, HttpContext.RequestAborted);
        return Page();
    }
}
