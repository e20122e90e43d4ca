using OpenSend.Domain.Assessments;
using OpenSend.Domain.Common;
using OpenSend.Domain.Plans;
using OpenSend.Domain.Redress;
using OpenSend.Domain.Reviews;
using OpenSend.Domain.Tests.Assessments;
using OpenSend.Domain.Timescales;
using static OpenSend.Domain.Tests.Assessments.PathwayScenario;

namespace OpenSend.Domain.Tests.Redress;

/// <summary>Mediation, appeals and orders as state machines, and what they do to the case (regs 32–45; s.45; s.55).</summary>
public sealed class RedressTests
{
    private static readonly DateTimeOffset June2027 = AtNoon(new DateOnly(2027, 6, 15));

    private static DateOnly D(string date) => DateOnly.Parse(date);

    private static PathwayScenario RefusedAssessment(string? ruleSetId = null)
    {
        var s = new PathwayScenario("2026-09-01", ruleSetId);
        if (s.Rules.Policy.PanelRecommendationRequired)
        {
            s.Case.RecordPanelRecommendation(PanelQuestion.WhetherToAssess, PanelRecommendationOutcome.No, s.On("2026-10-01"), "", Caseworker, s.Now);
        }

        s.Case.DecideNotToAssess(s.On("2026-10-06"), "Needs can be met at SEN support.", Caseworker, s.Now);
        return s;
    }

    private static PathwayScenario PlanInForce()
    {
        var s = new PathwayScenario("2026-01-05").Assessing("2026-02-10", "2026-02-11").DraftServed("2026-03-20", "2026-04-01", "2026-04-20");
        s.Case.IssueFinalPlan(s.On("2026-06-01"), "Hill Top Primary School", Caseworker, s.Now);
        return s;
    }

    [Fact]
    public void AnOrderToAssess_ReopensACaseClosedByTheRefusal_WithTheOrdersClocks()
    {
        var s = RefusedAssessment();

        s.Case.RecordTribunalOrder(ClockAnchor.OrderToAssess, s.On("2027-02-01"), "The tribunal ordered an EHC needs assessment.", Caseworker, s.Now);

        Assert.Equal(AssessmentStage.Assessing, s.Case.Stage);
        Assert.Null(s.Case.ClosedOn);
        var deadlines = s.Case.Deadlines(s.Today);
        Assert.Equal(D("2027-02-15"), deadlines.Single(d => d.Deadline.Step == StatutoryStep.NotifyBy).Deadline.Due);
        Assert.Equal(DeadlineState.NotNeeded, deadlines.Single(d => d.Deadline.Step == StatutoryStep.FinalPlan).State);
        Assert.Equal(D("2027-02-15"), s.Case.NextDeadlineOn);
        Assert.Contains("must tell you by 15 February 2027", s.Case.Timeline[^1].FamilySummary);
    }

    [Fact]
    public void TheOrdersClocks_AreMetByTheStepsThatCarryItOut()
    {
        var s = RefusedAssessment();
        s.Case.RecordTribunalOrder(ClockAnchor.OrderToAssess, s.On("2027-02-01"), "The tribunal ordered an EHC needs assessment.", Caseworker, s.Now);

        s.Case.NotifyAssessmentUnderOrder(s.On("2027-02-10"), Caseworker, s.Now);
        s.Case.RequestAdvice(AdviserKind.Educational, "Hill Top Primary School", s.On("2027-02-11"), Caseworker, s.Now);
        s.Case.DecideToIssue(s.On("2027-03-20"), "", Caseworker, s.Now);
        s.Case.ServeDraftPlan(s.On("2027-03-22"), Caseworker, s.Now);
        s.Case.IssueFinalPlan(s.On("2027-05-07"), "Hill Top Primary School", Caseworker, s.Now);

        var order = Assert.Single(s.Case.Orders);
        Assert.True(order.IsCarriedOut);
        var deadlines = s.Case.Deadlines(s.Today);
        Assert.Equal(DeadlineState.Met, deadlines.Single(d => d.Deadline.Step == StatutoryStep.NotifyBy).State);
        Assert.Equal(DeadlineState.Met, deadlines.Single(d => d.Deadline.Step == StatutoryStep.FinalPlanBy).State); // 14 weeks: 10 May
        Assert.Equal(DeadlineState.NotNeeded, deadlines.Single(d => d.Deadline.Step == StatutoryStep.DecisionNotToIssueBy).State);
    }

    [Fact]
    public void AnOrderToMakeAPlan_ReopensARefusalToIssue_AtDrafting()
    {
        var s = new PathwayScenario("2026-01-05").Assessing("2026-02-10", "2026-02-11");
        foreach (var advice in s.Case.AdviceRequests)
        {
            s.Case.RecordAdviceReceived(advice.Id, s.On("2026-03-20"), Caseworker, s.Now);
        }

        s.Case.DecideNotToIssue(s.On("2026-04-20"), "Needs met without a plan.", Caseworker, s.Now);

        s.Case.RecordTribunalOrder(ClockAnchor.OrderToMakePlan, s.On("2026-11-02"), "The tribunal ordered the council to make and maintain a plan.", Caseworker, s.Now);

        Assert.Equal(AssessmentStage.DraftingPlan, s.Case.Stage);
        Assert.Equal(D("2026-12-07"), s.Case.NextDeadlineOn);
        // The original refusal was on time and stays met.
        Assert.Equal(DeadlineState.Met, s.Case.Deadlines(s.Today).Single(d => d.Deadline.Step == StatutoryStep.DecisionNotToIssue).State);
    }

    [Fact]
    public void AnOrderToMakeAPlan_CannotReopenARefusalToAssess()
    {
        var s = RefusedAssessment();

        var refused = Assert.Throws<StepRefusedException>(() =>
            s.Case.RecordTribunalOrder(ClockAnchor.OrderToMakePlan, s.On("2027-02-01"), "Ordered a plan.", Caseworker, s.Now));

        Assert.Equal("decided-not-to-assess", refused.Code);
        Assert.Equal(AssessmentStage.NotAssessing, s.Case.Stage);
    }

    [Fact]
    public void AnOrderToAmend_IsCarriedOutByTheAmendedPlan()
    {
        var s = PlanInForce();
        s.Case.RecordTribunalOrder(ClockAnchor.OrderToAmend, s.On("2026-12-28"), "The tribunal ordered sections B and F amended.", Caseworker, s.Now);
        Assert.Equal(D("2027-02-01"), s.Case.NextDeadlineOn);

        var rights = AppealRights.For(AppealableDecision.AmendedPlanContents, s.On("2027-01-20"), s.Rules);
        s.Case.RecordAmendedPlanIssued(s.Today, D("2027-01-05"), D("2027-03-02"), null, rights, Caseworker, s.Now);

        Assert.Equal(D("2027-01-20"), Assert.Single(s.Case.Orders).AmendedPlanOn);
        Assert.Equal(DeadlineState.Met, s.Case.Deadlines(s.Today).Single(d => d.Deadline.Step == StatutoryStep.AmendedPlanBy).State);
    }

    [Fact]
    public void AReg44Exception_ExcusesAMissedOrderLimit_ForAnAbsenceOfTwoWeeks()
    {
        var s = PlanInForce();
        s.Case.RecordTribunalOrder(ClockAnchor.OrderToNameSetting, s.On("2026-12-28"), "The tribunal ordered Oak Lane School named.", Caseworker, s.Now);
        s.On("2027-01-20");

        s.Case.RecordException(ExceptionReason.AbsentFromAreaAfterOrder, [StatutoryStep.AmendedPlanBy], null, D("2026-12-30"), D("2027-01-13"), "Family abroad.", Caseworker, s.Now);
        var tooShort = Assert.Throws<StepRefusedException>(() =>
            s.Case.RecordException(ExceptionReason.AbsentFromAreaAfterOrder, [StatutoryStep.AmendedPlanBy], null, D("2026-12-30"), D("2027-01-11"), "Away.", Caseworker, s.Now));

        Assert.Equal("exception-too-short", tooShort.Code);
        var progress = s.Case.Deadlines(s.Today).Single(d => d.Deadline.Step == StatutoryStep.AmendedPlanBy);
        Assert.Equal("SEND Regulations 2014 reg 44(3)", progress.ExceptionBasis);
    }

    [Fact]
    public void ThePlan_CannotCeaseWhileAnAppealAgainstCeasingIsPending()
    {
        var s = PlanInForce();
        s.Case.DecideToCease(s.On("2027-01-10"), CeaseReason.NeedsMetWithoutPlan, D("2026-12-01"), D("2026-12-02"), "Outcomes achieved.", Caseworker, s.Now);
        s.On("2027-06-01");

        var refused = Assert.Throws<StepRefusedException>(() => s.Case.CeasePlan(s.Today, null, null, Caseworker, s.Now, appealPending: true));
        s.Case.CeasePlan(s.Today, null, s.Today, Caseworker, s.Now);

        Assert.Equal("appeal-pending", refused.Code);
        Assert.Equal(AssessmentStage.PlanCeased, s.Case.Stage);
    }

    [Fact]
    public void APlanCanBeDecidedToCeaseAtAnyTime_OnlyAfterConsultingTheFamilyAndSetting_AndStaysInForceUntilTheAppealTimePasses()
    {
        var s = PlanInForce();
        var tooSoon = Assert.Throws<StepRefusedException>(() =>
            s.Case.DecideToCease(s.On("2027-01-10"), CeaseReason.PaidEmployment, D("2027-01-11"), D("2027-01-09"), "Left education.", Caseworker, s.Now));

        var rights = s.Case.DecideToCease(s.Today, CeaseReason.PaidEmployment, D("2027-01-04"), D("2027-01-05"), "Left education.", Caseworker, s.Now);
        var early = Assert.Throws<StepRefusedException>(() => s.Case.CeasePlan(s.On("2027-03-10"), null, null, Caseworker, s.Now));

        Assert.Equal("consultation-after-decision", tooSoon.Code);
        Assert.Equal(D("2027-03-10"), rights.AppealBy);
        Assert.Equal("appeal-window-open", early.Code);
        Assert.Equal(AssessmentStage.PlanIssued, s.Case.Stage);
        Assert.Equal(PathwayAction.DecideToCease, s.Case.Timeline[^1].Action);
    }

    [Fact]
    public void UnderTheLawInForce_AnAppealNeedsACertificate_ButNotMediation_AndNothingForSectionIOnly()
    {
        var rules = RuleSetCatalogue.SendRegulations2014;

        var refused = Assert.Throws<StepRefusedException>(() => Register(rules, AppealableDecision.FinalPlanContents, [PlanSection.B, PlanSection.I], certificate: null));
        var withCertificate = Register(rules, AppealableDecision.FinalPlanContents, [PlanSection.B, PlanSection.I], certificate: D("2027-05-01"));
        var sectionIOnly = Register(rules, AppealableDecision.FinalPlanContents, [PlanSection.I], certificate: null);

        Assert.Equal("certificate-missing", refused.Code);
        Assert.False(withCertificate.SectionIOnly);
        Assert.True(sectionIOnly.SectionIOnly);
        Assert.Equal(D("2027-06-01"), withCertificate.AppealBy);
    }

    [Fact]
    public void UnderTheGreenPaper_MediationIsRequiredBeforeAnAppeal_ExceptOneAboutSectionIOnly()
    {
        var rules = RuleSetCatalogue.GreenPaper2022;

        var refused = Assert.Throws<StepRefusedException>(() => Register(rules, AppealableDecision.NotToAssess, [], certificate: D("2027-05-01")));
        var afterMediation = Register(rules, AppealableDecision.NotToAssess, [], certificate: D("2027-05-01"), mediationHeld: D("2027-04-28"));
        var sectionIOnly = Register(rules, AppealableDecision.AmendedPlanContents, [PlanSection.I], certificate: null);

        Assert.Equal("mediation-required", refused.Code);
        Assert.Equal(AppealStage.Registered, afterMediation.Stage);
        Assert.Equal(AppealStage.Registered, sectionIOnly.Stage);
    }

    [Fact]
    public void HealthAndSocialCareSections_AreHeardOnlyBesideAnEducationSection()
    {
        var rules = RuleSetCatalogue.SendRegulations2014;

        var refused = Assert.Throws<StepRefusedException>(() => Register(rules, AppealableDecision.FinalPlanContents, [PlanSection.G], D("2027-05-01")));
        var sectionsForARefusal = Assert.Throws<StepRefusedException>(() => Register(rules, AppealableDecision.NotToAssess, [PlanSection.B], D("2027-05-01")));

        Assert.Equal("education-section-missing", refused.Code);
        Assert.Equal("sections-not-for-this-decision", sectionsForARefusal.Code);
    }

    [Fact]
    public void TheTribunal_CanOnlyMakeOrdersThatFitTheAppeal_AndRecommendOnlyOnHealthOrSocialCareSections()
    {
        var rules = RuleSetCatalogue.SendRegulations2014;
        var refusal = Register(rules, AppealableDecision.NotToAssess, [], D("2027-05-01"));
        var contents = Register(rules, AppealableDecision.FinalPlanContents, [PlanSection.F, PlanSection.H1], D("2027-05-01"));

        var wrongOrder = Assert.Throws<StepRefusedException>(() => refusal.RecordDecision(D("2027-06-10"), [TribunalOrderKind.MakePlan], null, [], June2027));
        var notHealth = Assert.Throws<StepRefusedException>(() => refusal.RecordDecision(D("2027-06-10"), [TribunalOrderKind.Assess], null, [("North ICB", "Speech therapy")], June2027));
        contents.RecordDecision(D("2027-06-10"), [TribunalOrderKind.Amend], "Section F to specify 2 hours of speech and language therapy a week.", [("North ICB", "Fund the therapy in H1")], June2027);

        Assert.Equal("order-not-for-this-appeal", wrongOrder.Code);
        Assert.Equal("recommendation-without-section", notHealth.Code);
        Assert.Equal([TribunalOrderKind.Amend], contents.Orders);
        var response = contents.Deadlines(D("2027-06-15")).Single(d => d.Deadline.Step == StatutoryStep.ResponseBy);
        Assert.Equal(D("2027-07-15"), response.Deadline.Due);
        var ended = Assert.Throws<StepRefusedException>(() => contents.Withdraw(D("2027-06-11"), June2027));
        Assert.Equal("appeal-ended", ended.Code);
    }

    [Fact]
    public void TheCouncilNotOpposing_EndsTheAppeal_WithReg45sClocks_AndStopsTheResponseClock()
    {
        var appeal = Register(RuleSetCatalogue.SendRegulations2014, AppealableDecision.FinalPlanContents, [PlanSection.I], null);
        appeal.RecordSentToCouncil(D("2027-05-24"), June2027);

        var kind = appeal.RecordNotOpposing(D("2027-06-01"), June2027);

        Assert.Equal(UnopposedAppealKind.NameSetting, kind);
        Assert.Equal(AppealStage.NotOpposed, appeal.Stage);
        Assert.Equal(DeadlineState.Met, appeal.Deadlines(D("2027-06-15")).Single().State);
    }

    [Fact]
    public void Mediation_DeclinedAfterTheInformation_GetsItsCertificateIn3WorkingDays_AndLetsTheFamilyAppealAMonthLater()
    {
        var mediation = Mediation.Begin(Guid.NewGuid(), "999", RuleSetCatalogue.SendRegulations2014, AppealableDecision.NotToAssess, D("2027-04-01"), D("2027-05-04"), June2027);
        mediation.Decline(D("2027-05-05"), June2027);
        Assert.Equal(D("2027-05-10"), mediation.Deadlines(D("2027-05-06")).Single().Deadline.Due);

        mediation.IssueCertificate(D("2027-05-07"), June2027);

        Assert.Equal(MediationStage.Certified, mediation.Stage);
        Assert.Equal(D("2027-06-07"), mediation.AppealBy);
        Assert.Equal(DeadlineState.Met, mediation.Deadlines(D("2027-06-15")).Single().State);
    }

    [Fact]
    public void Mediation_Arranged_Held_AndCertified_WithWhatWasAgreedCarriedOut()
    {
        var mediation = Mediation.Begin(Guid.NewGuid(), "999", RuleSetCatalogue.SendRegulations2014, AppealableDecision.FinalPlanContents, D("2027-04-01"), D("2027-04-05"), June2027);
        var tooSoon = Assert.Throws<StepRefusedException>(() => mediation.RecordMeeting(D("2027-04-20"), MediationOutcome.NoAgreement, null, false, null, June2027));

        mediation.Arrange(D("2027-04-06"), "Speech and language therapy in section F.", null, "Northshire Mediation", true, false, June2027);
        Assert.Equal(D("2027-05-06"), mediation.Deadlines(D("2027-04-10")).Single().Deadline.Due);
        mediation.RecordMeeting(D("2027-04-30"), MediationOutcome.PartialAgreement, "The ICB will fund a sensory assessment.", true, null, June2027);
        mediation.IssueCertificate(D("2027-05-04"), June2027);
        mediation.RecordAgreementCarriedOut(D("2027-05-12"), June2027);

        Assert.Equal("mediation-not-arranged", tooSoon.Code);
        var clocks = mediation.Deadlines(D("2027-06-15"));
        Assert.Equal([StatutoryStep.MediationBy, StatutoryStep.MediationCertificateBy, StatutoryStep.MediationAgreementBy], clocks.Select(c => c.Deadline.Step));
        Assert.All(clocks, c => Assert.Equal(DeadlineState.Met, c.State));
        Assert.Equal(D("2027-05-06"), clocks[1].Deadline.Due); // 3 working days after Friday 30 April: 3 May is a bank holiday
        Assert.Empty(mediation.AllowedActions);
    }

    [Fact]
    public void UnderTheGreenPaper_TheDecisionMakersAttendanceIsRecorded()
    {
        var mediation = Mediation.Begin(Guid.NewGuid(), "999", RuleSetCatalogue.GreenPaper2022, AppealableDecision.NotToIssue, D("2027-04-01"), D("2027-04-05"), June2027);
        mediation.Arrange(D("2027-04-06"), "The refusal to issue a plan.", null, null, false, false, June2027);

        var refused = Assert.Throws<StepRefusedException>(() => mediation.RecordMeeting(D("2027-04-30"), MediationOutcome.NoAgreement, null, false, null, June2027));
        mediation.RecordMeeting(D("2027-04-30"), MediationOutcome.NoAgreement, null, false, decisionMakerAttended: true, June2027);

        Assert.Equal("decision-maker-attendance-missing", refused.Code);
        Assert.True(mediation.DecisionMakerAttended);
    }

    private static TribunalAppeal Register(StatutoryRuleSet rules, AppealableDecision decision, PlanSection[] sections, DateOnly? certificate, DateOnly? mediationHeld = null) =>
        TribunalAppeal.Register(Guid.NewGuid(), "999", rules, decision, D("2027-04-01"), sections, D("2027-05-20"), "EH999/27/00001", certificate, mediationHeld, June2027);
}
