using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Advice;

namespace OpenSend.Web.Pages.Advice;

/// <summary>Check your answers, then send: the advice is fixed and the council records it as received that day.</summary>
public sealed class SendModel(AdviceGiving advice) : AdvicePage(advice)
{
    public override string Title => "Check your advice before sending it";

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        return await WriteAsync((context, ct) => Giving.SendAsync(context, RequestId, AdviceVersion, ct),
            "Advice sent", _ => "Send", $"/advice/{RequestId}/sent");
    }
}
