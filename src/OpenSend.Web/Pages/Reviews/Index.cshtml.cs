using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Reviews;
using OpenSend.Domain.Reviews;
using OpenSend.Domain.Timescales;

namespace OpenSend.Web.Pages.Reviews;

/// <summary>One review: its clocks, what has been recorded, and the next step for whoever is looking.</summary>
public sealed class IndexModel(ReviewQueries queries, PlanReviews reviews, TimeProvider time) : ReviewPage(queries, reviews, time)
{
    public override string Title => "Annual review";

    public IReadOnlyList<DeadlineProgress> Deadlines { get; private set; } = [];

    public IReadOnlyList<(string Href, string Text)> Steps { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        Deadlines = Review.Deadlines(Today);
        var steps = new List<(string, string)>();
        var lead = Viewed.CanManage || Viewed.CanLead;
        void Offer(ReviewAction action, bool allowed, string slug, string text)
        {
            if (allowed && ReviewTransitions.IsAllowed(Review.Stage, action))
            {
                steps.Add(($"/reviews/{Id}/{slug}", text));
            }
        }

        Offer(ReviewAction.ArrangeMeeting, lead, "meeting", "Arrange the meeting and send invitations");
        Offer(ReviewAction.Contribute, true, "advice", "Give advice and information for the review");
        Offer(ReviewAction.CirculatePapers, lead && Review.PapersCirculatedOn is null, "papers", "Circulate the advice and information");
        Offer(ReviewAction.HoldMeeting, lead, "held", "Record the meeting held");
        Offer(ReviewAction.SubmitReport, lead, "report", "Write and send the review report");
        Offer(ReviewAction.Decide, Viewed.CanManage, "decision", "Record the council's decision");
        // Reg 18(2) concerns young people already in post-16 education (year 12 and above).
        Offer(ReviewAction.ProposePost16Transfer, lead && OpenSend.Domain.Plans.SchoolYear.Of(Viewed.Assessment.Child.DateOfBirth, Today) >= 12, "post16-transfer",
            Review.PhaseTransfer == OpenSend.Domain.Timescales.PhaseTransferKind.Post16ToPost16 ? "Change the date of the move to another post-16 institution" : "Record a move to another college or post-16 institution");
        Steps = steps;
        return Page();
    }
}
