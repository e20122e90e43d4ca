using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Assessments;
using OpenSend.Domain.Assessments;
using OpenSend.Web.GovUk;

namespace OpenSend.Web.Pages.Assessments.Cases;

/// <summary>Reg 13(1)(a)(ii): the meeting the family required about the draft plan, held before the plan is made final.</summary>
public sealed class DraftPlanMeetingModel(AssessmentQueries queries, AssessmentCases cases, TimeProvider time) : CaseStepPage(queries, time)
{
    [BindProperty]
    public DateInput HeldOn { get; set; } = new();

    public override string Title => "Meeting about the draft plan";

    protected override PathwayAction[] Actions => [PathwayAction.IssueFinalPlan];

    protected override string DateField => nameof(HeldOn);

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() is { } elsewhere ? elsewhere : Case.MeetingRequested ? Page() : Redirect(CaseLink);

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        var heldOn = HeldOn.Validate(ModelState, nameof(HeldOn), "The date of the meeting", notAfter: Today);
        return await RecordAsync((context, ct) => cases.RecordRequestedMeetingHeldAsync(context, Id, heldOn!.Value, ct), "Meeting about the draft plan recorded");
    }
}
