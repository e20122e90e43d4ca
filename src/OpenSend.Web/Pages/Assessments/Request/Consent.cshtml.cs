using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Journeys;
using OpenSend.Web.GovUk;

namespace OpenSend.Web.Pages.Assessments.Request;

public sealed class ConsentModel(FormJourneyStore journeys) : RequestJourney(journeys)
{
    [BindProperty]
    public bool ConsentToShare { get; set; }

    public IReadOnlyList<GovUkChoice> Items { get; } =
        [new("true", "I agree that the council can share this request with the professionals it asks for advice")];

    protected override string ThisPage => RequestPages.Consent;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return Expired();
        }

        ConsentToShare = State.ConsentToShare;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return Expired();
        }

        if (!ConsentToShare)
        {
            ModelState.AddModelError(nameof(ConsentToShare), "Confirm that the council can share the request with the professionals it asks for advice");
            return Page();
        }

        State.ConsentToShare = true;
        return await SaveAndContinueAsync();
    }
}
