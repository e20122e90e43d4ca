using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Reviews;
using OpenSend.Domain.Reviews;
using OpenSend.Web.GovUk;

namespace OpenSend.Web.Pages.Reviews;

/// <summary>Reg 20(2): the meeting's date and the invitations, at least 2 weeks before it.</summary>
public sealed class MeetingModel(PlanReviews reviews, TimeProvider time) : ReviewPage(reviews, time)
{
    [BindProperty]
    public DateInput MeetingOn { get; set; } = new();

    [BindProperty]
    public DateInput InvitationsSentOn { get; set; } = new();

    public override string Title => "Arrange the review meeting";

    protected override ReviewAction? Action => ReviewAction.ArrangeMeeting;

    protected override string FieldFor(string refusalCode) => refusalCode == "meeting-before-invitations" ? nameof(MeetingOn) : nameof(InvitationsSentOn);

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        var meetingOn = MeetingOn.Validate(ModelState, nameof(MeetingOn), "The date of the meeting");
        var sentOn = InvitationsSentOn.Validate(ModelState, nameof(InvitationsSentOn), "The date the invitations were sent", notAfter: Today);
        return await RecordAsync((context, ct) => Reviews.ArrangeMeetingAsync(context, Id, meetingOn!.Value, sentOn!.Value, ct), "Review meeting arranged");
    }
}
