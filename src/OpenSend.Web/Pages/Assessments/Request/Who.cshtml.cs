using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Journeys;
using OpenSend.Domain.Assessments;
using OpenSend.Web.GovUk;

namespace OpenSend.Web.Pages.Assessments.Request;

public sealed class WhoModel(FormJourneyStore journeys) : RequestJourney(journeys)
{
    [BindProperty]
    public string? RequesterKind { get; set; }

    public IReadOnlyList<GovUkChoice> Choices { get; } =
    [
        new(nameof(Domain.Assessments.RequesterKind.Parent), Domain.Assessments.RequesterKind.Parent.Title(), "Including anyone with parental responsibility or who cares for the child"),
        new(nameof(Domain.Assessments.RequesterKind.YoungPerson), Domain.Assessments.RequesterKind.YoungPerson.Title(), "Once you are over compulsory school age you can ask for yourself"),
        new(nameof(Domain.Assessments.RequesterKind.SchoolOrCollege), Domain.Assessments.RequesterKind.SchoolOrCollege.Title(), "Someone acting for the school, college or early years setting, usually the SENCO"),
        new(nameof(Domain.Assessments.RequesterKind.Other), Domain.Assessments.RequesterKind.Other.Title(), "For example a health visitor or doctor. The council will decide whether to treat this as a request"),
    ];

    protected override string ThisPage => RequestPages.Who;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return Expired();
        }

        RequesterKind = State.RequesterKind?.ToString();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return Expired();
        }

        if (!Enum.TryParse<RequesterKind>(RequesterKind, out var kind))
        {
            ModelState.AddModelError(nameof(RequesterKind), "Select who is asking for the assessment");
            return Page();
        }

        State.RequesterKind = kind;
        return await SaveAndContinueAsync();
    }
}
