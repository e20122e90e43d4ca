using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenSend.Data.Assessments;
using OpenSend.Data.Plans;
using OpenSend.Domain.Common;
using OpenSend.Domain.Plans;
using OpenSend.Web.SignIn;

namespace OpenSend.Web.Pages.Family;

/// <summary>One comment on a section or item of the draft plan.</summary>
public sealed class CommentOnPlanModel(PlanQueries queries, PlanRepresentations representations) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Section { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Item { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    public ViewedPlan Viewed { get; private set; } = default!;

    public PlanSection CommentedSection { get; private set; }

    public PlanItem? CommentedItem { get; private set; }

    public string About => CommentedItem is { } item ? $"'{item.Heading}' in section {CommentedSection}" : $"section {CommentedSection}: {PlanReading.Title(CommentedSection)}";

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        if (string.IsNullOrWhiteSpace(Comment))
        {
            ModelState.AddModelError(nameof(Comment), "Enter your comment");
            return Page();
        }

        try
        {
            await representations.CommentAsync(HttpContext.ToRequestContext(), Id, CommentedSection, CommentedItem?.ItemId, Comment, HttpContext.RequestAborted);
        }
        catch (StepRefusedException refused)
        {
            ModelState.AddModelError(nameof(Comment), refused.Message);
            return Page();
        }

        TempData[DraftPlanModel.SuccessKey] = $"Your comment on {About} has been sent to the council";
        return Redirect($"/your-requests/{Id}/draft-plan");
    }

    private async Task<IActionResult?> LoadAsync()
    {
        try
        {
            Viewed = await queries.GetAsync(HttpContext.ToRequestContext(), Id, HttpContext.RequestAborted);
        }
        catch (CaseNotFoundException)
        {
            return NotFound();
        }

        if (Viewed.DraftForFamily is not { } draft || !Enum.TryParse<PlanSection>(Section, out var section))
        {
            return Redirect($"/your-requests/{Id}");
        }

        CommentedSection = section;
        if (Guid.TryParse(Item, out var itemId))
        {
            CommentedItem = PlanReading.Items(draft.Content, section).FirstOrDefault(i => i.ItemId == itemId);
            if (CommentedItem is null)
            {
                return Redirect($"/your-requests/{Id}/draft-plan");
            }
        }

        return null;
    }
}
