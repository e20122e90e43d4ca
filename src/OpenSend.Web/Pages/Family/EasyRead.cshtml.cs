using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenSend.Data.Assessments;
using OpenSend.Data.Plans;
using OpenSend.Domain.Plans;
using OpenSend.Web.SignIn;

namespace OpenSend.Web.Pages.Family;

/// <summary>The easy-read summary of the plan the family holds, beside the full plan (issue 22).</summary>
public sealed class EasyReadModel(PlanQueries queries) : PageModel
{
    public ViewedPlan Viewed { get; private set; } = default!;

    public PlanVersion Held { get; private set; } = default!;

    public IReadOnlyList<EasyReadPart> Parts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        try
        {
            Viewed = await queries.GetAsync(HttpContext.ToRequestContext(), id, HttpContext.RequestAborted);
        }
        catch (CaseNotFoundException)
        {
            return NotFound();
        }

        if (Viewed.IssuedForFamily is not { } held)
        {
            return Redirect($"/your-requests/{id}");
        }

        Held = held;
        Parts = PlanEasyRead.Of(held.Content, Viewed.Assessment.Child.GivenName);
        return Page();
    }
}
