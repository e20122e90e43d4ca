using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenSend.Data.Assessments;
using OpenSend.Data.Reviews;
using OpenSend.Domain.Common;
using OpenSend.Domain.Timescales;
using OpenSend.Web.SignIn;

namespace OpenSend.Web.Pages.Family;

/// <summary>
/// The family's view of their child's plan review: when it is due, the meeting, their own and their
/// child's views for it (s.19; reg 20(3)), everyone's advice once circulated (reg 20(4)), the report's
/// progress and the council's decision.
/// </summary>
public sealed class ReviewModel(ReviewQueries queries, PlanReviews reviews, EarlyReviews earlyReviews, TimeProvider time) : PageModel
{
    public const string SuccessKey = "family.review.success";

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public string? ChildViews { get; set; }

    [BindProperty]
    public string? FamilyViews { get; set; }

    public ViewedReview? Viewed { get; private set; }

    public IReadOnlyList<OutcomeTimeline> Progress { get; private set; } = [];

    /// <summary>The family's requests for an early review and the council's decisions.</summary>
    public CaseEarlyReviews EarlyReviews { get; private set; } = default!;

    public DateOnly Today => UkCalendar.Today(time);

    public DateOnly? ViewsBy => Viewed?.Review.MeetingOn is { } meeting ? Viewed.Review.RuleSet.Rule(StatutoryStep.PapersBy).DueFrom(meeting) : null;

    public string? Success { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        if (Viewed is null)
        {
            return Redirect($"/your-requests/{Id}");
        }

        if (string.IsNullOrWhiteSpace(FamilyViews))
        {
            ModelState.AddModelError(nameof(FamilyViews), "Enter your views for the review");
            return Page();
        }

        try
        {
            await reviews.ContributeAsync(HttpContext.ToRequestContext(), Viewed.Review.Id, ChildViews, FamilyViews, HttpContext.RequestAborted);
        }
        catch (StepRefusedException refused)
        {
            ModelState.AddModelError(nameof(FamilyViews), refused.Message);
            return Page();
        }

        TempData[SuccessKey] = "Your views have been given for the review";
        return Redirect($"/your-requests/{Id}/review");
    }

    private async Task<IActionResult?> LoadAsync()
    {
        if (!User.ToViewer().IsFamily)
        {
            return Forbid();
        }

        try
        {
            var context = HttpContext.ToRequestContext();
            Viewed = await queries.CurrentOfCaseAsync(context, Id, HttpContext.RequestAborted);
            Progress = await queries.ProgressAsync(context, Id, HttpContext.RequestAborted);
            EarlyReviews = await earlyReviews.ForCaseAsync(context, Id, HttpContext.RequestAborted);
        }
        catch (CaseNotFoundException)
        {
            return NotFound();
        }

        Success = TempData[SuccessKey] as string ?? TempData[Reviews.EarlyReviewPage.SuccessKey] as string;
        return null;
    }
}
