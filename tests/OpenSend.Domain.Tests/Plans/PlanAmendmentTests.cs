using OpenSend.Domain.Assessments;
using OpenSend.Domain.Common;
using OpenSend.Domain.Plans;
using OpenSend.Domain.Reviews;
using OpenSend.Domain.Timescales;

namespace OpenSend.Domain.Tests.Plans;

/// <summary>Issue 20 points 8, 10, 11 and 12: every amendment follows reg 22, from a review or not.</summary>
public sealed class PlanAmendmentTests
{
    private static readonly StatutoryRuleSet Rules = RuleSetCatalogue.SendRegulations2014;

    private static DateTimeOffset Noon(string day) => new(DateOnly.Parse(day).ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);

    // Amendments proposed outside any review on Monday 1 March 2027.
    private static PlanAmendment Proposed() => PlanAmendment.Propose(Guid.NewGuid(), "999", Rules, null, new DateOnly(2027, 3, 1), "New speech and language advice.", Noon("2027-03-01"));

    [Fact]
    public void AnAmendmentOutsideAReview_CannotBeFinalisedInsideTheFamilys15Days()
    {
        // Reg 22(2)(c): at least 15 days beginning with 1 March, so comments close on 15 March 2027.
        var amendment = Proposed();
        Assert.Equal(new DateOnly(2027, 3, 15), amendment.CommentsCloseOn);
        var early = Assert.Throws<StepRefusedException>(() => amendment.IssueAmendedPlan(new DateOnly(2027, 3, 15), false, Noon("2027-03-15")));
        Assert.Equal("amendment-representations-open", early.Code);
        Assert.Contains("15 March 2027", early.Message);

        var rights = amendment.IssueAmendedPlan(new DateOnly(2027, 3, 16), false, Noon("2027-03-16"));

        Assert.Equal(AmendmentOutcome.Amended, amendment.Outcome);
        // s.51(2)(c): the amended plan's B, F and I can be appealed, 2 months from 16 March 2027.
        Assert.Equal((AppealableDecision.AmendedPlanContents, new DateOnly(2027, 5, 17)), (rights.Decision, rights.AppealBy));
        Assert.Contains("reg 22(3)", rights.Basis);
    }

    [Fact]
    public void TheFamilyConfirmingNoFurtherComments_LetsTheAmendedPlanGoSooner()
    {
        var amendment = Proposed();
        amendment.IssueAmendedPlan(new DateOnly(2027, 3, 8), familyHasNoFurtherComments: true, Noon("2027-03-08"));
        Assert.Equal(new DateOnly(2027, 3, 8), amendment.ConcludedOn);
    }

    [Fact]
    public void AnAmendmentHasEightWeeksFromTheNotice_AndARevisedDraftRestartsOnlyTheFamilysDays()
    {
        var amendment = Proposed();
        // Reg 22(3): 8 weeks after 1 March 2027 is 26 April 2027.
        Assert.Equal(new DateOnly(2027, 4, 26), amendment.DueBy);
        amendment.Revise(new DateOnly(2027, 3, 8), Noon("2027-03-08"));

        Assert.Equal(new DateOnly(2027, 3, 22), amendment.CommentsCloseOn);
        Assert.Equal(new DateOnly(2027, 4, 26), amendment.DueBy);
        var clock = Assert.Single(amendment.Deadlines(new DateOnly(2027, 4, 27)));
        Assert.Equal((StatutoryStep.AmendedPlanAfterNotice, DeadlineState.Overdue), (clock.Deadline.Step, clock.State));
    }

    [Fact]
    public void ADecisionNotToAmend_NeedsReasons_AndGivesAppealRights()
    {
        var amendment = Proposed();
        Assert.Equal("decision-reasons", Assert.Throws<StepRefusedException>(() => amendment.DecideNotToAmend(new DateOnly(2027, 4, 20), " ", Noon("2027-04-20"))).Code);

        var rights = amendment.DecideNotToAmend(new DateOnly(2027, 4, 20), "The new advice supports the provision already in the plan.", Noon("2027-04-20"));

        // Reg 22(4), s.51(2)(e): appeal within 2 months of 20 April 2027.
        Assert.Equal((AppealableDecision.NotToAmendAfterNotice, new DateOnly(2027, 6, 21)), (rights.Decision, rights.AppealBy));
        Assert.Contains("reg 22(4)", rights.Basis);
        Assert.Equal((AmendmentOutcome.NotAmended, DeadlineState.Met), (amendment.Outcome!.Value, amendment.Deadlines(new DateOnly(2027, 5, 1))[0].State));
        Assert.Equal("amendment-concluded", Assert.Throws<StepRefusedException>(() => amendment.IssueAmendedPlan(new DateOnly(2027, 4, 21), true, Noon("2027-04-21"))).Code);
    }

    [Fact]
    public void TheFamilyIsToldOfTheAmendment_AndTheAmendedPlansNewAppealDate()
    {
        var s = new Assessments.PathwayScenario("2026-01-05").Assessing("2026-02-10", "2026-02-11").DraftServed("2026-03-20", "2026-04-01", "2026-04-20");
        s.Case.IssueFinalPlan(s.On("2026-06-01"), "Hill Top Primary School", Assessments.PathwayScenario.Caseworker, s.Now);
        var amendment = Proposed();
        s.Case.RecordAmendmentsProposed(amendment.NoticeOn, amendment.CommentsCloseOn, amendment.Reason, false, Assessments.PathwayScenario.Caseworker, Noon("2027-03-01"));

        var during = FamilyUpdate.For(s.Case, new DateOnly(2027, 3, 2));
        Assert.Contains(during.DatesAhead, d => d.Due == new DateOnly(2027, 3, 15) && d.Basis.EndsWith("reg 22(2)(c)", StringComparison.Ordinal));
        Assert.Contains(during.DatesAhead, d => d.Due == new DateOnly(2027, 4, 26));

        var rights = amendment.IssueAmendedPlan(new DateOnly(2027, 3, 16), false, Noon("2027-03-16"));
        s.Case.RecordAmendedPlanIssued(new DateOnly(2027, 3, 16), amendment.NoticeOn, amendment.DueBy, null, rights, Assessments.PathwayScenario.Caseworker, Noon("2027-03-16"));

        var after = FamilyUpdate.For(s.Case, new DateOnly(2027, 3, 17));
        Assert.Equal(new DateOnly(2027, 5, 17), after.AppealBy);
        Assert.DoesNotContain(after.DatesAhead, d => d.Due == new DateOnly(2027, 4, 26));
        Assert.Contains("17 May 2027", s.Case.Timeline[^1].FamilySummary);
    }

    [Fact]
    public void AReviewDecidingToAmend_SendsTheProposedAmendmentsWithin4WeeksOfTheMeeting()
    {
        // Devon [2022]: meeting 10 March 2027, so the proposed amendments by 7 April 2027.
        var review = AnnualReview.Schedule(Guid.NewGuid(), "999", Rules, new DateOnly(2027, 5, 31), null, null, Noon("2026-06-01"));
        review.ArrangeMeeting(new DateOnly(2027, 3, 10), new DateOnly(2027, 2, 17), Noon("2027-02-17"));
        review.RecordMeetingHeld(new DateOnly(2027, 3, 10), Noon("2027-03-10"));
        review.Decide(new DateOnly(2027, 3, 20), ReviewDecision.Amend, "Provision to change.", null, Noon("2027-03-20"));
        var notice = review.Deadlines(new DateOnly(2027, 4, 8)).Single(d => d.Deadline.Step == StatutoryStep.AmendmentNoticeBy);
        Assert.Equal((new DateOnly(2027, 4, 7), DeadlineState.Overdue), (notice.Deadline.Due, notice.State));

        review.RecordAmendmentNotice(new DateOnly(2027, 4, 9), Noon("2027-04-09"));
        Assert.Equal(DeadlineState.Missed, review.Deadlines(new DateOnly(2027, 4, 9)).Single(d => d.Deadline.Step == StatutoryStep.AmendmentNoticeBy).State);

        // Reg 22(4) on the review: it completes, and the 12-week clock is met by the decision.
        review.RecordNotAmended(new DateOnly(2027, 5, 1), Noon("2027-05-01"));
        Assert.Equal(ReviewStage.Completed, review.Stage);
        Assert.Equal(DeadlineState.Met, review.Deadlines(new DateOnly(2027, 5, 1)).Single(d => d.Deadline.Step == StatutoryStep.AmendedPlanBy).State);
    }
}
