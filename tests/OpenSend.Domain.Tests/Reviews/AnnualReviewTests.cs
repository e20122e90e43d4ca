using OpenSend.Domain.Common;
using OpenSend.Domain.Plans;
using OpenSend.Domain.Reviews;
using OpenSend.Domain.Timescales;

namespace OpenSend.Domain.Tests.Reviews;

/// <summary>Reviews of a plan in force: when they fall due, the meeting's clocks, the decision and an amendment.</summary>
public sealed class AnnualReviewTests
{
    private static readonly StatutoryRuleSet Rules = RuleSetCatalogue.SendRegulations2014;
    private static readonly Guid Outcome = Guid.Parse("00000000-0000-0000-0000-00000000000e");

    private static DateTimeOffset Noon(string day) => new(DateOnly.Parse(day).ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);

    private static PlanContent Plan => PlanContent.Empty
        .WithNeed(new PlanNeed(Guid.Parse("00000000-0000-0000-0000-00000000000b"), PlanSection.B, "Reading", Sen2NeedType.SPLD, 1))
        .WithOutcome(new PlanOutcome(Outcome, "Reads a short book aloud", new DateOnly(2027, 7, 23), [Guid.Parse("00000000-0000-0000-0000-00000000000b")]));

    private static ReviewReport Report(bool withProgress = true) => new(
        "I like my reading group.", "Reading has come on a lot.",
        withProgress ? [new OutcomeProgressEntry(Outcome, "Reads a short book aloud", OutcomeProgress.OnTrack, "Reading age up 14 months in a year.")] : [],
        [new RecommendedChange(PlanSection.F, "Reduce phonics to 3 sessions a week.")],
        false, "Needs still need provision beyond SEN support.", false, "Outcomes not yet achieved.");

    private static AnnualReview Held(string meeting = "2027-03-10")
    {
        var review = AnnualReview.Schedule(Guid.NewGuid(), "999", Rules, new DateOnly(2027, 5, 31), null, null, Noon("2026-06-01"));
        var meetingOn = DateOnly.Parse(meeting);
        review.ArrangeMeeting(meetingOn, meetingOn.AddDays(-21), Noon(meeting));
        review.RecordMeetingHeld(meetingOn, Noon(meeting));
        return review;
    }

    [Theory]
    // s.44(1): the 12 months beginning with the day the plan was made.
    [InlineData("2026-06-01", null, "2015-03-14", "2027-05-31", null)]
    // Then the 12 months beginning with the last review.
    [InlineData("2025-01-10", "2026-01-20", "2015-03-14", "2027-01-19", null)]
    // A plan made on 29 February: the period ends on the last day of February.
    [InlineData("2024-02-29", null, "2015-03-14", "2025-02-28", null)]
    // A 3-year-old: s.44's 12 months still the law; the LA's 6-month interval for under-5s is the
    // Code of Practice's recommendation (9.178), 6 months beginning with 1 June 2026: 30 November.
    [InlineData("2026-06-01", null, "2023-01-10", "2027-05-31", "2026-11-30")]
    // Turning 5 before the short interval ends: the statutory 12 months only.
    [InlineData("2026-06-01", null, "2021-09-01", "2027-05-31", null)]
    public void TheNextReview_FallsDueAsTheLawSays_AndTheCodeRecommendsForUnderFives(string madeOn, string? lastReview, string dateOfBirth, string expected, string? recommended) =>
        Assert.Equal(new ReviewDates(DateOnly.Parse(expected), recommended is null ? null : DateOnly.Parse(recommended)),
            ReviewSchedule.NextReviewDates(Rules, DateOnly.Parse(madeOn), lastReview is null ? null : DateOnly.Parse(lastReview), DateOnly.Parse(dateOfBirth), 6));

    [Fact]
    public void AnUnderFivesReviewPastTheRecommendedDate_IsRecommendedReviewOverdue_NotAStatutoryBreach()
    {
        // Plan made 1 June 2026 for a 3-year-old: recommended by 30 November 2026, due by law by 31 May 2027.
        var review = AnnualReview.Schedule(Guid.NewGuid(), "999", Rules, new DateOnly(2027, 5, 31), null, null, Noon("2026-06-01"), new DateOnly(2026, 11, 30));
        Assert.False(review.RecommendedReviewOverdue(new DateOnly(2026, 11, 30)));
        Assert.True(review.RecommendedReviewOverdue(new DateOnly(2026, 12, 1)));
        Assert.DoesNotContain(review.Deadlines(new DateOnly(2026, 12, 1)), d => d.State == DeadlineState.Overdue);
    }

    [Fact]
    public void AnUnderFivesIntervalOutsideTheCodesRange_IsRefused() =>
        Assert.Equal("under-fives-interval", Assert.Throws<StepRefusedException>(() =>
            ReviewSchedule.NextReviewDates(Rules, new DateOnly(2026, 6, 1), null, new DateOnly(2023, 1, 10), 9)).Code);

    [Theory]
    // Year 6 in a primary school: into year 7 in September 2027, so before 15 February 2027 (reg 18(1)(b)): 14 February.
    [InlineData("2016-01-20", "2026-11-23", null, null, PhaseTransferKind.PrimaryToSecondary, "2027-02-14")]
    // An infant school (ages 4 to 7), year 2: into junior school in September 2027.
    [InlineData("2020-01-20", "2026-11-23", 4, 7, PhaseTransferKind.InfantToJunior, "2027-02-14")]
    // Year 1 at an infant school: the move is the year after next.
    [InlineData("2021-01-20", "2026-11-23", 4, 7, PhaseTransferKind.InfantToJunior, "2028-02-14")]
    // Year 11: to a post-16 institution, before 31 March (reg 18(1)(a)): 30 March.
    [InlineData("2011-01-20", "2026-11-23", 11, 16, PhaseTransferKind.SecondaryToPost16, "2027-03-30")]
    // A nursery child (born after 1 September 2022): into reception in September 2027.
    [InlineData("2022-10-05", "2026-11-23", null, null, PhaseTransferKind.EarlyYearsToSchool, "2027-02-14")]
    // A middle school (ages 9 to 13), year 7: into secondary after year 8.
    [InlineData("2015-01-20", "2026-11-23", 9, 13, PhaseTransferKind.MiddleToSecondary, "2028-02-14")]
    public void ThePhaseTransfer_IsFoundFromYearGroupAndSetting(string dateOfBirth, string today, int? low, int? high, PhaseTransferKind kind, string dueBy)
    {
        var transfer = ReviewSchedule.NextPhaseTransfer(Rules, DateOnly.Parse(dateOfBirth), DateOnly.Parse(today), high is null ? null : new SettingAgeRange(low!.Value, high.Value));

        Assert.Equal((kind, DateOnly.Parse(dueBy)), (transfer!.Kind, transfer.Deadline.Due));
    }

    [Fact]
    public void AYear11PupilStayingInTheirSchoolsSixthForm_HasNoTransferAt16() =>
        Assert.Null(ReviewSchedule.NextPhaseTransfer(Rules, new DateOnly(2011, 1, 20), new DateOnly(2026, 11, 23), new SettingAgeRange(11, 18)));

    [Fact]
    public void APhaseTransfer_BringsTheReviewForward()
    {
        var transfer = ReviewSchedule.NextPhaseTransfer(Rules, new DateOnly(2016, 1, 20), new DateOnly(2026, 11, 23), null);

        var review = AnnualReview.Schedule(Guid.NewGuid(), "999", Rules, new DateOnly(2027, 5, 31), transfer, null, Noon("2026-11-23"));

        Assert.Equal(new DateOnly(2027, 2, 14), review.DueBy);
        Assert.Contains(review.Deadlines(new DateOnly(2026, 11, 23)), d => d.Deadline.Due == new DateOnly(2027, 2, 14) && d.Deadline.Basis == "SEND Regulations 2014 reg 18(1)(b)");
    }

    /// <summary>Reg 18(1): a year 6 transfer amended on 15 February 2027 is late; on 14 February it is on time.</summary>
    [Theory]
    [InlineData("2027-02-14", DeadlineState.Met)]
    [InlineData("2027-02-15", DeadlineState.Missed)]
    public void AYear6TransferAmendedOn15February_IsLate(string amendedOn, DeadlineState state)
    {
        var review = ReviewHeldAndDecided(ReviewDecision.Amend, PhaseTransferKind.PrimaryToSecondary);
        var on = DateOnly.Parse(amendedOn);
        review.RecordAmendmentNotice(new DateOnly(2027, 1, 20), Noon("2027-01-20"));
        review.RecordAmendedPlanIssued(on, familyHasNoFurtherComments: true, Noon(amendedOn));

        var clock = Assert.Single(review.Deadlines(on), d => d.Deadline.Step == StatutoryStep.PhaseTransferAmendment);

        Assert.Equal(state, clock.State);
    }

    /// <summary>Reg 18(1): keeping the plan as it is names no next setting, so the transfer's clock keeps running.</summary>
    [Fact]
    public void KeepingThePlanAsItIs_DoesNotMeetThePhaseTransfer()
    {
        var review = ReviewHeldAndDecided(ReviewDecision.Maintain, PhaseTransferKind.PrimaryToSecondary);

        var clock = Assert.Single(review.Deadlines(new DateOnly(2027, 2, 15)), d => d.Deadline.Step == StatutoryStep.PhaseTransferAmendment);

        Assert.Equal(DeadlineState.Overdue, clock.State);
    }

    private static AnnualReview ReviewHeldAndDecided(ReviewDecision decision, PhaseTransferKind kind)
    {
        var transfer = new UpcomingPhaseTransfer(kind, new DateOnly(2027, 9, 1), Rules.PhaseTransferDeadline(kind, 2027));
        var review = AnnualReview.Schedule(Guid.NewGuid(), "999", Rules, new DateOnly(2027, 5, 31), transfer, null, Noon("2026-11-01"));
        review.ArrangeMeeting(new DateOnly(2026, 12, 1), new DateOnly(2026, 11, 10), Noon("2026-11-10"));
        review.RecordMeetingHeld(new DateOnly(2026, 12, 1), Noon("2026-12-01"));
        review.SubmitReport(new DateOnly(2026, 12, 8), Report(), Plan, Noon("2026-12-08"));
        review.Decide(new DateOnly(2026, 12, 15), decision, "Reasons.", null, Noon("2026-12-15"));
        return review;
    }

    [Fact]
    public void TheMeetingDate_SetsTheInvitationPapersReportAndDecisionDates()
    {
        var review = AnnualReview.Schedule(Guid.NewGuid(), "999", Rules, new DateOnly(2027, 5, 31), null, null, Noon("2026-06-01"));
        review.ArrangeMeeting(new DateOnly(2027, 3, 10), new DateOnly(2027, 2, 17), Noon("2027-02-17"));

        var clocks = review.Deadlines(new DateOnly(2027, 2, 17)).ToDictionary(d => d.Deadline.Step, d => d.Deadline.Due);

        Assert.Equal(new DateOnly(2027, 2, 24), clocks[StatutoryStep.InvitationsBy]);
        Assert.Equal(new DateOnly(2027, 2, 24), clocks[StatutoryStep.PapersBy]);
        Assert.Equal(new DateOnly(2027, 3, 24), clocks[StatutoryStep.ReportBy]);
        Assert.Equal(new DateOnly(2027, 4, 7), clocks[StatutoryStep.DecisionBy]);
        Assert.Equal(new DateOnly(2027, 6, 2), clocks[StatutoryStep.AmendedPlanBy]);
    }

    [Fact]
    public void ALateMeeting_MissesTheReviewDate_AndIsShownAsMissed()
    {
        var review = AnnualReview.Schedule(Guid.NewGuid(), "999", Rules, new DateOnly(2027, 5, 31), null, null, Noon("2026-06-01"));
        review.ArrangeMeeting(new DateOnly(2027, 6, 14), new DateOnly(2027, 5, 24), Noon("2027-05-24"));
        review.RecordMeetingHeld(new DateOnly(2027, 6, 14), Noon("2027-06-14"));

        var due = review.Deadlines(new DateOnly(2027, 6, 14)).Single(d => d.Deadline.Step == StatutoryStep.AnnualReview);

        Assert.Equal(DeadlineState.Missed, due.State);
    }

    [Fact]
    public void TheDecision_CannotComeBeforeTheMeeting()
    {
        var review = AnnualReview.Schedule(Guid.NewGuid(), "999", Rules, new DateOnly(2027, 5, 31), null, null, Noon("2026-06-01"));
        review.ArrangeMeeting(new DateOnly(2027, 3, 10), new DateOnly(2027, 2, 17), Noon("2027-02-17"));

        var beforeMeeting = Assert.Throws<StepRefusedException>(() => review.Decide(new DateOnly(2027, 3, 1), ReviewDecision.Maintain, "Fine.", null, Noon("2027-03-01")));
        review.RecordMeetingHeld(new DateOnly(2027, 3, 10), Noon("2027-03-10"));
        var datedBefore = Assert.Throws<StepRefusedException>(() => review.Decide(new DateOnly(2027, 3, 9), ReviewDecision.Maintain, "Fine.", null, Noon("2027-03-12")));

        Assert.Equal("review-step-not-allowed", beforeMeeting.Code);
        Assert.Equal("date-before-previous-step", datedBefore.Code);
        Assert.Null(review.Decision);
    }

    [Fact]
    public void TheReport_NeedsProgressAgainstEveryOutcome_AndTheStepDownConsidered()
    {
        var review = Held();

        var noProgress = Assert.Throws<StepRefusedException>(() => review.SubmitReport(new DateOnly(2027, 3, 17), Report(withProgress: false), Plan, Noon("2027-03-17")));
        var noStepDown = Assert.Throws<StepRefusedException>(() => review.SubmitReport(new DateOnly(2027, 3, 17), Report() with { StepDownReasons = " " }, Plan, Noon("2027-03-17")));
        review.SubmitReport(new DateOnly(2027, 3, 17), Report(), Plan, Noon("2027-03-17"));

        Assert.Equal("progress-missing", noProgress.Code);
        Assert.Contains("Reads a short book aloud", noProgress.Message);
        Assert.Equal("step-down-reasons", noStepDown.Code);
        Assert.Equal(ReviewStage.ReportSubmitted, review.Stage);
    }

    [Fact]
    public void AReviewEndsWithItsPlan_WhereverItHadReached_ButADecidedOneIsNotReopenedOrEnded()
    {
        var held = Held();
        var decided = Held();
        decided.Decide(new DateOnly(2027, 3, 20), ReviewDecision.Maintain, "Outcomes on track.", null, Noon("2027-03-20"));

        held.EndWithPlan(new DateOnly(2027, 3, 25), Noon("2027-03-25"));
        var again = Assert.Throws<StepRefusedException>(() => held.EndWithPlan(new DateOnly(2027, 3, 26), Noon("2027-03-26")));
        var afterDecision = Assert.Throws<StepRefusedException>(() => decided.EndWithPlan(new DateOnly(2027, 3, 25), Noon("2027-03-25")));
        var stepAfterEnd = Assert.Throws<StepRefusedException>(() => held.SubmitReport(new DateOnly(2027, 3, 26), Report(), Plan, Noon("2027-03-26")));

        Assert.Equal((ReviewStage.Ended, false), (held.Stage, held.IsOpen));
        Assert.Contains("ended when the plan ceased", again.Message);
        Assert.Contains("ended when the plan ceased", stepAfterEnd.Message);
        Assert.Equal(ReviewStage.Completed, decided.Stage);
        Assert.Contains("complete", afterDecision.Message);
    }

    [Fact]
    public void CeasingThePlan_NeedsASen2Reason_AndGivesAppealRightsThatKeepThePlanMeanwhile()
    {
        var review = Held();

        var noReason = Assert.Throws<StepRefusedException>(() => review.Decide(new DateOnly(2027, 3, 20), ReviewDecision.Cease, "Outcomes achieved.", null, Noon("2027-03-20")));
        var rights = review.Decide(new DateOnly(2027, 3, 20), ReviewDecision.Cease, "Outcomes achieved.", CeaseReason.NeedsMetWithoutPlan, Noon("2027-03-20"));

        Assert.Equal("cease-reason-missing", noReason.Code);
        Assert.Equal(new DateOnly(2027, 5, 20), rights!.AppealBy);
        Assert.Contains(rights.Points, p => p.StartsWith("The plan stays in force", StringComparison.Ordinal));
        Assert.Equal(ReviewStage.Completed, review.Stage);
    }

    [Fact]
    public void AnAmendment_CannotBeFinalisedInsideTheRepresentationWindow()
    {
        var review = Held();
        review.Decide(new DateOnly(2027, 3, 20), ReviewDecision.Amend, "Provision to change.", null, Noon("2027-03-20"));
        review.RecordAmendmentNotice(new DateOnly(2027, 3, 24), Noon("2027-03-24"));

        var early = Assert.Throws<StepRefusedException>(() => review.RecordAmendedPlanIssued(new DateOnly(2027, 4, 7), false, Noon("2027-04-07")));
        review.RecordAmendedPlanIssued(new DateOnly(2027, 4, 8), false, Noon("2027-04-08"));

        Assert.Equal("amendment-representations-open", early.Code);
        Assert.Contains("7 April 2027", early.Message);
        var clocks = review.Deadlines(new DateOnly(2027, 4, 8)).ToDictionary(d => d.Deadline.Step);
        Assert.Equal((new DateOnly(2027, 5, 19), DeadlineState.Met), (clocks[StatutoryStep.AmendedPlanAfterNotice].Deadline.Due, clocks[StatutoryStep.AmendedPlanAfterNotice].State));
        Assert.Equal(DeadlineState.Met, clocks[StatutoryStep.AmendedPlanBy].State);
    }

    [Fact]
    public void Anonymising_RemovesViewsEvidenceAndReasons_KeepingDatesDecisionAndProgressRatings()
    {
        var review = Held();
        review.SubmitReport(new DateOnly(2027, 3, 17), Report(), Plan, Noon("2027-03-17"));
        review.Decide(new DateOnly(2027, 3, 20), ReviewDecision.Maintain, "Provision is working for Ada.", null, Noon("2027-03-20"));

        review.Anonymise();

        Assert.Null(review.Report!.ChildViews);
        Assert.Null(review.Report.FamilyViews);
        var progress = Assert.Single(review.Report.Progress);
        Assert.Equal((OutcomeProgress.OnTrack, "Removed under the retention policy"), (progress.Progress, progress.Evidence));
        Assert.DoesNotContain("Ada", review.DecisionReasons);
        Assert.Equal((ReviewDecision.Maintain, new DateOnly(2027, 3, 20), new DateOnly(2027, 3, 10)), (review.Decision!.Value, review.DecidedOn!.Value, review.MeetingHeldOn!.Value));
    }

    [Fact]
    public void AnAmendment_MayBeFinalisedEarly_OnceTheFamilyHasNoFurtherComments()
    {
        var review = Held();
        review.Decide(new DateOnly(2027, 3, 20), ReviewDecision.Amend, "Provision to change.", null, Noon("2027-03-20"));
        review.RecordAmendmentNotice(new DateOnly(2027, 3, 24), Noon("2027-03-24"));

        review.RecordAmendedPlanIssued(new DateOnly(2027, 3, 30), familyHasNoFurtherComments: true, Noon("2027-03-30"));

        Assert.Equal(ReviewStage.Completed, review.Stage);
    }
}

public sealed class ReviewContributionAndPost16Tests
{
    private static readonly StatutoryRuleSet Rules = RuleSetCatalogue.SendRegulations2014;

    private static DateTimeOffset Noon(string day) => new(DateOnly.Parse(day).ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);

    private static AnnualReview Due() => AnnualReview.Schedule(Guid.NewGuid(), "999", Rules, new DateOnly(2027, 5, 31), null, null, Noon("2026-06-01"));

    [Fact]
    public void AdviceAndViews_AreTakenBetweenTheInvitationsAndTheMeeting_AndNeverBumpTheReview()
    {
        var review = Due();
        var before = Assert.Throws<StepRefusedException>(() => review.Contribute(ReviewContributorKind.Family, Guid.NewGuid(), "Pat", null, null, "I like school.", "Going well.", Noon("2027-02-01")));
        review.ArrangeMeeting(new DateOnly(2027, 3, 10), new DateOnly(2027, 2, 10), Noon("2027-02-10"));
        var version = review.Version;

        var family = review.Contribute(ReviewContributorKind.Family, Guid.NewGuid(), "Pat", null, null, " I like school. ", "Going well.", Noon("2027-02-15"));
        var blank = Assert.Throws<StepRefusedException>(() => review.Contribute(ReviewContributorKind.Professional, Guid.NewGuid(), "Omar", Guid.NewGuid(), "ICB", null, " ", Noon("2027-02-15")));
        review.RecordMeetingHeld(new DateOnly(2027, 3, 10), Noon("2027-03-10"));
        var after = Assert.Throws<StepRefusedException>(() => review.Contribute(ReviewContributorKind.Professional, Guid.NewGuid(), "Omar", Guid.NewGuid(), "ICB", null, "Late advice.", Noon("2027-03-11")));

        Assert.Equal("review-not-collecting", before.Code);
        Assert.Contains("not been arranged", before.Message);
        Assert.Equal(version, review.Version - 1); // only the meeting being held moved it
        Assert.Equal(("I like school.", new DateOnly(2027, 2, 15), review.Id), (family.ChildViews, family.SubmittedOn, family.ReviewId));
        Assert.Equal("contribution-text", blank.Code);
        Assert.Equal("review-not-collecting", after.Code);
        Assert.Contains("10 March 2027", after.Message);
    }

    [Fact]
    public void AMoveBetweenPost16Institutions_IsDueFiveMonthsBefore_AndBringsTheReviewForward()
    {
        var review = Due();

        // Reg 18(2): starting at a new college on 6 January 2027, reviewed and amended by 6 August 2026.
        review.ProposePost16Transfer(new DateOnly(2027, 1, 6), Noon("2026-06-15"));

        Assert.Equal(PhaseTransferKind.Post16ToPost16, review.PhaseTransfer);
        Assert.Equal(new DateOnly(2026, 8, 6), review.PhaseTransferDueBy);
        Assert.Equal(new DateOnly(2026, 8, 6), review.DueBy);
        var clock = Assert.Single(review.Deadlines(new DateOnly(2026, 6, 15)), d => d.Deadline.Step == StatutoryStep.PhaseTransferAmendment);
        Assert.EndsWith("reg 18(2)", clock.Deadline.Basis);
    }

    [Fact]
    public void AMoveOnTheLastDayOfAMonth_CountsBackToTheLastDayOfAShorterMonth() =>
        // 31 July 2028 less 5 months: there is no 31 February, so 29 February 2028.
        Assert.Equal(new DateOnly(2028, 2, 29), Rules.PhaseTransferDeadline(PhaseTransferKind.Post16ToPost16, new DateOnly(2028, 7, 31)).Due);

    [Fact]
    public void AMoveInThePast_OrOnAReviewOfAnotherPhaseTransfer_IsRefused()
    {
        var review = Due();
        var past = Assert.Throws<StepRefusedException>(() => review.ProposePost16Transfer(new DateOnly(2026, 6, 1), Noon("2026-06-15")));
        var secondary = AnnualReview.Schedule(Guid.NewGuid(), "999", Rules, new DateOnly(2027, 5, 31),
            new UpcomingPhaseTransfer(PhaseTransferKind.SecondaryToPost16, new DateOnly(2027, 9, 1), Rules.PhaseTransferDeadline(PhaseTransferKind.SecondaryToPost16, 2027)), null, Noon("2026-06-01"));

        var other = Assert.Throws<StepRefusedException>(() => secondary.ProposePost16Transfer(new DateOnly(2028, 1, 6), Noon("2026-06-15")));

        Assert.Equal("transfer-not-ahead", past.Code);
        Assert.Equal("phase-transfer-already", other.Code);
    }
}
