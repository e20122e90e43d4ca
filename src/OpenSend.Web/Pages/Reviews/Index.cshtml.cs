using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Reviews;
using OpenSend.Domain.Reviews;
using OpenSend.Domain.Timescales;

namespace OpenSend.Web.Pages.Reviews;

/// <summary>One review: its clocks, what has been recorded, and the next step for whoever is looking.</summary>
public sealed class IndexModel(PlanReviews reviews, TimeProvider time) : ReviewPage(reviews, time)
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
        Offer(ReviewAction.CirculatePapers, lead && Review.PapersCirculatedOn is null, "papers", "Record advice and information circulated");
        Offer(ReviewAction.HoldMeeting, lead, "held", "Record the meeting held");
        Offer(ReviewAction.SubmitReport, lead, "report", "Write and send the review report");
        Offer(ReviewAction.Decide, Viewed.CanManage, "decision", "Record the council's decision");
        Steps = steps;
        return Page();
    }
}
