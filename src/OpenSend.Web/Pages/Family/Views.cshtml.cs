using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenSend.Data.Assessments;
using OpenSend.Data.Plans;
using OpenSend.Domain.Common;
using OpenSend.Domain.Plans;
using OpenSend.Web.SignIn;

namespace OpenSend.Web.Pages.Family;

/// <summary>
/// The family's own advice for the assessment (reg 6(1)(a), reg 7): their child's views, interests
/// and hopes and their own views, in their words, for section A of the plan.
/// </summary>
public sealed class ViewsModel(PlanRepresentations representations) : PageModel
{
    public const string SuccessKey = "family.views.success";

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public string? InTheirOwnWords { get; set; }

    [BindProperty]
    public string? ParentsViews { get; set; }

    [BindProperty]
    public string? Interests { get; set; }

    [BindProperty]
    public string? Aspirations { get; set; }

    public DateTimeOffset? SentAt { get; private set; }

    public string? Success { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!User.ToViewer().IsFamily)
        {
            return Forbid();
        }

        try
        {
            if (await representations.ViewsAsync(HttpContext.ToRequestContext(), Id, HttpContext.RequestAborted) is { } sent)
            {
                (InTheirOwnWords, ParentsViews, Interests, Aspirations) = (sent.Views.InTheirOwnWords, sent.Views.ParentsViews, sent.Views.Interests, sent.Views.Aspirations);
                SentAt = sent.SentAt;
            }
        }
        catch (CaseNotFoundException)
        {
            return NotFound();
        }

        Success = TempData[SuccessKey] as string;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!User.ToViewer().IsFamily)
        {
            return Forbid();
        }

        try
        {
            await representations.SendViewsAsync(HttpContext.ToRequestContext(), Id,
                new ViewsAndAspirations(Text.NullIfBlank(InTheirOwnWords), Text.NullIfBlank(ParentsViews), Text.NullIfBlank(Interests), Text.NullIfBlank(Aspirations)),
                HttpContext.RequestAborted);
        }
        catch (CaseNotFoundException)
        {
            return NotFound();
        }
        catch (StepRefusedException refused)
        {
            ModelState.AddModelError(nameof(InTheirOwnWords), refused.Message);
            return Page();
        }

        TempData[SuccessKey] = "Your views have been sent to the council";
        return Redirect($"/your-requests/{Id}/views");
    }
}
