using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Reviews;

namespace OpenSend.Web.Pages.Reviews;

/// <summary>
/// A case's requests for an early review: the council decides each with its reasons; the child's
/// setting asks from here; anyone else who sees the case reads them.
/// </summary>
public sealed class EarlyReviewModel(EarlyReviews earlyReviews, TimeProvider time) : EarlyReviewPage(earlyReviews, time)
{
    public EarlyReviewsView View => new(Reviews, ForFamily: false, Reviews.MayDecide ? request => $"/cases/{Id}/early-review/{request}" : null, Today);

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();
}
