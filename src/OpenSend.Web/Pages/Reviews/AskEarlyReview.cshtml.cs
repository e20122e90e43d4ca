using OpenSend.Data.Reviews;

namespace OpenSend.Web.Pages.Reviews;

/// <summary>The child's setting asks for the plan to be reviewed before it is due, and says why.</summary>
public sealed class AskEarlyReviewModel(EarlyReviews earlyReviews, TimeProvider time) : EarlyReviewAskPage(earlyReviews, time)
{
    public override string AfterAsking => $"/cases/{Id}/early-review";

    public override bool ForFamily => false;
}
