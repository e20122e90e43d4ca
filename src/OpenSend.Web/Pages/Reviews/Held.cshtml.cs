using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Reviews;
using OpenSend.Domain.Reviews;
using OpenSend.Web.GovUk;

namespace OpenSend.Web.Pages.Reviews;

public sealed class HeldModel(ReviewQueries queries, PlanReviews reviews, TimeProvider time) : ReviewPage(queries, reviews, time)
{
    [BindProperty]
    public DateInput Date { get; set; } = new();

    public override string Title => "Review meeting held";

    protected override ReviewAction? Action => ReviewAction.HoldMeeting;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        var on = Date.Validate(ModelState, nameof(Date), "The date", notAfter: Today);
        return await RecordAsync((context, ct) => Reviews.RecordMeetingHeldAsync(context, Id, on!.Value, ct), "Review meeting recorded as held");
    }
}
