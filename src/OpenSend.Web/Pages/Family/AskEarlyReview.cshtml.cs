using OpenSend.Data.Reviews;
using OpenSend.Web.Pages.Reviews;

namespace OpenSend.Web.Pages.Family;

/// <summary>The family asks for their child's plan to be reviewed before it is due, and says why.</summary>
public sealed class AskEarlyReviewModel(EarlyReviews earlyReviews, TimeProvider time) : EarlyReviewAskPage(earlyReviews, time)
{
    public override string AfterAsking => $"/your-requests/{Id}/review";

    public override bool ForFamily => true;
}
