using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenSend.Data.Assessments;
using OpenSend.Data.Reviews;
using OpenSend.Domain.Common;
using OpenSend.Domain.Reviews;
using OpenSend.Web.Pages.Shared;
using OpenSend.Web.SignIn;

namespace OpenSend.Web.Pages.Reviews;

/// <summary>The requests for an early review on a case, as the family's and the staff's pages both show them.</summary>
public sealed record EarlyReviewsView(CaseEarlyReviews Reviews, bool ForFamily, Func<Guid, string>? DecideLink, DateOnly Today)
{
    public string Who(EarlyReviewRequest request) =>
        ForFamily && request.AskedBy == Domain.Identity.FamilyOrSetting.Family ? "You" : request.AskedByName;
}

/// <summary>Shared by the early review pages: the case's requests (404 when the viewer may not see the case) and the success banner.</summary>
public abstract class EarlyReviewPage(EarlyReviews earlyReviews, TimeProvider time) : PageModel
{
    public const string SuccessKey = "early-review.success";

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public CaseEarlyReviews Reviews { get; private set; } = default!;

    public string? Success { get; private set; }

    public DateOnly Today => UkCalendar.Today(time);

    protected EarlyReviews EarlyReviews => earlyReviews;

    protected async Task<IActionResult?> LoadAsync()
    {
        try
        {
            Reviews = await earlyReviews.ForCaseAsync(HttpContext.ToRequestContext(), Id, HttpContext.RequestAborted);
        }
        catch (CaseNotFoundException)
        {
            return NotFound();
        }

        Success = TempData[SuccessKey] as string;
        return null;
    }
}

/// <summary>
/// Where the family or the child's setting ask for an early review: one question, why, with the
/// council's stated time to decide. Anyone else is refused.
/// </summary>
public abstract class EarlyReviewAskPage(EarlyReviews earlyReviews, TimeProvider time) : EarlyReviewPage(earlyReviews, time)
{
    [BindProperty]
    public string? Reasons { get; set; }

    /// <summary>Where the asker goes once the request is sent.</summary>
    public abstract string AfterAsking { get; }

    public abstract bool ForFamily { get; }

    public async Task<IActionResult> OnGetAsync() => await LoadAskerAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync() =>
        await LoadAskerAsync() ?? await this.RecordStepAsync(ct => EarlyReviews.AskAsync(HttpContext.ToRequestContext(), Id, Reasons, ct), _ => nameof(Reasons), SuccessKey,
            $"Your request for an early review has been sent. The council will decide by {UkCalendar.InWords(Today.AddDays(Reviews.DecisionDays))} and say why.",
            AfterAsking);

    private async Task<IActionResult?> LoadAskerAsync() => await LoadAsync() ?? (Reviews.SpeaksForChild ? null : Forbid());
}
