using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenSend.Data.Access;
using OpenSend.Data.Assessments;
using OpenSend.Data.Audit;
using OpenSend.Data.Database;
using OpenSend.Data.Demo;
using OpenSend.Data.Redress;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Common;
using OpenSend.Domain.Dashboard;
using OpenSend.Domain.Identity;
using OpenSend.Domain.Plans;
using OpenSend.Domain.Redress;
using OpenSend.Domain.Reviews;
using OpenSend.Domain.Timescales;
using OpenSend.Testing;

namespace OpenSend.Data.Tests;

/// <summary>
/// Issue 23: mediation and appeals recorded by the family, the council and the mediator; the tribunal's
/// orders reopening the case with their clocks in the same save; a plan kept in force while an appeal
/// against ceasing is with the tribunal; on both providers.
/// </summary>
public abstract class RedressTests(TestProvider provider, PostgresServer postgres) : DataTest(provider, postgres)
{
    private static readonly DateOnly RefusedOn = new(2026, 3, 2);

    private Dictionary<string, Organisation> _organisations = default!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _organisations = await InScope(sp => sp.GetRequiredService<DemoData>().SeedOrganisationsAsync());
    }

    private RequestContext Mediator => As(Viewer.Staff(Guid.NewGuid(), Role.Mediator, _organisations["MED-999"]));

    private Task<T> Redress<T>(Func<RedressRecording, Task<T>> work) => InScope(sp => work(sp.GetRequiredService<RedressRecording>()));

    private Task Redress(Func<RedressRecording, Task> work) => InScope(sp => work(sp.GetRequiredService<RedressRecording>()));

    private Task<CaseRedress> ReadAsync(RequestContext who, Guid id) => InScope(sp => sp.GetRequiredService<RedressQueries>().ForCaseAsync(who, id));

    private Task<EhcCase> CaseAsync(Guid id) => InScope(sp => sp.GetRequiredService<OpenSendDbContext>().WholeCases.AsNoTracking().SingleAsync(a => a.Id == id));

    private async Task<(Guid Id, RequestContext Parent)> RefusedAsync(string givenName)
    {
        var id = await Cases999.ReceivedAsync(givenName);
        await InScope(sp => sp.GetRequiredService<AssessmentCases>().DecideNotToAssessAsync(In999, id, RefusedOn, "Needs can be met at SEN support."));
        return (id, await FamilyMemberAsync(id, $"{givenName.ToLowerInvariant()}.parent@example.com"));
    }

    [Fact]
    public async Task TheFamilyRecordsMediationAndAnAppeal_AndTheTribunalsOrderReopensTheCaseWithItsClocks()
    {
        var (id, parent) = await RefusedAsync("Ada");

        var decision = Assert.Single((await ReadAsync(parent, id)).Decisions);
        Assert.Equal((AppealableDecision.NotToAssess, RefusedOn, new DateOnly(2026, 5, 5)), (decision.Decision, decision.DecidedOn, decision.AppealBy));
        var mediation = await Redress(r => r.BeginMediationAsync(parent, id, AppealableDecision.NotToAssess, RefusedOn, new DateOnly(2026, 3, 20)));
        await Redress(r => r.DeclineMediationAsync(parent, id, mediation.Id, new DateOnly(2026, 3, 20)));
        await Redress(r => r.RecordMediationCertificateAsync(parent, id, mediation.Id, new DateOnly(2026, 3, 24)));
        var appeal = await Redress(r => r.RegisterAppealAsync(parent, id, AppealableDecision.NotToAssess, RefusedOn, [], new DateOnly(2026, 4, 10), "EH999/26/00012", null));
        Assert.Equal(new DateOnly(2026, 3, 24), appeal.MediationCertificateOn);

        var notTheFamilys = await Assert.ThrowsAsync<CaseAccessDeniedException>(() => Redress(r => r.RecordAppealResponseAsync(parent, id, appeal.Id, new DateOnly(2026, 5, 20))));
        await Redress(r => r.RecordAppealSentToCouncilAsync(In999, id, appeal.Id, new DateOnly(2026, 4, 14)));
        await Redress(r => r.RecordAppealResponseAsync(In999, id, appeal.Id, new DateOnly(2026, 5, 20)));
        await Redress(r => r.RecordTribunalDecisionAsync(In999, id, appeal.Id, new TribunalDecision(new DateOnly(2026, 6, 10), [TribunalOrderKind.Assess], "Order to assess.", [])));

        var reopened = await CaseAsync(id);
        Assert.Equal(AssessmentStage.Assessing, reopened.Stage);
        Assert.Equal((new DateOnly(2026, 6, 24), StatutoryStep.NotifyBy), (reopened.NextDeadlineOn, reopened.NextDeadlineStep));
        Assert.Equal(PathwayAction.AssessUnderOrder, reopened.Timeline[^1].Action);
        // The deadline sweep counts the order's clocks as the case page does (decision 0007).
        var swept = await InScope(sp => new DeadlineSweep(sp.GetRequiredService<OpenSendDbContext>()).RunAsync(new DateOnly(2026, 6, 15), ["999"]));
        Assert.Equal(1, swept.Count(DeadlineState.NotYetDue, "999", StatutoryStep.NotifyBy));
        Assert.Equal(0, swept.Count(DeadlineState.Overdue, "999", StatutoryStep.FinalPlan));
        var seen = await ReadAsync(parent, id);
        Assert.Equal(AppealStage.Decided, Assert.Single(seen.Appeals).Stage);
        Assert.True(seen.AwaitsNotice);

        await Redress(r => r.NotifyAssessmentUnderOrderAsync(In999, id, new DateOnly(2026, 6, 12)));
        Assert.Equal(StatutoryStep.DecisionNotToIssueBy, (await CaseAsync(id)).NextDeadlineStep);
        var audited = await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().AuditRecords.Where(r => r.AssessmentId == id).Select(r => r.Action).ToListAsync());
        Assert.Contains("redress.mediation-started", audited);
        Assert.Contains("redress.appeal-registered", audited);
        Assert.Contains("redress.appeal-decided", audited);
        Assert.Contains("case.notify-assessment-under-order", audited);
        _ = notTheFamilys;
    }

    [Fact]
    public async Task TheMediatorSeesOnlyTheMediationReferredToTheirService_AndRecordsItsOutcome()
    {
        var (id, parent) = await RefusedAsync("Bea");
        var (other, _) = await RefusedAsync("Cal");
        var mediation = await Redress(r => r.BeginMediationAsync(parent, id, AppealableDecision.NotToAssess, RefusedOn, new DateOnly(2026, 3, 20)));
        Assert.Empty(await InScope(sp => sp.GetRequiredService<RedressQueries>().ReferredToMyServiceAsync(Mediator)));

        await Redress(r => r.ArrangeMediationAsync(In999, id, mediation.Id, new DateOnly(2026, 3, 23), "The refusal to assess.", _organisations["MED-999"].Id, false, false));

        var swept = await InScope(sp => new DeadlineSweep(sp.GetRequiredService<OpenSendDbContext>()).RunAsync(new DateOnly(2026, 6, 15), ["999"]));
        Assert.Equal(1, swept.Count(DeadlineState.Overdue, "999", StatutoryStep.MediationBy)); // due 22 April, 30 days from 23 March
        var noDisagreement = await Assert.ThrowsAsync<StepRefusedException>(() =>
            Redress(r => r.RecordDuringDisagreementAsync(In999, other, DisagreementPlacement.OutOfEducation, new DateOnly(2026, 5, 6), null)));
        Assert.Equal("no-disagreement-under-way", noDisagreement.Code);
        await Redress(r => r.RecordDuringDisagreementAsync(In999, id, DisagreementPlacement.OutOfEducation, new DateOnly(2026, 5, 6), null));
        var board = await InScope(sp => sp.GetRequiredService<RedressQueries>().BoardAsync(In999));
        Assert.Equal((0, 1), (board.InTemporaryPlacements, board.OutOfEducation));
        var referred = Assert.Single(await InScope(sp => sp.GetRequiredService<RedressQueries>().ReferredToMyServiceAsync(Mediator)));
        Assert.Equal(id, referred.Mediation.AssessmentId);
        Assert.Equal(CaseAccessLevel.Read, await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().LevelAsync(Mediator.Viewer, id)));
        Assert.Equal(CaseAccessLevel.None, await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().LevelAsync(Mediator.Viewer, other)));
        var familyCannotHold = await Assert.ThrowsAsync<CaseAccessDeniedException>(() =>
            Redress(r => r.RecordMediationMeetingAsync(parent, id, mediation.Id, new DateOnly(2026, 4, 15), MediationOutcome.NoAgreement, null, false, null)));
        await Redress(r => r.RecordMediationMeetingAsync(Mediator, id, mediation.Id, new DateOnly(2026, 4, 15), MediationOutcome.FullAgreement, "The council will assess.", false, null));
        await Redress(r => r.RecordMediationCertificateAsync(Mediator, id, mediation.Id, new DateOnly(2026, 4, 16)));

        var seen = Assert.Single((await ReadAsync(parent, id)).Mediations);
        Assert.Equal((MediationStage.Certified, MediationOutcome.FullAgreement, "Shire Mediation Service"), (seen.Stage, seen.Outcome, seen.MediationServiceName));
        Assert.Equal(new DateOnly(2026, 5, 18), seen.AppealBy); // 1 month from 16 April: 16 May is a Saturday
        _ = familyCannotHold;

        // 28 days after the certificate the mediator's part has ended.
        Time.Advance(TimeSpan.FromDays(60));
        Assert.Equal(CaseAccessLevel.None, await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().LevelAsync(Mediator.Viewer, id)));
    }

    [Fact]
    public async Task APlanDecidedToCeaseAtAnyTime_StaysInForceWhileTheAppealIsPending_AndCeasesWhenItIsDismissed()
    {
        var id = await Cases999.FinalPlanAsync(CaseBuilder.ReadingPlan(Guid.NewGuid(), Guid.NewGuid()), new NamedSetting("Oakfield Primary School", "999001", null, null),
            currentSetting: _organisations["999001"].Id, givenName: "Dee");
        var parent = await FamilyMemberAsync(id, "dee.parent@example.com");
        await InScope(sp => sp.GetRequiredService<AssessmentCases>().DecideToCeaseAsync(In999, id, new DateOnly(2026, 6, 8), CeaseReason.MovedToHigherEducation,
            new DateOnly(2026, 6, 2), new DateOnly(2026, 6, 3), "She has a place at university."));
        var appeal = await Redress(r => r.RegisterAppealAsync(parent, id, AppealableDecision.ToCease, new DateOnly(2026, 6, 8), [], new DateOnly(2026, 6, 12), null, new DateOnly(2026, 6, 10)));

        Time.SetUtcNow(new DateTimeOffset(2026, 9, 1, 11, 0, 0, TimeSpan.Zero));
        var pending = await Assert.ThrowsAsync<StepRefusedException>(() =>
            InScope(sp => sp.GetRequiredService<AssessmentCases>().CeasePlanAsync(In999, id, new DateOnly(2026, 9, 1), null, null)));
        Assert.Equal("appeal-pending", pending.Code);

        await Redress(r => r.RecordTribunalDecisionAsync(In999, id, appeal.Id, new TribunalDecision(new DateOnly(2026, 8, 28), [], "Appeal dismissed.", [])));

        var ceased = await CaseAsync(id);
        Assert.Equal((AssessmentStage.PlanCeased, new DateOnly(2026, 8, 28)), (ceased.Stage, ceased.PlanCeasedOn));
    }

    [Fact]
    public async Task TheFamilysComplaint_IsAnsweredByTheirCouncilAlone_WithinTheWorkingDaysItSets()
    {
        var (id, parent) = await RefusedAsync("Hal");
        var manager = As(LaStaff("999", Role.LaSendManager));
        await Redress(r => r.SetComplaintWorkingDaysAsync(manager, 5, 15));
        await Assert.ThrowsAsync<CaseAccessDeniedException>(() => Redress(r => r.SetComplaintWorkingDaysAsync(In999, 1, 1)));

        await Assert.ThrowsAsync<CaseAccessDeniedException>(() => Redress(r => r.MakeComplaintAsync(In999, id, "A complaint the council makes to itself.", false, false)));
        var complaint = await Redress(r => r.MakeComplaintAsync(parent, id, "Nobody answered my emails.", false, true));
        Assert.Equal((new DateOnly(2026, 6, 22), "Parent or carer"), (complaint.AnswerDueBy!.Value, complaint.MadeBy)); // 5 working days from Monday 15 June
        await Assert.ThrowsAsync<CaseAccessDeniedException>(() => Redress(r => r.AnswerComplaintAsync(parent, id, complaint.Id, "I answer myself.")));
        await Assert.ThrowsAsync<CaseNotFoundException>(() => Redress(r => r.AnswerComplaintAsync(In886, id, complaint.Id, "Not ours.")));
        await Redress(r => r.AnswerComplaintAsync(In999, id, complaint.Id, "We are sorry."));
        await Redress(r => r.EscalateComplaintAsync(parent, id, complaint.Id));

        var seen = Assert.Single((await ReadAsync(parent, id)).Complaints);
        Assert.Equal((ComplaintStage.StageTwo, new DateOnly(2026, 7, 6)), (seen.Stage, seen.AnswerDueBy!.Value)); // 15 working days
        var board = await InScope(sp => sp.GetRequiredService<RedressQueries>().BoardAsync(In999));
        Assert.Contains(board.Complaints, c => c.Complaint.Id == complaint.Id);
    }

    [Fact]
    public async Task TheSen2Return_SaysWhetherMediationAndAnAppealWereAboutTheRequest_TheAssessment_OrSomethingElse()
    {
        var (refused, parent) = await RefusedAsync("Ivo");
        var mediation = await Redress(r => r.BeginMediationAsync(parent, refused, AppealableDecision.NotToAssess, RefusedOn, new DateOnly(2026, 3, 20)));
        await Redress(r => r.ArrangeMediationAsync(In999, refused, mediation.Id, new DateOnly(2026, 3, 23), "The refusal.", null, false, false));
        await Redress(r => r.RecordMediationMeetingAsync(In999, refused, mediation.Id, new DateOnly(2026, 4, 2), MediationOutcome.NoAgreement, null, false, true));
        var planned = await Cases999.FinalPlanAsync(CaseBuilder.ReadingPlan(Guid.NewGuid(), Guid.NewGuid()), new NamedSetting("Oakfield Primary School", "999001", null, null), givenName: "Jem");
        await Redress(r => r.RegisterAppealAsync(In999, planned, AppealableDecision.FinalPlanContents, CaseBuilder.FinalIssuedOn, [PlanSection.I], new DateOnly(2026, 6, 10), null, null));

        // The collection so far: what is recorded by 15 June 2026 for SEN2 2027.
        var sen2 = await InScope(sp => sp.GetRequiredService<OpenSend.Data.Returns.Sen2Extract>().BuildAsync("999", new DateOnly(2026, 6, 15), collectionYear: 2027));

        var ivo = sen2.Persons.Single(p => p.Forename == "Ivo").Requests.Single();
        var jem = sen2.Persons.Single(p => p.Forename == "Jem").Requests.Single();
        Assert.Equal((true, false), (ivo.Mediation, ivo.Tribunal));
        Assert.Equal((false, false), (jem.Mediation, jem.Tribunal));
        Assert.Equal((false, true, false, false), (jem.Assessment!.Mediation, jem.Assessment.Tribunal, jem.Assessment.OtherMediation, jem.Assessment.OtherTribunal));
    }

    /// <summary>
    /// The dashboard's redress measures come from the records (issue 23): Ada was refused on 2 March, mediated without
    /// agreement on 2 April and won an order to assess on 10 June, 100 days after the decision; Jem's family, whose plan names
    /// specific learning difficulty, complained. Each is counted with the child as the return has them, so Jem's complaint is
    /// in Jem's need's group, not "not known".
    /// </summary>
    [Fact]
    public async Task TheDashboard_CountsMediationAppealsOrdersAndComplaints_WithTheChildAsTheReturnHasThem()
    {
        var (id, parent) = await RefusedAsync("Ada");
        var mediation = await Redress(r => r.BeginMediationAsync(parent, id, AppealableDecision.NotToAssess, RefusedOn, new DateOnly(2026, 3, 20)));
        await Redress(r => r.ArrangeMediationAsync(In999, id, mediation.Id, new DateOnly(2026, 3, 23), "The refusal.", null, false, false));
        await Redress(r => r.RecordMediationMeetingAsync(In999, id, mediation.Id, new DateOnly(2026, 4, 2), MediationOutcome.NoAgreement, null, false, true));
        await Redress(r => r.RecordMediationCertificateAsync(In999, id, mediation.Id, new DateOnly(2026, 4, 7)));
        var appeal = await Redress(r => r.RegisterAppealAsync(parent, id, AppealableDecision.NotToAssess, RefusedOn, [], new DateOnly(2026, 4, 10), null, null));
        await Redress(r => r.RecordTribunalDecisionAsync(In999, id, appeal.Id, new TribunalDecision(new DateOnly(2026, 6, 10), [TribunalOrderKind.Assess], null, [])));
        var jem = await Cases999.FinalPlanAsync(CaseBuilder.ReadingPlan(Guid.NewGuid(), Guid.NewGuid()), new NamedSetting("Oakfield Primary School", "999001", null, null), givenName: "Jem");
        var jemsParent = await FamilyMemberAsync(jem, "jem.parent@example.com");
        await InScope(sp => sp.GetRequiredService<OpenSend.Data.Dashboard.DashboardCounts>().RecountAsync("999"));
        await Redress(r => r.MakeComplaintAsync(jemsParent, jem, "The therapy in section F has not started.", false, false));
        // A complaint alone (no case record changed with it) makes the kept counts out of date: redress is counted now.
        Assert.Equal(["999"], await InScope(sp => sp.GetRequiredService<OpenSend.Data.Dashboard.DashboardCounts>().OutOfDateAsync()));

        var live = await InScope(sp => sp.GetRequiredService<OpenSend.Data.Dashboard.DashboardData>().ForYearAsync("999", 2026));
        (decimal?, decimal?) Counted(string measure) => MeasureCalculator.Compute(Measures.Get(measure), live, suppress: false) is var f ? (f.Numerator, f.Denominator) : default;

        Assert.Equal((1m, 2m), Counted("tribunal-appeal-rate")); // Ada's refusal and Jem's plan in force are the decisions that could be appealed
        Assert.Equal((1m, 1m), Counted("appeals-upheld"));
        Assert.Equal((1m, 1m), Counted("mediation-take-up"));
        Assert.Equal((0m, 1m), Counted("mediation-agreement"));
        Assert.Equal((1m, 1m), Counted("appeals-after-mediation"));
        Assert.Equal((0m, 0m), Counted("orders-on-time")); // the order's last limit is in September
        Assert.Equal((1m, 1m), Counted("complaints-per-1000-plans"));
        Assert.Equal((100m, 1m), Counted("weeks-in-redress"));
        var byNeed = MeasureCalculator.ComputeBy(Measures.Get("complaints-per-1000-plans"), live, Breakdown.PrimaryNeed, suppress: false);
        Assert.Equal(1m, Assert.Single(byNeed, g => g.Group == nameof(Sen2NeedType.SPLD)).Figure.Numerator);
    }

    [Fact]
    public async Task AReassessmentOfAPlanInForce_IsSweptUntilItEnds()
    {
        var id = await Cases999.FinalPlanAsync(CaseBuilder.ReadingPlan(Guid.NewGuid(), Guid.NewGuid()), new NamedSetting("Oakfield Primary School", "999001", null, null),
            currentSetting: _organisations["999001"].Id, givenName: "Gus");
        await InScope(sp => sp.GetRequiredService<AssessmentCases>().RequestReassessmentAsync(In999, id, new DateOnly(2026, 6, 10), "Parent or carer"));
        var sweep = () => InScope(sp => new DeadlineSweep(sp.GetRequiredService<OpenSendDbContext>()).RunAsync(new DateOnly(2026, 6, 15), ["999"]));

        Assert.Equal(1, (await sweep()).Count(DeadlineState.NotYetDue, "999", StatutoryStep.ReassessmentDecisionBy) + (await sweep()).Count(DeadlineState.DueSoon, "999", StatutoryStep.ReassessmentDecisionBy));
        var rights = await InScope(sp => sp.GetRequiredService<AssessmentCases>().DecideReassessmentAsync(In999, id, false, new DateOnly(2026, 6, 12), "Needs unchanged since the plan was made."));

        Assert.Equal(AppealableDecision.NotToReassess, rights!.Decision);
        Assert.Equal(0, (await sweep()).Tallies.Count(t => t.Step is StatutoryStep.ReassessmentDecisionBy or StatutoryStep.ReassessmentOutcomeBy));
        Assert.Contains((await CaseAsync(id)).Timeline, e => e.Action == PathwayAction.DecideNotToReassess);
    }

    [Fact]
    public async Task TheCouncilNotOpposingARefusalToIssue_ReopensTheCaseAtDrafting_WithReg45sClocks_AndAnotherLaCannotTouchIt()
    {
        var id = await Cases999.ReadyForADraftAsync("Eli");
        var refusedId = await Cases999.ReceivedAsync("Fay");
        await InScope(async sp =>
        {
            var cases = sp.GetRequiredService<AssessmentCases>();
            await cases.DecideToAssessAsync(In999, refusedId, CaseBuilder.DecidedToAssessOn, "Evidence.");
            var advice = await cases.RequestAdviceAsync(In999, refusedId, AdviserKind.Psychological, "EP service", CaseBuilder.DecidedToAssessOn);
            await cases.RecordAdviceReceivedAsync(In999, refusedId, advice.Id, CaseBuilder.AdviceReceivedOn);
            await cases.DecideNotToIssueAsync(In999, refusedId, CaseBuilder.DecidedToIssueOn, "Needs met at SEN support.");
        });
        var appeal = await Redress(r => r.RegisterAppealAsync(In999, refusedId, AppealableDecision.NotToIssue, CaseBuilder.DecidedToIssueOn, [], new DateOnly(2026, 5, 20), null, new DateOnly(2026, 5, 18)));

        await Assert.ThrowsAsync<CaseNotFoundException>(() => Redress(r => r.RecordNotOpposingAsync(In886, refusedId, appeal.Id, new DateOnly(2026, 6, 1))));
        await Redress(r => r.RecordNotOpposingAsync(In999, refusedId, appeal.Id, new DateOnly(2026, 6, 1)));

        var reopened = await CaseAsync(refusedId);
        Assert.Equal(AssessmentStage.DraftingPlan, reopened.Stage);
        Assert.Equal((new DateOnly(2026, 7, 6), StatutoryStep.DraftPlanBy), (reopened.NextDeadlineOn, reopened.NextDeadlineStep));
        Assert.Equal(ClockAnchor.UnopposedRefusalToIssue, Assert.Single(reopened.Orders).Anchor);
        Assert.Equal(new DateOnly(2026, 6, 1), reopened.OrderOpenSince);
        Assert.Equal(AssessmentStage.DraftingPlan, (await CaseAsync(id)).Stage);
    }
}

public sealed class RedressTests_Sqlite(PostgresServer postgres) : RedressTests(TestProvider.Sqlite, postgres);

public sealed class RedressTests_PostgreSql(PostgresServer postgres) : RedressTests(TestProvider.PostgreSql, postgres);
