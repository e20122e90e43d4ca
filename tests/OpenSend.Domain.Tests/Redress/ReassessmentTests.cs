using OpenSend.Domain.Assessments;
using OpenSend.Domain.Common;
using OpenSend.Domain.Tests.Assessments;
using OpenSend.Domain.Timescales;
using static OpenSend.Domain.Tests.Assessments.PathwayScenario;

namespace OpenSend.Domain.Tests.Redress;

/// <summary>Re-assessment of a plan in force (regs 24–27): decided within 15 days, ended within 14 weeks, refusals appealable.</summary>
public sealed class ReassessmentTests
{
    private static DateOnly D(string date) => DateOnly.Parse(date);

    private static PathwayScenario PlanInForce()
    {
        var s = new PathwayScenario("2026-01-05").Assessing("2026-02-10", "2026-02-11").DraftServed("2026-03-20", "2026-04-01", "2026-04-20");
        s.Case.IssueFinalPlan(s.On("2026-06-01"), "Hill Top Primary School", Caseworker, s.Now);
        return s;
    }

    [Fact]
    public void ARequest_IsDecidedWithin15Days_AndEndsWithin14WeeksWithANoticeOfNoChange_ThatCanBeAppealed()
    {
        var s = PlanInForce();
        s.Case.RequestReassessment(s.On("2026-11-20"), "Parent or carer", Caseworker, s.Now);
        Assert.Equal(D("2026-12-05"), s.Case.NextDeadlineOn);
        var twice = Assert.Throws<StepRefusedException>(() => s.Case.RequestReassessment(s.Today, "Hill Top Primary School", Caseworker, s.Now));

        s.Case.DecideToReassess(s.On("2026-12-01"), "Her needs have changed since the autumn.", Caseworker, s.Now);
        Assert.Equal((D("2027-02-26"), StatutoryStep.ReassessmentOutcomeBy), (s.Case.NextDeadlineOn!.Value, s.Case.NextDeadlineStep!.Value));
        var rights = s.Case.NotifyNoChangeAfterReassessment(s.On("2027-02-20"), "The advice shows the plan still meets her needs.", Caseworker, s.Now);

        Assert.Equal("reassessment-open", twice.Code);
        Assert.False(s.Case.ReassessmentOpen);
        Assert.Equal(AppealableDecision.NotToAmend, rights.Decision);
        Assert.All(s.Case.Deadlines(s.Today).Where(d => d.Deadline.Step is StatutoryStep.ReassessmentDecisionBy or StatutoryStep.ReassessmentOutcomeBy),
            d => Assert.Equal(DeadlineState.Met, d.State));
    }

    [Fact]
    public void ARefusal_NeedsReasons_GivesAppealRights_AndEndsTheOutcomeClock()
    {
        var s = PlanInForce();
        var noRequest = Assert.Throws<StepRefusedException>(() => s.Case.DecideNotToReassess(s.On("2026-11-20"), "No.", Caseworker, s.Now));
        s.Case.RequestReassessment(s.Today, "Hill Top Primary School", Caseworker, s.Now);
        var noReasons = Assert.Throws<StepRefusedException>(() => s.Case.DecideNotToReassess(s.On("2026-12-10"), " ", Caseworker, s.Now));

        var rights = s.Case.DecideNotToReassess(s.Today, "The plan was reviewed 2 months ago and needs have not changed (reg 24(2)).", Caseworker, s.Now);

        Assert.Equal("no-reassessment-request", noRequest.Code);
        Assert.Equal("reasons-missing", noReasons.Code);
        Assert.Equal((AppealableDecision.NotToReassess, D("2027-02-10")), (rights.Decision, rights.AppealBy));
        var deadlines = s.Case.Deadlines(s.Today);
        Assert.Equal(DeadlineState.Missed, deadlines.Single(d => d.Deadline.Step == StatutoryStep.ReassessmentDecisionBy).State); // due 5 December, 15 days from the request
        Assert.Equal(DeadlineState.NotNeeded, deadlines.Single(d => d.Deadline.Step == StatutoryStep.ReassessmentOutcomeBy).State);
    }
}
