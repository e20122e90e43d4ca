using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenSend.Data.Assessments;
using OpenSend.Data.Audit;
using OpenSend.Data.Reviews;
using OpenSend.Domain.Common;
using OpenSend.Domain.Reviews;
using OpenSend.Web.Pages.Shared;
using OpenSend.Web.SignIn;

namespace OpenSend.Web.Pages.Reviews;

/// <summary>
/// Shared by the review's pages: loads the review within what the viewer may see (404 otherwise),
/// lets the leading setting and the LA record the meeting and report and only the LA decide (403
/// otherwise), and shows the domain's refusals against the field they concern. Nothing is saved
/// when a step is refused.
/// </summary>
public abstract class ReviewPage(ReviewQueries queries, PlanReviews reviews, TimeProvider time) : PageModel
{
    public const string SuccessKey = "review.success";

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public ViewedReview Viewed { get; private set; } = default!;

    public AnnualReview Review => Viewed.Review;

    public abstract string Title { get; }

    public DateOnly Today => UkCalendar.Today(time);

    public string ReviewLink => $"/reviews/{Id}";

    public string? Success { get; private set; }

    protected PlanReviews Reviews => reviews;

    protected RequestContext Context => HttpContext.ToRequestContext();

    /// <summary>The step this page records (none for the review page itself), checked against the review's stage.</summary>
    protected virtual ReviewAction? Action => null;

    /// <summary>Deciding is the LA's; the meeting and report are also the leading setting's.</summary>
    protected virtual bool LaOnly => false;

    /// <summary>Giving advice for the review is open to everyone who may see the case (reg 20(3)).</summary>
    protected virtual bool OpenToEveryReader => false;

    protected virtual string FieldFor(string refusalCode) => "Date";

    protected async Task<IActionResult?> LoadAsync()
    {
        // Staff pages; the family's view of progress comes with the family's own review pages.
        if (!User.ToViewer().IsStaff)
        {
            return NotFound();
        }

        try
        {
            Viewed = await queries.GetAsync(Context, Id, HttpContext.RequestAborted, forStep: !HttpMethods.IsGet(Request.Method));
        }
        catch (CaseNotFoundException)
        {
            return NotFound();
        }

        if (Action is { } action)
        {
            if (!OpenToEveryReader && !(Viewed.CanManage || (!LaOnly && Viewed.CanLead)))
            {
                return Forbid();
            }

            if (!ReviewTransitions.IsAllowed(Review.Stage, action))
            {
                return Redirect(ReviewLink);
            }
        }

        Success = TempData[SuccessKey] as string;
        return null;
    }

    protected Task<IActionResult> RecordAsync(Func<RequestContext, CancellationToken, Task> write, string success) =>
        this.RecordStepAsync(ct => write(Context, ct), FieldFor, SuccessKey, success, ReviewLink);
}
