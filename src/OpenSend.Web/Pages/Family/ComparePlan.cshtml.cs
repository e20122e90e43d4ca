using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenSend.Data.Assessments;
using OpenSend.Data.Plans;
using OpenSend.Web.Pages.Plans;
using OpenSend.Web.SignIn;

namespace OpenSend.Web.Pages.Family;

/// <summary>What changed between two issued versions of the family's plan, section by section.</summary>
public sealed class ComparePlanModel(PlanQueries queries) : PageModel
{
    public ViewedPlan Viewed { get; private set; } = default!;

    public PlanChangesView Changes { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(Guid id, int? from, int? to)
    {
        try
        {
            Viewed = await queries.GetAsync(HttpContext.ToRequestContext(), id, HttpContext.RequestAborted);
        }
        catch (CaseNotFoundException)
        {
            return NotFound();
        }

        if (PlanChangesView.Between(Viewed.Plan?.Versions ?? [], from, to) is not { } changes)
        {
            return Redirect($"/your-requests/{id}/plan");
        }

        Changes = changes;
        return Page();
    }
}
