using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Reviews;
using OpenSend.Domain.Reviews;
using OpenSend.Web.GovUk;

namespace OpenSend.Web.Pages.Reviews;

/// <summary>Reg 18(2): a young person is to move between post-16 institutions; the plan is reviewed and amended at least 5 months before.</summary>
public sealed class Post16TransferModel(ReviewQueries queries, PlanReviews reviews, TimeProvider time) : ReviewPage(queries, reviews, time)
{
    [BindProperty]
    public DateInput TransferOn { get; set; } = new();

    public override string Title => "A move to another college or post-16 institution";

    protected override ReviewAction? Action => ReviewAction.ProposePost16Transfer;

    protected override string FieldFor(string refusalCode) => nameof(TransferOn);

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        TransferOn = DateInput.From(Review.PhaseTransfer == OpenSend.Domain.Timescales.PhaseTransferKind.Post16ToPost16 ? Review.PhaseTransferOn : null);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        var on = TransferOn.Validate(ModelState, nameof(TransferOn), "The date of the move", notBefore: Today.AddDays(1));
        return await RecordAsync((context, ct) => Reviews.ProposePost16TransferAsync(context, Id, on!.Value, ct), "Move between post-16 institutions recorded");
    }
}
