using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenSend.Data.Reviews;
using OpenSend.Domain.Common;
using OpenSend.Web.SignIn;

namespace OpenSend.Web.Pages.Reviews;

/// <summary>
/// A setting's reviews (the SENCO's "my reviews": due in the next 12 weeks or under way) or, for the
/// LA's staff, the review board: every open review with overdue ones first, and the counts for the
/// LA and each setting.
/// </summary>
public sealed class ListModel(ReviewQueries reviews, EarlyReviews earlyReviews, TimeProvider time) : PageModel
{
    public IReadOnlyList<ReviewRow> Rows { get; private set; } = [];

    public IReadOnlyList<ReviewCounts> Counts { get; private set; } = [];

    public bool IsBoard { get; private set; }

    /// <summary>Requests for an early review awaiting the council's decision, the earliest due first.</summary>
    public IReadOnlyList<(OpenSend.Domain.Reviews.EarlyReviewRequest Request, string Reference, string ChildName)> EarlyReviewsAwaiting { get; private set; } = [];

    public DateOnly Today => UkCalendar.Today(time);

    public async Task<IActionResult> OnGetAsync()
    {
        var viewer = User.ToViewer();
        if (viewer.IsLaStaff)
        {
            IsBoard = true;
            (Rows, Counts) = await reviews.BoardAsync(HttpContext.ToRequestContext(), HttpContext.RequestAborted);
            EarlyReviewsAwaiting = await earlyReviews.AwaitingDecisionAsync(HttpContext.ToRequestContext(), HttpContext.RequestAborted);
            return Page();
        }

        if (viewer is { IsStaff: true, OrganisationKind: Domain.Identity.OrganisationKind.Setting })
        {
            Rows = await reviews.ForSettingAsync(HttpContext.ToRequestContext(), HttpContext.RequestAborted);
            return Page();
        }

        return Forbid();
    }
}
