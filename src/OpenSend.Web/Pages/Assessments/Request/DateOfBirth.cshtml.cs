using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Journeys;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Common;
using OpenSend.Web.GovUk;

namespace OpenSend.Web.Pages.Assessments.Request;

public sealed class DateOfBirthModel(FormJourneyStore journeys, TimeProvider time) : RequestJourney(journeys)
{
    [BindProperty]
    public DateInput DateOfBirth { get; set; } = new();

    protected override string ThisPage => RequestPages.DateOfBirth;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return Expired();
        }

        DateOfBirth = DateInput.From(State.ChildDateOfBirth);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return Expired();
        }

        var today = UkCalendar.Today(time);
        var date = DateOfBirth.Validate(ModelState, nameof(DateOfBirth), "Date of birth", notAfter: today);
        if (date is { } born)
        {
            // EHC plans cover 0 to 25 (Children and Families Act 2014 s.46).
            if (CompulsorySchoolAge.AgeOn(born, today) >= 25)
            {
                ModelState.AddModelError(nameof(DateOfBirth), "They must be under 25. EHC needs assessments are for children and young people aged 0 to 25");
            }
            else if (State.RequesterKind == RequesterKind.YoungPerson && !CompulsorySchoolAge.IsOverCompulsorySchoolAge(born, today))
            {
                ModelState.AddModelError(nameof(DateOfBirth),
                    $"You can ask for yourself once you are over compulsory school age, after {UkCalendar.InWords(CompulsorySchoolAge.EndsOn(born))}. Until then, a parent or your school can ask");
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        State.ChildDateOfBirth = date;
        return await SaveAndContinueAsync();
    }
}
