using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Journeys;

namespace OpenSend.Web.Pages.Assessments.Request;

public sealed class ReasonModel(FormJourneyStore journeys) : RequestJourney(journeys)
{
    public const int MaximumLength = 10_000;

    [BindProperty]
    public string? Reason { get; set; }

    protected override string ThisPage => RequestPages.Reason;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return Expired();
        }

        Reason = State.Reason;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return Expired();
        }

        if (string.IsNullOrWhiteSpace(Reason))
        {
            ModelState.AddModelError(nameof(Reason), "Enter why you are asking for an EHC needs assessment");
            return Page();
        }

        if (Reason.Length > MaximumLength)
        {
            ModelState.AddModelError(nameof(Reason), $"Your answer must be {MaximumLength:N0} characters or fewer");
            return Page();
        }

        State.Reason = Reason.Trim();
        return await SaveAndContinueAsync();
    }
}
