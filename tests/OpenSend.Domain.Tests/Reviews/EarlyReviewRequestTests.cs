using OpenSend.Domain.Common;
using OpenSend.Domain.Identity;
using OpenSend.Domain.Reviews;
using OpenSend.Domain.Timescales;

namespace OpenSend.Domain.Tests.Reviews;

/// <summary>Issue 22: an early review is asked for with reasons, decided once within the council's stated time, and brings forward only a review not yet under way.</summary>
public class EarlyReviewRequestTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 15, 11, 0, 0, TimeSpan.Zero);

    private static AnnualReview Due() => AnnualReview.Schedule(Guid.NewGuid(), "999", RuleSetCatalogue.SendRegulations2014, new DateOnly(2027, 5, 31), null, null, Now);

    private static EarlyReviewRequest Asked(bool anotherAwaits = false) =>
        EarlyReviewRequest.Ask(Guid.NewGuid(), "999", FamilyOrSetting.Family, "Parent or carer", null, null, "Not in school since half term.", 15, anotherAwaits, Now);

    [Fact]
    public void ARequest_IsDecidedByTheCouncilsStatedTime_AndOneAtATime()
    {
        var request = Asked();
        Assert.Equal(new DateOnly(2026, 6, 30), request.DecideBy);
        Assert.False(request.DecisionOverdue(new DateOnly(2026, 6, 30)));
        Assert.True(request.DecisionOverdue(new DateOnly(2026, 7, 1)));
        Assert.Equal("early-review-already-asked", Assert.Throws<StepRefusedException>(() => Asked(anotherAwaits: true)).Code);
    }

    [Fact]
    public void Agreeing_BringsTheReviewForward_OnlyBeforeItsMeetingIsArranged()
    {
        Assert.Equal([ReviewStage.Due], Enum.GetValues<ReviewStage>().Where(s => ReviewTransitions.IsAllowed(s, ReviewAction.BringForward)));

        var review = Due();
        var request = Asked();
        Assert.Equal("early-review-date-missing", Assert.Throws<StepRefusedException>(() => request.Decide(EarlyReviewDecision.Agreed, "Yes.", review, null, "Sam Carter", Now)).Code);
        Assert.Equal("early-review-date-passed", Assert.Throws<StepRefusedException>(() => request.Decide(EarlyReviewDecision.Agreed, "Yes.", review, new DateOnly(2026, 6, 1), "Sam Carter", Now)).Code);
        Assert.True(request.AwaitsDecision);

        request.Decide(EarlyReviewDecision.Agreed, "Attendance has fallen.", review, new DateOnly(2026, 7, 10), "Sam Carter", Now);

        Assert.Equal((new DateOnly(2026, 7, 10), true), (review.DueBy, review.BroughtForward));
        Assert.Equal("early-review-already-decided", Assert.Throws<StepRefusedException>(() => request.Decide(EarlyReviewDecision.Refused, "No.", null, null, "Priya Shah", Now)).Code);
    }
}
