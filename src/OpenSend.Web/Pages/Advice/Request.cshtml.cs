using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Advice;

namespace OpenSend.Web.Pages.Advice;

/// <summary>One request for advice: its due date, the advice written so far, reports attached, and the way to send it.</summary>
public sealed class RequestModel(AdviceGiving advice) : AdvicePage(advice)
{
    [BindProperty]
    public string? Summary { get; set; }

    [BindProperty]
    public Guid? ItemId { get; set; }

    public override string Title => Advice.CanWrite ? "Give your advice" : "Advice";

    protected override bool ChangesTheAdvice => HttpMethods.IsPost(Request.Method);

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        Summary = Advice.Contribution?.Summary;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        if (string.IsNullOrWhiteSpace(Summary))
        {
            ModelState.AddModelError(nameof(Summary), "Enter a summary of your advice");
        }

        return await WriteAsync((context, ct) => Giving.WriteSummaryAsync(context, RequestId, AdviceVersion, Summary, ct), "Summary saved", _ => nameof(Summary));
    }

    public async Task<IActionResult> OnPostRemoveAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        if (ItemId is not { } id)
        {
            return Redirect(AdviceLink);
        }

        Summary = Advice.Contribution?.Summary;
        return await WriteAsync(
            (context, ct) => Giving.ChangeContentAsync(context, RequestId, AdviceVersion, c => c.WithoutNeed(id).WithoutOutcome(id).WithoutProvision(id), "Item removed.", ct),
            "Removed from your advice", _ => nameof(Summary));
    }
}
