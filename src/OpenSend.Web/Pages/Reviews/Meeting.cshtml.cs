using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Reviews;
using OpenSend.Domain.Reviews;
using OpenSend.Web.GovUk;

namespace OpenSend.Web.Pages.Reviews;

/// <summary>Reg 20(3): the meeting's date and the invitations, at least 2 weeks before it.</summary>
public sealed class MeetingModel(ReviewQueries queries, PlanReviews reviews, TimeProvider time) : ReviewPage(queries, reviews, time)
{
    [BindProperty]
    public DateInput MeetingOn { get; set; } = new();

    [BindProperty]
    public DateInput InvitationsSentOn { get; set; } = new();

    /// <summary>Send the invitations now by email through OpenSEND (the usual way), rather than record ones sent another way.</summary>
    [BindProperty]
    public bool SendNow { get; set; }

    public override string Title => "Arrange the review meeting";

    protected override ReviewAction? Action => ReviewAction.ArrangeMeeting;

    public IReadOnlyList<GovUkChoice> SendChoices { get; } =
        [new("true", "Send the invitations now through OpenSEND", "An email to the family and to the professionals asked for advice on this plan")];

    protected override string FieldFor(string refusalCode) => refusalCode == "meeting-before-invitations" ? nameof(MeetingOn) : nameof(InvitationsSentOn);

    public async Task<IActionResult> OnGetAsync()
    {
        // Ticked to start with; an unticked box posts nothing, so the property's own default is false.
        SendNow = true;
        return await LoadAsync() ?? Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        var meetingOn = MeetingOn.Validate(ModelState, nameof(MeetingOn), "The date of the meeting");
        DateOnly? sentOn = SendNow ? null : InvitationsSentOn.Validate(ModelState, nameof(InvitationsSentOn), "The date the invitations were sent", notAfter: Today);
        var sent = 0;
        var result = await RecordAsync(async (context, ct) => sent = await Reviews.ArrangeMeetingAsync(context, Id, meetingOn!.Value, sentOn, SendNow, ct), "Review meeting arranged");
        if (SendNow && sent > 0)
        {
            TempData[SuccessKey] = $"Review meeting arranged: {sent} {(sent == 1 ? "invitation" : "invitations")} sent";
        }

        return result;
    }
}
