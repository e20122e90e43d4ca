using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Reviews;
using OpenSend.Domain.Reviews;
using OpenSend.Web.GovUk;

namespace OpenSend.Web.Pages.Reviews;

/// <summary>Reg 20(4): the advice and information gathered for the review go to everyone invited, at least 2 weeks before the meeting.</summary>
public sealed class PapersModel(ReviewQueries queries, PlanReviews reviews, TimeProvider time) : ReviewPage(queries, reviews, time)
{
    [BindProperty]
    public DateInput Date { get; set; } = new();

    /// <summary>Circulate now through OpenSEND (the usual way), rather than record papers sent another way.</summary>
    [BindProperty]
    public bool SendNow { get; set; }

    public override string Title => "Circulate the advice and information";

    protected override ReviewAction? Action => ReviewAction.CirculatePapers;

    public IReadOnlyList<GovUkChoice> SendChoices { get; } =
        [new("true", "Circulate them now through OpenSEND", "Everyone invited is emailed that they can read every piece of advice and the family's views in OpenSEND")];

    public async Task<IActionResult> OnGetAsync()
    {
        SendNow = true;
        return await LoadAsync() ?? Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        DateOnly? on = SendNow ? null : Date.Validate(ModelState, nameof(Date), "The date", notAfter: Today);
        var sent = 0;
        var result = await RecordAsync(async (context, ct) => sent = await Reviews.RecordPapersCirculatedAsync(context, Id, on, SendNow, ct), "Advice and information recorded as circulated");
        if (SendNow && sent > 0)
        {
            TempData[SuccessKey] = $"Advice and information circulated: {sent} {(sent == 1 ? "person" : "people")} emailed";
        }

        return result;
    }
}
