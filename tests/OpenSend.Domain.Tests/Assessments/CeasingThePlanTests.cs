using OpenSend.Domain.Assessments;
using OpenSend.Domain.Common;
using OpenSend.Domain.Reviews;
using static OpenSend.Domain.Tests.Assessments.PathwayScenario;

namespace OpenSend.Domain.Tests.Assessments;

/// <summary>s.45, regs 29–31 and 44(2): a plan decided to cease stays in force while an appeal is possible.</summary>
public sealed class CeasingThePlanTests
{
    /// <summary>A plan in force since June 2026 whose review of 10 March 2027 decided, on 20 March, to cease it.</summary>
    private static PathwayScenario DecidedToCease(CeaseReason reason = CeaseReason.NeedsMetWithoutPlan)
    {
        var s = new PathwayScenario("2026-01-05").Assessing("2026-02-10", "2026-02-11").DraftServed("2026-03-20", "2026-04-01", "2026-04-20");
        s.Case.IssueFinalPlan(s.On("2026-06-01"), "Hill Top Primary School", Caseworker, s.Now);
        var decided = s.On("2027-03-20");
        var rights = AppealRights.For(AppealableDecision.ToCease, decided, s.Rules);
        s.Case.RecordReviewDecision(decided, new DateOnly(2027, 3, 10), ReviewDecision.Cease, "Outcomes achieved; needs met at SEN support.", rights, Caseworker, s.Now, reason);
        return s;
    }

    [Fact]
    public void TheDecisionToCease_KeepsThePlanInForce_AndTellsTheFamilyUntilWhenTheyCanAppeal()
    {
        var s = DecidedToCease();

        var update = FamilyUpdate.For(s.Case, s.Today);

        Assert.Equal(AssessmentStage.PlanIssued, s.Case.Stage);
        Assert.Equal(new DateOnly(2027, 3, 20), s.Case.CeaseDecidedOn);
        Assert.Equal(new DateOnly(2027, 5, 20), update.AppealBy);
        Assert.Contains(update.WhatHappensNext, p => p.StartsWith("The plan stays in force", StringComparison.Ordinal));
    }

    [Fact]
    public void ThePlan_CannotCeaseWhileTheFamilyCanStillAppeal()
    {
        var s = DecidedToCease();
        s.On("2027-06-01");

        var early = Assert.Throws<StepRefusedException>(() => s.Case.CeasePlan(new DateOnly(2027, 5, 20), null, null, Caseworker, s.Now));
        s.Case.CeasePlan(new DateOnly(2027, 5, 21), null, null, Caseworker, s.Now);

        Assert.Equal("appeal-window-open", early.Code);
        Assert.Contains("20 May 2027", early.Message);
        Assert.Equal(AssessmentStage.PlanCeased, s.Case.Stage);
        Assert.Equal(new DateOnly(2027, 5, 21), s.Case.PlanCeasedOn);
        Assert.Equal(CeaseReason.NeedsMetWithoutPlan, s.Case.CeaseReason);
    }

    [Fact]
    public void AMediationCertificate_GivesTheFamilyAMonthFromItsDate_WhenThatIsLater()
    {
        var s = DecidedToCease();
        s.On("2027-07-01");

        // Certificate on 10 May 2027: the family can appeal until 10 June 2027.
        var early = Assert.Throws<StepRefusedException>(() => s.Case.CeasePlan(new DateOnly(2027, 6, 10), new DateOnly(2027, 5, 10), null, Caseworker, s.Now));
        s.Case.CeasePlan(new DateOnly(2027, 6, 11), new DateOnly(2027, 5, 10), null, Caseworker, s.Now);

        Assert.Contains("10 June 2027", early.Message);
        Assert.Equal(AssessmentStage.PlanCeased, s.Case.Stage);
    }

    [Fact]
    public void AnAppealDismissedByTheTribunal_LetsThePlanCeaseAtOnce()
    {
        var s = DecidedToCease();
        s.On("2027-04-30");

        s.Case.CeasePlan(new DateOnly(2027, 4, 30), null, new DateOnly(2027, 4, 29), Caseworker, s.Now);

        Assert.Equal(AssessmentStage.PlanCeased, s.Case.Stage);
        Assert.Contains("tribunal dismissed the appeal on 29 April 2027", s.Case.Timeline[^1].Summary);
    }

    [Fact]
    public void WithoutADecisionToCease_ThePlanCannotCease()
    {
        var s = new PathwayScenario("2026-01-05").Assessing("2026-02-10", "2026-02-11").DraftServed("2026-03-20", "2026-04-01", "2026-04-20");
        s.Case.IssueFinalPlan(s.On("2026-06-01"), "Hill Top Primary School", Caseworker, s.Now);
        s.On("2027-06-01");

        var refused = Assert.Throws<StepRefusedException>(() => s.Case.CeasePlan(new DateOnly(2027, 6, 1), null, null, Caseworker, s.Now));

        Assert.Equal("no-decision-to-cease", refused.Code);
        Assert.Equal(AssessmentStage.PlanIssued, s.Case.Stage);
    }

    [Fact]
    public void KeepingThePlan_WithdrawsTheDecisionToCease_AndNothingMoreIsRecordedOnACeasedPlan()
    {
        var kept = DecidedToCease();
        kept.On("2027-04-15");
        kept.Case.KeepPlan(new DateOnly(2027, 4, 15), "Tribunal ordered the plan to continue.", Caseworker, kept.Now);
        var ceased = DecidedToCease(CeaseReason.PaidEmployment);
        ceased.On("2027-06-01");
        ceased.Case.CeasePlan(new DateOnly(2027, 6, 1), null, null, Caseworker, ceased.Now);

        var afterCeasing = Assert.Throws<StepRefusedException>(() => ceased.Case.RecordReviewDecision(new DateOnly(2027, 6, 1), new DateOnly(2027, 3, 10), ReviewDecision.Maintain, "x", null, Caseworker, ceased.Now));

        Assert.Null(kept.Case.CeaseDecidedOn);
        Assert.Equal(AssessmentStage.PlanIssued, kept.Case.Stage);
        Assert.Equal("plan-ceased", afterCeasing.Code);
        Assert.Equal(AssessmentStage.PlanCeased, ceased.Case.Stage);
    }
}
