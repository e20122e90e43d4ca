using OpenSend.Domain.Assessments;
using OpenSend.Domain.Common;
using OpenSend.Domain.Timescales;

namespace OpenSend.Domain.Tests.Assessments;

/// <summary>A plan moving with the child to a new LA (s.47; SEND Regulations 2014 reg 15), and the clocks it starts.</summary>
public sealed class TransferredPlanTests
{
    private static readonly Actor Caseworker = PathwayScenario.Caseworker;

    private static EhcCase Received(string transferredOn, string madeOn, string? lastReviewedOn = null, string today = "2026-11-23") =>
        EhcCase.ReceiveTransferredPlan(Guid.NewGuid(), "886", "886-2026-00001", new Child("Ada", "Example", new DateOnly(2015, 3, 14)),
            new Requester(RequesterKind.Parent, "Pat Example", "pat@example.invalid", null, null), "999", "Demoshire County Council",
            DateOnly.Parse(transferredOn), DateOnly.Parse(madeOn), lastReviewedOn is null ? null : DateOnly.Parse(lastReviewedOn),
            RuleSetCatalogue.SendRegulations2014, "hash", Caseworker, PathwayScenario.AtNoon(DateOnly.Parse(today)));

    [Theory]
    // "The period of N months beginning with" a day ends the day before the corresponding date.
    [InlineData("2026-03-01", 12, "2027-02-28")]
    [InlineData("2026-01-15", 3, "2026-04-14")]
    [InlineData("2026-05-31", 3, "2026-08-30")]
    // No 29 February in 2025: the period ends on the last day of February.
    [InlineData("2024-02-29", 12, "2025-02-28")]
    // 30 November + 3 months: no 30 February, so the period ends on the last day of February.
    [InlineData("2026-11-30", 3, "2027-02-28")]
    public void MonthsBeginningWith_EndsTheDayBeforeTheCorrespondingDate(string start, int months, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), new CalendarMonthsBeginningWith(months).CountFrom(DateOnly.Parse(start)));

    [Fact]
    public void APlanMadeLongAgo_IsReviewedWithinThreeMonthsOfTheTransfer_AndTheFamilyToldWithinSixWeeks()
    {
        var received = Received("2026-11-02", madeOn: "2025-09-10");

        var clocks = received.Deadlines(new DateOnly(2026, 11, 23));

        Assert.Equal(AssessmentStage.PlanIssued, received.Stage);
        Assert.Equal(
            [(StatutoryStep.TransferNotice, new DateOnly(2026, 12, 14)), (StatutoryStep.TransferReview, new DateOnly(2027, 2, 1))],
            clocks.Select(c => (c.Deadline.Step, c.Deadline.Due)));
        Assert.Equal(new DateOnly(2026, 12, 14), received.NextDeadlineOn);
        Assert.Equal("SEND Regulations 2014 reg 15(4)", clocks[0].Deadline.Basis);
        var family = FamilyUpdate.For(received, new DateOnly(2026, 11, 23));
        Assert.Null(family.AppealBy);
        Assert.Contains(family.DatesAhead, d => d.Due == new DateOnly(2026, 12, 14));
        Assert.Contains("moved with you from your previous council", family.WhatHappensNext[0]);
    }

    [Fact]
    public void ARecentlyMadePlan_KeepsItsTwelveMonthReview_WhenThatIsLater()
    {
        var received = Received("2026-07-01", madeOn: "2026-06-01");

        Assert.Equal(new DateOnly(2027, 5, 31), PathwayClocks.TransferReviewDue(received.RuleSet, received.ClockFacts.TransferredIn!));
    }

    [Fact]
    public void TheLastReview_NotTheMaking_StartsTheTwelveMonths()
    {
        var received = Received("2026-10-01", madeOn: "2024-01-10", lastReviewedOn: "2026-09-15");

        Assert.Equal(new DateOnly(2027, 9, 14), PathwayClocks.TransferReviewDue(received.RuleSet, received.ClockFacts.TransferredIn!));
    }

    [Fact]
    public void TheNotice_CannotPromiseAReviewLaterThanTheLawAllows_AndStopsItsClockWhenGiven()
    {
        var received = Received("2026-11-02", madeOn: "2025-09-10");
        var now = PathwayScenario.AtNoon(new DateOnly(2026, 11, 23));

        var tooLate = Assert.Throws<StepRefusedException>(() => received.RecordTransferNotice(new DateOnly(2026, 11, 20), false, new DateOnly(2027, 2, 2), Caseworker, now));
        received.RecordTransferNotice(new DateOnly(2026, 11, 20), false, new DateOnly(2027, 1, 20), Caseworker, now);

        Assert.Equal("review-too-late", tooLate.Code);
        Assert.Contains("1 February 2027", tooLate.Message);
        var notice = received.Deadlines(new DateOnly(2026, 11, 23)).Single(c => c.Deadline.Step == StatutoryStep.TransferNotice);
        Assert.Equal(new DateOnly(2026, 11, 20), notice.CompletedOn);
        Assert.Equal(new DateOnly(2027, 2, 1), received.NextDeadlineOn);
        var twice = Assert.Throws<StepRefusedException>(() => received.RecordTransferNotice(new DateOnly(2026, 11, 21), true, new DateOnly(2027, 1, 20), Caseworker, now));
        Assert.Equal("transfer-notice-given", twice.Code);
    }

    [Fact]
    public void ANoticeOnAPlanThisLaMade_IsRefused()
    {
        var s = new PathwayScenario("2026-01-05");
        s.Case.DecideToAssess(s.On("2026-02-02"), "", Caseworker, s.Now);
        s.Case.RequestAdvice(AdviserKind.Psychological, "EP service", s.On("2026-02-03"), Caseworker, s.Now);
        s.Case.DecideToIssue(s.On("2026-03-30"), "", Caseworker, s.Now);
        s.Case.ServeDraftPlan(s.On("2026-04-06"), Caseworker, s.Now);
        s.Case.IssueFinalPlan(s.On("2026-05-18"), "Oakfield Primary", Caseworker, s.Now);

        var refused = Assert.Throws<StepRefusedException>(() => s.Case.RecordTransferNotice(s.On("2026-05-19"), false, s.On("2026-06-01"), Caseworker, s.Now));

        Assert.Equal("not-a-transferred-plan", refused.Code);
    }

    [Theory]
    [InlineData("2026-11-24", "2025-09-10", "date-in-future")]
    [InlineData("2025-09-01", "2025-09-10", "transfer-before-plan")]
    public void AnImpossibleTransferDate_IsRefused(string transferredOn, string madeOn, string code) =>
        Assert.Equal(code, Assert.Throws<StepRefusedException>(() => Received(transferredOn, madeOn)).Code);
}
