using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Reviews;
using OpenSend.Domain.Reviews;
using OpenSend.Web.GovUk;

namespace OpenSend.Web.Pages.Reviews;

public sealed class PapersModel(PlanReviews reviews, TimeProvider time) : ReviewPage(reviews, time)
{
    [BindProperty]
    public DateInput Date { get; set; } = new();

    public override string Title => "Advice and information circulated";

    protected override ReviewAction? Action => ReviewAction.CirculatePapers;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        var on = Date.Validate(ModelState, nameof(Date), "The date", notAfter: Today);
        return await RecordAsync((context, ct) => Reviews.RecordPapersCirculatedAsync(context, Id, on!.Value, ct), "Advice and information recorded as circulated");
    }
}
