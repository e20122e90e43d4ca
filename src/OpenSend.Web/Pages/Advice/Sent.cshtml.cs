using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Advice;

namespace OpenSend.Web.Pages.Advice;

/// <summary>Confirmation that the advice reached the council, and what happens next.</summary>
public sealed class SentModel(AdviceGiving advice) : AdvicePage(advice)
{
    public override string Title => "Advice sent";

    protected override bool ChangesTheAdvice => false;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        return Advice.Contribution is { IsSent: true } ? Page() : Redirect(AdviceLink);
    }
}
