using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Journeys;
using OpenSend.Domain.Assessments;
using OpenSend.Web.GovUk;

namespace OpenSend.Web.Pages.Assessments.Request;

public sealed class YourDetailsModel(FormJourneyStore journeys) : RequestJourney(journeys)
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Phone { get; set; }

    [BindProperty]
    public string? Organisation { get; set; }

    public bool AsksForOrganisation => State.RequesterKind is RequesterKind.SchoolOrCollege or RequesterKind.Other;

    protected override string ThisPage => RequestPages.YourDetails;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return Expired();
        }

        (Name, Email, Phone, Organisation) = (State.RequesterName, State.RequesterEmail, State.RequesterPhone, State.RequesterOrganisation);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return Expired();
        }

        if (string.IsNullOrWhiteSpace(Name))
        {
            ModelState.AddModelError(nameof(Name), "Enter your full name");
        }
        else if (Name.Length > 200)
        {
            ModelState.AddModelError(nameof(Name), "Full name must be 200 characters or fewer");
        }

        if (string.IsNullOrWhiteSpace(Email))
        {
            ModelState.AddModelError(nameof(Email), "Enter your email address");
        }
        else if (EmailAddresses.Parse(Email) is null)
        {
            ModelState.AddModelError(nameof(Email), EmailAddresses.FormatMessage);
        }

        if (AsksForOrganisation && string.IsNullOrWhiteSpace(Organisation))
        {
            ModelState.AddModelError(nameof(Organisation), "Enter the name of your school, college or organisation");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        State.RequesterName = Name!.Trim();
        State.RequesterEmail = Email!.Trim();
        State.RequesterPhone = string.IsNullOrWhiteSpace(Phone) ? null : Phone.Trim();
        State.RequesterOrganisation = AsksForOrganisation ? Organisation!.Trim() : null;
        return await SaveAndContinueAsync();
    }
}
