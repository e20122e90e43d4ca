using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Journeys;

namespace OpenSend.Web.Pages.Assessments.Request;

public sealed class ChildNameModel(FormJourneyStore journeys) : RequestJourney(journeys)
{
    [BindProperty]
    public string? GivenName { get; set; }

    [BindProperty]
    public string? FamilyName { get; set; }

    protected override string ThisPage => RequestPages.ChildName;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return Expired();
        }

        (GivenName, FamilyName) = (State.ChildGivenName, State.ChildFamilyName);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return Expired();
        }

        Check(GivenName, nameof(GivenName), "first name");
        Check(FamilyName, nameof(FamilyName), "last name");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        State.ChildGivenName = GivenName!.Trim();
        State.ChildFamilyName = FamilyName!.Trim();
        return await SaveAndContinueAsync();
    }

    private void Check(string? value, string key, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            ModelState.AddModelError(key, $"Enter their {what}");
        }
        else if (value.Trim().Length > 100)
        {
            ModelState.AddModelError(key, $"Their {what} must be 100 characters or fewer");
        }
    }
}
