using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenSend.Data.Assessments;
using OpenSend.Data.Reviews;
using OpenSend.Domain.Common;
using OpenSend.Domain.Reviews;
using OpenSend.Web.GovUk;
using OpenSend.Web.Pages.Shared;
using OpenSend.Web.SignIn;

namespace OpenSend.Web.Pages.Reviews;

/// <summary>The council decides a request for an early review: agreed with the date the review will be held by, or refused; with reasons either way.</summary>
public sealed class DecideEarlyReviewModel(EarlyReviews earlyReviews, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid RequestId { get; set; }

    [BindProperty]
    public string? Decision { get; set; }

    [BindProperty]
    public DateInput ReviewBy { get; set; } = new();

    [BindProperty]
    public string? Reasons { get; set; }

    public CaseEarlyReviews Reviews { get; private set; } = default!;

    public EarlyReviewRequest Asked { get; private set; } = default!;

    public DateOnly Today => UkCalendar.Today(time);

    public IReadOnlyList<GovUkChoice> Decisions { get; } =
    [
        new(nameof(EarlyReviewDecision.Agreed), "Agree to an early review", "The review due is brought forward to the date you give"),
        new(nameof(EarlyReviewDecision.Refused), "Refuse", "The review stays when it is due; say why"),
    ];

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        if (!Enum.TryParse<EarlyReviewDecision>(Decision, out var decision) || !Enum.IsDefined(decision))
        {
            ModelState.AddModelError(nameof(Decision), "Select whether the council agrees to an early review");
            return Page();
        }

        var reviewBy = decision == EarlyReviewDecision.Agreed ? ReviewBy.Validate(ModelState, nameof(ReviewBy), "The date the early review will be held by", notBefore: Today) : null;
        return await this.RecordStepAsync(ct => earlyReviews.DecideAsync(HttpContext.ToRequestContext(), Id, RequestId, decision, Reasons, reviewBy, ct),
            code => code.Contains("reasons", StringComparison.Ordinal) ? nameof(Reasons) : code.Contains("date", StringComparison.Ordinal) || code.Contains("earlier", StringComparison.Ordinal) ? nameof(ReviewBy) : nameof(Decision),
            EarlyReviewPage.SuccessKey,
            () => decision == EarlyReviewDecision.Agreed
                ? $"Early review agreed: the review is now due by {UkCalendar.InWords(reviewBy!.Value)}. {Asked.AskedByName} can read your reasons."
                : $"Early review refused. {Asked.AskedByName} can read your reasons.",
            $"/cases/{Id}/early-review");
    }

    private async Task<IActionResult?> LoadAsync()
    {
        try
        {
            Reviews = await earlyReviews.ForCaseAsync(HttpContext.ToRequestContext(), Id, HttpContext.RequestAborted);
        }
        catch (CaseNotFoundException)
        {
            return NotFound();
        }

        if (!Reviews.MayDecide)
        {
            return Forbid();
        }

        if (Reviews.Requests.FirstOrDefault(r => r.Id == RequestId) is not { } request)
        {
            return Redirect($"/cases/{Id}/early-review");
        }

        Asked = request;
        return null;
    }
}
