using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Reviews;
using OpenSend.Domain.Reviews;

namespace OpenSend.Web.Pages.Reviews;

/// <summary>
/// Reg 20(3): a professional invited to the review (the school, health, social care, the council
/// itself) gives their advice and information for it, between the invitations and the meeting.
/// </summary>
public sealed class AdviceModel(ReviewQueries queries, PlanReviews reviews, TimeProvider time) : ReviewPage(queries, reviews, time)
{
    [BindProperty]
    public string? Advice { get; set; }

    public override string Title => "Give advice and information for the review";

    protected override ReviewAction? Action => ReviewAction.Contribute;

    protected override bool OpenToEveryReader => true;

    protected override string FieldFor(string refusalCode) => nameof(Advice);

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        if (string.IsNullOrWhiteSpace(Advice))
        {
            ModelState.AddModelError(nameof(Advice), "Enter your advice and information for the review");
        }

        return await RecordAsync((context, ct) => Reviews.ContributeAsync(context, Id, null, Advice!, ct), "Your advice for the review has been given");
    }
}
