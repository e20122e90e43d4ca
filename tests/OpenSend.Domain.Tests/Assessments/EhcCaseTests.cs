using OpenSend.Domain.Assessments;
using OpenSend.Domain.Common;
using OpenSend.Domain.Timescales;

namespace OpenSend.Domain.Tests.Assessments;

public class EhcNeedsAssessmentTests
{
    private static readonly Actor Caseworker = PathwayScenario.Caseworker;

    private static AppealRights Rights(AppealableDecision decision, DateOnly on) => AppealRights.For(decision, on, RuleSetCatalogue.SendRegulations2014);

    [Fact]
    public void FullPathway_OnTime_EndsWithThePlanIssuedAndEveryDeadlineMet()
    {
        var s = new PathwayScenario("2026-01-05").Assessing("2026-02-10", "2026-02-11").DraftServed("2026-03-20", "2026-04-01", "2026-04-02");

        s.Case.IssueFinalPlan(s.On("2026-05-01"), "Hill Top Primary School", Caseworker, s.Now);

        Assert.Equal(AssessmentStage.PlanIssued, s.Case.Stage);
        Assert.Equal("Hill Top Primary School", s.Case.NamedSetting);
        var deadlines = s.Case.Deadlines(s.Today);
        Assert.All(deadlines.Where(d => d.State != DeadlineState.NotNeeded), d => Assert.Equal(DeadlineState.Met, d.State));
        Assert.Equal(DeadlineState.NotNeeded, deadlines.Single(d => d.Deadline.Step == StatutoryStep.DecisionNotToIssue).State);
        Assert.Null(s.Case.NextDeadlineOn);
        Assert.Equal(9, s.Case.Timeline.Count); // received, assess, 2 advice asked, 2 given, issue, draft, final
        Assert.All(s.Case.Timeline, e => Assert.False(string.IsNullOrWhiteSpace(e.LegalBasis)));
    }

    /// <summary>s.44(1): reviewed within 12 months beginning with the day the plan is made: issued 1 May 2026, reviewed by 30 April 2027.</summary>
    [Fact]
    public void TheFamilyIsToldTheFirstReviewDate_TheDayBeforeTheAnniversary()
    {
        var s = new PathwayScenario("2026-01-05").Assessing("2026-02-10", "2026-02-11").DraftServed("2026-03-20", "2026-04-01", "2026-04-02");

        s.Case.IssueFinalPlan(s.On("2026-05-01"), "Hill Top Primary School", Caseworker, s.Now);

        Assert.EndsWith("It must be reviewed by 30 April 2027.", s.Case.Timeline[^1].FamilySummary);
    }

    /// <summary>Reg 13(1)(a)(ii): the family may require a meeting about the draft; the final plan waits for it.</summary>
    [Fact]
    public void AFinalPlan_IsNotIssuedBeforeTheMeetingTheFamilyAskedForIsHeld()
    {
        var s = new PathwayScenario("2026-01-05").Assessing("2026-02-10", "2026-02-11").DraftServed("2026-03-20", "2026-04-01", "2026-04-02");
        s.Case.RecordRepresentations(s.On("2026-04-10"), "We would like to talk about the speech and language therapy.", null, true, false, Caseworker, s.Now);

        var refused = Assert.Throws<StepRefusedException>(() => s.Case.IssueFinalPlan(s.On("2026-04-20"), null, Caseworker, s.Now));
        s.Case.RecordRequestedMeetingHeld(s.On("2026-04-22"), s.Now);
        var rights = s.Case.IssueFinalPlan(s.On("2026-04-23"), null, Caseworker, s.Now);

        Assert.Equal("requested-meeting-not-held", refused.Code);
        Assert.Equal(AssessmentStage.PlanIssued, s.Case.Stage);
        Assert.Equal(new DateOnly(2026, 6, 23), rights.AppealBy); // 2 months from 23 April 2026
    }

    [Fact]
    public void IssueFinalPlan_InsideTheRepresentationWindow_IsRefusedWithTheDates()
    {
        var s = new PathwayScenario("2026-01-05").Assessing("2026-02-10", "2026-02-11").DraftServed("2026-03-20", "2026-04-01", "2026-04-02");

        var refused = Assert.Throws<StepRefusedException>(() => s.Case.IssueFinalPlan(s.On("2026-04-16"), null, Caseworker, s.Now));

        Assert.Equal("representation-window-open", refused.Code);
        Assert.Contains("until 16 April 2026", refused.Message);
        Assert.Contains("from 17 April 2026", refused.Message);
        Assert.Equal(AssessmentStage.DraftServed, s.Case.Stage);
    }

    [Fact]
    public void IssueFinalPlan_InsideTheWindowAfterTheFamilyHasNoFurtherComments_IsAllowed()
    {
        var s = new PathwayScenario("2026-01-05").Assessing("2026-02-10", "2026-02-11").DraftServed("2026-03-20", "2026-04-01", "2026-04-02");
        s.Case.RecordRepresentations(s.On("2026-04-08"), "", "Hill Top Primary School", false, true, Caseworker, s.Now);

        s.Case.IssueFinalPlan(s.On("2026-04-09"), null, Caseworker, s.Now);

        Assert.Equal(AssessmentStage.PlanIssued, s.Case.Stage);
        Assert.Equal("Hill Top Primary School", s.Case.NamedSetting);
    }

    [Fact]
    public void ServeDraftPlan_AgainAfterNoFurtherComments_GivesANewWindow()
    {
        var s = new PathwayScenario("2026-01-05").Assessing("2026-02-10", "2026-02-11").DraftServed("2026-03-20", "2026-04-01", "2026-04-02");
        s.Case.RecordRepresentations(s.On("2026-04-08"), "", null, false, true, Caseworker, s.Now);
        s.Case.ServeDraftPlan(s.On("2026-04-10"), Caseworker, s.Now);

        var refused = Assert.Throws<StepRefusedException>(() => s.Case.IssueFinalPlan(s.On("2026-04-11"), null, Caseworker, s.Now));

        Assert.Equal("representation-window-open", refused.Code);
        Assert.Equal(2, s.Case.DraftsServed);
        Assert.Equal(new DateOnly(2026, 4, 24), s.Case.RepresentationsCloseOn);
    }

    [Fact]
    public void IssueFinalPlan_AfterADecisionNotToAssess_IsRefused()
    {
        var s = new PathwayScenario("2026-01-05");
        s.Case.DecideNotToAssess(s.On("2026-02-10"), "Needs can be met through SEN support.", Caseworker, s.Now);

        var refused = Assert.Throws<StepRefusedException>(() => s.Case.IssueFinalPlan(s.On("2026-03-01"), null, Caseworker, s.Now));

        Assert.Equal("decided-not-to-assess", refused.Code);
        Assert.Contains("10 February 2026", refused.Message);
    }

    [Fact]
    public void DecideNotToAssess_RecordsReasonsAndAppealAndMediationRights()
    {
        var s = new PathwayScenario("2026-01-05");

        var rights = s.Case.DecideNotToAssess(s.On("2026-02-10"), "Needs can be met through SEN support.", Caseworker, s.Now);

        Assert.Equal(new DateOnly(2026, 4, 10), rights.AppealBy);
        Assert.Equal(AssessmentStage.NotAssessing, s.Case.Stage);
        var decision = s.Case.Timeline.Last();
        Assert.Contains("Needs can be met through SEN support.", decision.Detail);
        Assert.Contains("mediation", decision.Detail);
        Assert.Contains("10 April 2026", decision.FamilySummary);
        Assert.Contains("reg 5(3)", decision.LegalBasis);
    }

    [Fact]
    public void DecideNotToAssess_WithoutReasons_IsRefused()
    {
        var s = new PathwayScenario("2026-01-05");

        var refused = Assert.Throws<StepRefusedException>(() => s.Case.DecideNotToAssess(s.On("2026-02-10"), " ", Caseworker, s.Now));

        Assert.Equal("reasons-missing", refused.Code);
        Assert.Equal(AssessmentStage.RequestReceived, s.Case.Stage);
    }

    public static TheoryData<PathwayAction> EveryStep => new(Enum.GetValues<PathwayAction>().Where(a => a is not (PathwayAction.ReceiveRequest or PathwayAction.ReceiveTransferredPlan)));

    [Theory]
    [MemberData(nameof(EveryStep))]
    public void AnyStep_OnAWithdrawnCase_IsRefused(PathwayAction action)
    {
        var s = new PathwayScenario("2026-01-05");
        s.Case.Withdraw(s.On("2026-01-20"), "Family moved to home education.", Caseworker, s.Now);
        var day = s.On("2026-01-21");

        Action attempt = action switch
        {
            PathwayAction.RecordPanelRecommendation => () => s.Case.RecordPanelRecommendation(PanelQuestion.WhetherToAssess, PanelRecommendationOutcome.Yes, day, "", Caseworker, s.Now),
            PathwayAction.DecideToAssess => () => s.Case.DecideToAssess(day, "", Caseworker, s.Now),
            PathwayAction.DecideNotToAssess => () => s.Case.DecideNotToAssess(day, "x", Caseworker, s.Now),
            PathwayAction.RequestAdvice => () => s.Case.RequestAdvice(AdviserKind.Health, "Community paediatrics", day, Caseworker, s.Now),
            PathwayAction.RecordAdviceReceived => () => s.Case.RecordAdviceReceived(Guid.NewGuid(), day, Caseworker, s.Now),
            PathwayAction.DecideToIssue => () => s.Case.DecideToIssue(day, "", Caseworker, s.Now),
            PathwayAction.DecideNotToIssue => () => s.Case.DecideNotToIssue(day, "x", Caseworker, s.Now),
            PathwayAction.ServeDraftPlan => () => s.Case.ServeDraftPlan(day, Caseworker, s.Now),
            PathwayAction.RecordRepresentations => () => s.Case.RecordRepresentations(day, "x", null, false, false, Caseworker, s.Now),
            PathwayAction.IssueFinalPlan => () => s.Case.IssueFinalPlan(day, null, Caseworker, s.Now),
            PathwayAction.RecordException => () => s.Case.RecordException(ExceptionReason.ExceptionalPersonalCircumstances, [StatutoryStep.FinalPlan], null, day, day, "x", Caseworker, s.Now),
            PathwayAction.Withdraw => () => s.Case.Withdraw(day, "x", Caseworker, s.Now),
            PathwayAction.TransferOut => () => s.Case.TransferOut(day, "886", "Kent", Caseworker, s.Now),
            PathwayAction.RecordTransferNotice => () => s.Case.RecordTransferNotice(day, false, day.AddMonths(2), Caseworker, s.Now),
            PathwayAction.RecordReviewDecision => () => s.Case.RecordReviewDecision(day, day, Domain.Reviews.ReviewDecision.Maintain, "x", null, Caseworker, s.Now),
            PathwayAction.RecordPlacementDecision => () => s.Case.RecordPlacementDecision(day, "Oakfield Primary School", [], Caseworker, s.Now),
            PathwayAction.CeasePlan => () => s.Case.CeasePlan(day, null, null, Caseworker, s.Now),
            PathwayAction.KeepPlan => () => s.Case.KeepPlan(day, "x", Caseworker, s.Now),
            PathwayAction.ProposeAmendments => () => s.Case.RecordAmendmentsProposed(day, day.AddDays(14), "x", false, Caseworker, s.Now),
            PathwayAction.IssueAmendedPlan => () => s.Case.RecordAmendedPlanIssued(day, day, day.AddDays(56), null, Rights(AppealableDecision.AmendedPlanContents, day), Caseworker, s.Now),
            PathwayAction.DecideNotToAmend => () => s.Case.RecordDecisionNotToAmend(day, day, day.AddDays(56), "x", Rights(AppealableDecision.NotToAmendAfterNotice, day), Caseworker, s.Now),
            PathwayAction.AssessUnderOrder => () => s.Case.RecordTribunalOrder(ClockAnchor.OrderToAssess, day, "Ordered.", Caseworker, s.Now),
            PathwayAction.MakePlanUnderOrder => () => s.Case.RecordTribunalOrder(ClockAnchor.OrderToMakePlan, day, "Ordered.", Caseworker, s.Now),
            PathwayAction.RecordOrderOnPlan => () => s.Case.RecordTribunalOrder(ClockAnchor.OrderToAmend, day, "Ordered.", Caseworker, s.Now),
            PathwayAction.NotifyAssessmentUnderOrder => () => s.Case.NotifyAssessmentUnderOrder(day, Caseworker, s.Now),
            PathwayAction.DecideToCease => () => s.Case.DecideToCease(day, Domain.Reviews.CeaseReason.Other, day, day, "x", Caseworker, s.Now),
            PathwayAction.RequestReassessment => () => s.Case.RequestReassessment(day, "Parent or carer", Caseworker, s.Now),
            PathwayAction.DecideToReassess => () => s.Case.DecideToReassess(day, "x", Caseworker, s.Now),
            PathwayAction.DecideNotToReassess => () => s.Case.DecideNotToReassess(day, "x", Caseworker, s.Now),
            PathwayAction.NotifyNoChangeAfterReassessment => () => s.Case.NotifyNoChangeAfterReassessment(day, "x", Caseworker, s.Now),
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };

        var refused = Assert.Throws<StepRefusedException>(attempt);
        Assert.Equal("case-withdrawn", refused.Code);
        Assert.Contains("20 January 2026", refused.Message);
        Assert.Equal(AssessmentStage.Withdrawn, s.Case.Stage);
    }

    [Fact]
    public void ServeDraftPlan_BeforeADecisionToIssue_IsRefused()
    {
        var s = new PathwayScenario("2026-01-05").Assessing("2026-02-10", "2026-02-11");

        var refused = Assert.Throws<StepRefusedException>(() => s.Case.ServeDraftPlan(s.On("2026-03-01"), Caseworker, s.Now));

        Assert.Equal("no-decision-to-issue", refused.Code);
    }

    [Fact]
    public void DecideToIssue_BeforeAnyAdviceIsSought_IsRefused()
    {
        var s = new PathwayScenario("2026-01-05");
        s.Case.DecideToAssess(s.On("2026-02-10"), "", Caseworker, s.Now);

        var refused = Assert.Throws<StepRefusedException>(() => s.Case.DecideToIssue(s.On("2026-03-10"), "", Caseworker, s.Now));

        Assert.Equal("no-advice-sought", refused.Code);
    }

    [Fact]
    public void AStep_DatedInTheFuture_IsRefused()
    {
        var s = new PathwayScenario("2026-01-05");
        s.On("2026-01-10");

        var refused = Assert.Throws<StepRefusedException>(() => s.Case.DecideToAssess(new DateOnly(2026, 1, 11), "", Caseworker, s.Now));

        Assert.Equal("date-in-future", refused.Code);
        Assert.Contains("10 January 2026", refused.Message);
    }

    [Fact]
    public void AStep_DatedBeforeTheRequest_IsRefused()
    {
        var s = new PathwayScenario("2026-01-05");
        s.On("2026-01-10");

        var refused = Assert.Throws<StepRefusedException>(() => s.Case.DecideToAssess(new DateOnly(2026, 1, 4), "", Caseworker, s.Now));

        Assert.Equal("date-before-previous-step", refused.Code);
    }

    [Fact]
    public void RecordAdviceReceived_Twice_IsRefused()
    {
        var s = new PathwayScenario("2026-01-05").Assessing("2026-02-10", "2026-02-11");
        var advice = s.Case.AdviceRequests[0];
        s.Case.RecordAdviceReceived(advice.Id, s.On("2026-03-01"), Caseworker, s.Now);

        var refused = Assert.Throws<StepRefusedException>(() => s.Case.RecordAdviceReceived(advice.Id, s.On("2026-03-02"), Caseworker, s.Now));

        Assert.Equal("advice-already-received", refused.Code);
    }

    [Fact]
    public void AdviceRequests_EachHaveTheirOwnSixWeekClock()
    {
        var s = new PathwayScenario("2026-01-05").Assessing("2026-02-10", "2026-02-11");
        s.Case.RequestAdvice(AdviserKind.Health, "Community paediatrics", s.On("2026-02-20"), Caseworker, s.Now);

        var advice = s.Case.Deadlines(s.Today).Where(d => d.Deadline.Step == StatutoryStep.AdviceProvided).ToList();

        Assert.Equal(3, advice.Count);
        Assert.Equal(2, advice.Count(d => d.Deadline.Due == new DateOnly(2026, 3, 25)));
        Assert.Single(advice, d => d.Deadline.Due == new DateOnly(2026, 4, 3));
        Assert.Equal(new DateOnly(2026, 3, 25), s.Case.NextDeadlineOn);
    }

    [Fact]
    public void GreenPaperRules_DecideToAssessWithoutAPanelRecommendation_IsRefused()
    {
        var s = new PathwayScenario("2026-10-01", RuleSetCatalogue.GreenPaper2022Id);

        var refused = Assert.Throws<StepRefusedException>(() => s.Case.DecideToAssess(s.On("2026-10-20"), "", Caseworker, s.Now));

        Assert.Equal("panel-recommendation-required", refused.Code);
        Assert.Contains("Green paper 2022 proposals", refused.Message);
    }

    [Fact]
    public void GreenPaperRules_DecideToAssessAfterThePanel_IsAllowedAndCitesThePanel()
    {
        var s = new PathwayScenario("2026-10-01", RuleSetCatalogue.GreenPaper2022Id);
        s.Case.RecordPanelRecommendation(PanelQuestion.WhetherToAssess, PanelRecommendationOutcome.Yes, s.On("2026-10-15"), "Unanimous.", Caseworker, s.Now);

        s.Case.DecideToAssess(s.On("2026-10-20"), "", Caseworker, s.Now);

        Assert.Equal(AssessmentStage.Assessing, s.Case.Stage);
        Assert.Contains("panel", s.Case.Timeline.Last().LegalBasis);
    }

    [Fact]
    public void GreenPaperRules_ADecisionNotToAssess_StatesTheLawInForce_AndOffersMediationAsAProposal()
    {
        var s = new PathwayScenario("2026-10-01", RuleSetCatalogue.GreenPaper2022Id);
        s.Case.RecordPanelRecommendation(PanelQuestion.WhetherToAssess, PanelRecommendationOutcome.No, s.On("2026-10-15"), "", Caseworker, s.Now);

        var rights = s.Case.DecideNotToAssess(s.On("2026-10-20"), "Needs met at SEN support.", Caseworker, s.Now);

        // The law in force (s.55): information and a certificate; taking part is the family's choice.
        Assert.DoesNotContain(rights.Points, p => p.Contains("must take part in mediation", StringComparison.Ordinal));
        Assert.Contains(rights.Points, p => p.Contains("going to mediation is your choice", StringComparison.Ordinal));
        Assert.Contains(rights.Points, p => p.Contains("The law does not require you to take part before you appeal", StringComparison.Ordinal));
        Assert.DoesNotContain("mandatory mediation", rights.Basis, StringComparison.Ordinal);
    }

    [Fact]
    public void SendRegulations_APanelRecommendationIsOptional()
    {
        var s = new PathwayScenario("2026-01-05");

        s.Case.DecideToAssess(s.On("2026-02-10"), "", Caseworker, s.Now);

        Assert.Equal(AssessmentStage.Assessing, s.Case.Stage);
    }

    [Fact]
    public void RecordException_AbsenceShorterThanFourWeeks_IsRefused()
    {
        var s = new PathwayScenario("2026-01-05").Assessing("2026-02-10", "2026-02-11");

        var refused = Assert.Throws<StepRefusedException>(() => s.Case.RecordException(
            ExceptionReason.AbsentFromArea, [StatutoryStep.FinalPlan], null, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 27), "Family abroad.", Caseworker, s.Now));

        Assert.Equal("exception-too-short", refused.Code);
        Assert.Contains("27 days", refused.Message);
    }

    [Fact]
    public void RecordException_AbsenceOfFourWeeks_ExcusesTheLateFinalPlanButKeepsTheDeadline()
    {
        var s = new PathwayScenario("2026-01-05").Assessing("2026-02-10", "2026-02-11");
        s.On("2026-03-01");
        s.Case.RecordException(ExceptionReason.AbsentFromArea, [StatutoryStep.FinalPlan, StatutoryStep.DecisionNotToIssue], null,
            new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 15), "Family abroad caring for a relative.", Caseworker, s.Now);
        s.DraftServed("2026-04-20", "2026-05-01", "2026-05-04");

        s.Case.IssueFinalPlan(s.On("2026-06-01"), null, Caseworker, s.Now);

        var finalPlan = s.Case.Deadlines(s.Today).Single(d => d.Deadline.Step == StatutoryStep.FinalPlan);
        Assert.Equal(new DateOnly(2026, 5, 25), finalPlan.Deadline.Due);
        Assert.Equal(DeadlineState.Missed, finalPlan.State);
        Assert.Equal("SEND Regulations 2014 reg 13(3), applying reg 10(4)(d); SEND Regulations 2014 reg 10(4)(d)", s.Case.Exceptions.Single().Basis);
        Assert.True(finalPlan.ExceptionRecorded);
    }

    [Fact]
    public void RecordException_SummerClosure_AppliesWhenSchoolAdviceWasRequestedInTheWindow()
    {
        // Request received on the first day of the summer closure (school closed 22 July to 2 September,
        // reopening 3 September): reg 10(4)(a) covers advice asked from 15 July to 27 August.
        var s = new PathwayScenario("2026-07-22").Assessing("2026-07-29", "2026-07-30");

        var exception = s.Case.RecordException(ExceptionReason.SchoolOrCollegeClosure, [StatutoryStep.FinalPlan], null,
            new DateOnly(2026, 7, 22), new DateOnly(2026, 9, 2), "School closed for the summer; SENCO advice delayed.", Caseworker, s.Now);

        Assert.Equal("SEND Regulations 2014 reg 13(3), applying reg 10(4)(a)", exception.Basis);
        Assert.Equal(new DateOnly(2026, 12, 9), s.Case.Due(StatutoryStep.FinalPlan));
    }

    [Fact]
    public void RecordException_SummerClosure_WithoutSchoolAdviceInTheWindow_IsRefused()
    {
        var s = new PathwayScenario("2026-07-22");
        s.Case.DecideToAssess(s.On("2026-07-29"), "", Caseworker, s.Now);
        s.Case.RequestAdvice(AdviserKind.Health, "Community paediatrics", s.On("2026-07-30"), Caseworker, s.Now);

        var refused = Assert.Throws<StepRefusedException>(() => s.Case.RecordException(ExceptionReason.SchoolOrCollegeClosure, [StatutoryStep.FinalPlan], null,
            new DateOnly(2026, 7, 22), new DateOnly(2026, 9, 2), "Summer.", Caseworker, s.Now));

        Assert.Equal("closure-advice-not-in-window", refused.Code);
        Assert.Contains("15 July 2026", refused.Message);
        Assert.Contains("27 August 2026", refused.Message);
    }

    /// <summary>
    /// Reg 5(4)(a): the head teacher asked while the request is considered counts, though no reg 6
    /// advice request exists yet. Request received 8 July 2026, school closed 22 July to 2 September:
    /// the window runs from 15 July to 27 August, and the 6-week decision was due 19 August.
    /// </summary>
    [Fact]
    public void RecordException_SummerClosure_ExcusesTheSixWeekDecision_WhileTheRequestWasConsidered()
    {
        var s = new PathwayScenario("2026-07-08");
        s.On("2026-08-25");

        var exception = s.Case.RecordException(ExceptionReason.SchoolOrCollegeClosure, [StatutoryStep.DecisionToAssess], null,
            new DateOnly(2026, 7, 22), new DateOnly(2026, 9, 2), "The head teacher was asked on 16 July; the school closed for the summer.", Caseworker, s.Now);

        Assert.Equal("SEND Regulations 2014 reg 5(4)(a)", exception.Basis);
        Assert.True(s.Case.Deadlines(s.Today).Single(d => d.Deadline.Step == StatutoryStep.DecisionToAssess).ExceptionRecorded);
    }

    /// <summary>Reg 8(2)(b): a family away for 4 weeks excuses the adviser's 6 weeks; a closure does not (reg 8(2) has no such ground).</summary>
    [Fact]
    public void RecordException_FamilyAwayFourWeeks_ExcusesAnAdviser_ButAClosureDoesNot()
    {
        var s = new PathwayScenario("2026-01-05").Assessing("2026-02-10", "2026-02-11");
        var psychology = s.Case.AdviceRequests.Single(a => a.Kind == AdviserKind.Psychological);
        s.On("2026-03-30");

        var away = s.Case.RecordException(ExceptionReason.AbsentFromArea, [StatutoryStep.AdviceProvided], psychology.Id,
            new DateOnly(2026, 2, 14), new DateOnly(2026, 3, 20), "The family were abroad visiting relatives.", Caseworker, s.Now);
        var closure = Assert.Throws<StepRefusedException>(() => s.Case.RecordException(ExceptionReason.SchoolOrCollegeClosure, [StatutoryStep.AdviceProvided], psychology.Id,
            new DateOnly(2026, 2, 14), new DateOnly(2026, 3, 20), "Closed.", Caseworker, s.Now));

        Assert.Equal("SEND Regulations 2014 reg 8(2)(b)", away.Basis);
        Assert.Equal("exception-does-not-cover-step", closure.Code);
    }

    [Fact]
    public void RecordException_MissedAppointment_ExcusesOnlyThatAdvisersSixWeeks()
    {
        var s = new PathwayScenario("2026-01-05").Assessing("2026-02-10", "2026-02-11");
        var psychology = s.Case.AdviceRequests.Single(a => a.Kind == AdviserKind.Psychological);
        s.On("2026-03-01");

        s.Case.RecordException(ExceptionReason.MissedAppointment, [StatutoryStep.AdviceProvided], psychology.Id,
            new DateOnly(2026, 2, 20), new DateOnly(2026, 2, 20), "Appointment on 20 February not attended.", Caseworker, s.Now);

        var refused = Assert.Throws<StepRefusedException>(() => s.Case.RecordException(ExceptionReason.MissedAppointment, [StatutoryStep.FinalPlan], null,
            new DateOnly(2026, 2, 20), new DateOnly(2026, 2, 20), "x", Caseworker, s.Now));
        Assert.Equal("exception-does-not-cover-step", refused.Code);
        var advice = s.Case.Deadlines(new DateOnly(2026, 4, 1)).Where(d => d.Deadline.Step == StatutoryStep.AdviceProvided).ToList();
        Assert.Single(advice, d => d.ExceptionRecorded && d.RelatesTo == psychology.Id);
        Assert.Single(advice, d => !d.ExceptionRecorded);
    }

    [Fact]
    public void RecordException_Coronavirus_OutsideTheAmendmentPeriod_IsRefused()
    {
        var s = new PathwayScenario("2026-01-05");
        s.On("2026-01-20");

        var refused = Assert.Throws<StepRefusedException>(() => s.Case.RecordException(ExceptionReason.Coronavirus, [StatutoryStep.DecisionToAssess], null,
            new DateOnly(2026, 1, 10), new DateOnly(2026, 1, 20), "Illness.", Caseworker, s.Now));

        Assert.Equal("exception-not-available", refused.Code);
    }

    [Fact]
    public void RecordException_ForADeadlineAlreadyMet_IsRefused()
    {
        var s = new PathwayScenario("2026-01-05").Assessing("2026-02-10", "2026-02-11");

        var refused = Assert.Throws<StepRefusedException>(() => s.Case.RecordException(ExceptionReason.ExceptionalPersonalCircumstances, [StatutoryStep.DecisionToAssess], null,
            new DateOnly(2026, 1, 10), new DateOnly(2026, 1, 20), "Bereavement.", Caseworker, s.Now));

        Assert.Equal("deadline-not-breached", refused.Code);
    }

    [Fact]
    public void Deadlines_AfterADecisionToIssue_TheSixteenWeekLimitIsNotNeeded()
    {
        var s = new PathwayScenario("2026-01-05").Assessing("2026-02-10", "2026-02-11").DraftServed("2026-03-20", "2026-04-01", "2026-04-02");

        var deadlines = s.Case.Deadlines(s.Today);

        Assert.Equal(DeadlineState.NotNeeded, deadlines.Single(d => d.Deadline.Step == StatutoryStep.DecisionNotToIssue).State);
        Assert.Equal(DeadlineState.NotYetDue, deadlines.Single(d => d.Deadline.Step == StatutoryStep.FinalPlan).State);
        Assert.Equal(new DateOnly(2026, 5, 25), s.Case.NextDeadlineOn);
        Assert.Equal(StatutoryStep.FinalPlan, s.Case.NextDeadlineStep);
    }

    [Fact]
    public void Receive_FromAYoungPersonStillOfCompulsorySchoolAge_IsRefused()
    {
        var refused = Assert.Throws<StepRefusedException>(() => new PathwayScenario("2026-01-05", requester: RequesterKind.YoungPerson, dateOfBirth: "2010-09-01"));

        Assert.Equal("not-a-young-person", refused.Code);
        Assert.Contains("25 June 2027", refused.Message);
    }

    [Fact]
    public void Receive_FromAYoungPersonOverCompulsorySchoolAge_StartsTheClock()
    {
        var s = new PathwayScenario("2026-07-01", requester: RequesterKind.YoungPerson, dateOfBirth: "2010-08-31");

        Assert.Equal(new DateOnly(2026, 8, 12), s.Case.NextDeadlineOn);
    }

    [Fact]
    public void TransferOut_ToTheSameCouncil_IsRefused()
    {
        var s = new PathwayScenario("2026-01-05");

        var refused = Assert.Throws<StepRefusedException>(() => s.Case.TransferOut(s.On("2026-01-20"), "999", "Demoshire", Caseworker, s.Now));

        Assert.Equal("transfer-same-la", refused.Code);
    }

    [Fact]
    public void TransferOut_ClosesTheCaseAndItsOpenDeadlines()
    {
        var s = new PathwayScenario("2026-01-05");

        s.Case.TransferOut(s.On("2026-01-20"), "886", "Kent", Caseworker, s.Now);

        Assert.Equal(AssessmentStage.TransferredOut, s.Case.Stage);
        Assert.All(s.Case.Deadlines(s.Today), d => Assert.Equal(DeadlineState.NotNeeded, d.State));
        Assert.Null(s.Case.NextDeadlineOn);
    }
}
