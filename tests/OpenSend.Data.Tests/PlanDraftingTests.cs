using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenSend.Data.Assessments;
using OpenSend.Data.Audit;
using OpenSend.Data.Database;
using OpenSend.Data.Plans;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Common;
using OpenSend.Domain.Plans;
using OpenSend.Domain.Timescales;
using OpenSend.Testing;

namespace OpenSend.Data.Tests;

/// <summary>Drafting and issuing plans: versions kept as issued, the pathway moved in the same transaction, refusals save nothing.</summary>
public abstract class PlanDraftingTests(TestProvider provider, PostgresServer postgres) : DataTest(provider, postgres)
{
    private static readonly Guid Need = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid Outcome = Guid.Parse("00000000-0000-0000-0000-00000000000e");
    private static readonly Guid Provision = Guid.Parse("00000000-0000-0000-0000-00000000000f");

    /// <summary>A Kent case received 2 February 2026, assessed, advice requested and received, decided to issue on 4 May.</summary>
    private Task<Guid> CaseReadyForADraftAsync() => Cases886.ReadyForADraftAsync(adviser: "Kent EP service");

    private static PlanContent Drafted(PlanContent start) => start
        .WithViews(new ViewsAndAspirations("I like trains.", "Ada is happiest with a routine.", null, "To make friends."))
        .WithNeed(new PlanNeed(Need, PlanSection.B, "Social communication", Sen2NeedType.ASD, 1))
        .WithOutcome(new PlanOutcome(Outcome, "Ada will start a conversation with a peer twice a day", new DateOnly(2027, 7, 23), [Need]))
        .WithProvision(new PlanProvision(Provision, PlanSection.F, "Social communication group", "Speech and language therapist", "2 sessions a week", "30 minutes, for the school year", "1:4", null, Funder.Education, [Need], [Outcome]));

    private Task<EhcPlan> StartAsync(Guid id) => InScope(sp => sp.GetRequiredService<PlanDrafting>().StartAsync(In886, id));

    private Task EditAsync(Guid id, int version, Func<PlanContent, PlanContent> change) =>
        InScope(sp => sp.GetRequiredService<PlanDrafting>().EditAsync(In886, id, version, change, AuditActions.PlanEdited, "Edited."));

    private Task<ViewedPlan> ReadAsync(Guid id) => InScope(sp => sp.GetRequiredService<PlanQueries>().GetAsync(In886, id));

    private Task<EhcCase> WholeCaseAsync(Guid id) => InScope(sp => sp.GetRequiredService<OpenSendDbContext>().WholeCases.AsNoTracking().SingleAsync(a => a.Id == id));

    [Fact]
    public async Task Start_ListsTheAssessmentsAdviceInSectionK()
    {
        var id = await CaseReadyForADraftAsync();

        var plan = await StartAsync(id);

        var advice = Assert.Single(plan.Working.SectionK);
        Assert.Equal(("Kent EP service", new DateOnly(2026, 4, 6)), (advice.Adviser, advice.ReceivedOn));
    }

    [Fact]
    public async Task Start_BeforeTheDecisionToAssess_IsRefused()
    {
        var received = await ReceiveAsync("886", new DateOnly(2026, 6, 1));

        var refused = await Assert.ThrowsAsync<StepRefusedException>(() => StartAsync(received.Id));

        Assert.Equal("plan-not-possible", refused.Code);
    }

    [Fact]
    public async Task IssueDraft_ThenFinal_StoresEachVersionAsIssued_AndMovesThePathway()
    {
        var id = await CaseReadyForADraftAsync();
        var plan = await StartAsync(id);
        await EditAsync(id, plan.Version, Drafted);

        var draft = await InScope(sp => sp.GetRequiredService<PlanDrafting>().IssueDraftAsync(In886, id, new DateOnly(2026, 5, 11), null));
        await InScope(sp => sp.GetRequiredService<AssessmentCases>().RecordRepresentationsAsync(In886, id, new DateOnly(2026, 5, 20), "Happy with it.", "Oakfield Primary School", false, true));
        var afterDraft = await ReadAsync(id);
        await EditAsync(id, afterDraft.Plan!.Version, c => c.WithSetting(new NamedSetting("Oakfield Primary School", "118000", null, null)));
        var final = await InScope(sp => sp.GetRequiredService<PlanDrafting>().IssueFinalAsync(In886, id, new DateOnly(2026, 6, 1)));

        var read = await ReadAsync(id);
        Assert.Equal(["Draft 1", "Final 1"], read.Plan!.Versions.OrderBy(v => v.Number).Select(v => v.Label));
        Assert.Null(read.Plan.Versions.Single(v => v.Number == 1).Content.SectionI);
        Assert.Equal("Oakfield Primary School", read.Plan.Versions.Single(v => v.Number == 2).Content.SectionI!.Name);
        Assert.Equal(Drafted(PlanContent.Empty).Provision[0].Frequency, read.Plan.Versions.Single(v => v.Number == 2).Content.Provision[0].Frequency);
        Assert.Equal(AssessmentStage.PlanIssued, read.Assessment.Stage);
        Assert.Equal((new DateOnly(2026, 5, 11), new DateOnly(2026, 6, 1), "Oakfield Primary School"),
            (read.Assessment.DraftServedOn, read.Assessment.FinalPlanIssuedOn, read.Assessment.NamedSetting));
        Assert.Equal((1, 2), (draft.Number, final.Number));
        var actions = await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().AuditRecords.Where(r => r.AssessmentId == id).Select(r => r.Action).ToListAsync());
        Assert.Contains("plan.draft-issued", actions);
        Assert.Contains("plan.final-issued", actions);
    }

    [Fact]
    public async Task IssuingADraft_ThatSomeoneElseChangedSinceItWasChecked_IsRefused_AndNothingIsIssued()
    {
        var id = await CaseReadyForADraftAsync();
        var plan = await StartAsync(id);
        await EditAsync(id, plan.Version, Drafted);
        var checkedVersion = (await ReadAsync(id)).Plan!.Version;
        // Another caseworker edits the working copy after this one checked it.
        await EditAsync(id, checkedVersion, c => c.WithViews(new ViewsAndAspirations("Changed meanwhile.", null, null, null)));

        var refused = await Assert.ThrowsAsync<StepRefusedException>(() => InScope(sp => sp.GetRequiredService<PlanDrafting>().IssueDraftAsync(In886, id, new DateOnly(2026, 5, 11), null, checkedVersion)));

        Assert.Equal("plan-changed", refused.Code);
        Assert.True(refused.ChangedMeanwhile);
        var read = await ReadAsync(id);
        Assert.Empty(read.Plan!.Versions);
        Assert.Null(read.Assessment.DraftServedOn);
        await InScope(sp => sp.GetRequiredService<PlanDrafting>().IssueDraftAsync(In886, id, new DateOnly(2026, 5, 11), null, read.Plan.Version));
    }

    [Fact]
    public async Task IssueDraft_WithQualityErrors_SavesNothing()
    {
        var id = await CaseReadyForADraftAsync();
        var plan = await StartAsync(id);
        await EditAsync(id, plan.Version, c => Drafted(c).WithProvision(Drafted(c).Provision[0] with { Frequency = "as required" }));

        var refused = await Assert.ThrowsAsync<PlanDefectsException>(() => InScope(sp => sp.GetRequiredService<PlanDrafting>().IssueDraftAsync(In886, id, new DateOnly(2026, 5, 11), null)));

        Assert.Contains(refused.Errors, e => e.RuleCode == PlanQualityRules.ProvisionVague);
        var read = await ReadAsync(id);
        Assert.Empty(read.Plan!.Versions);
        Assert.Equal(AssessmentStage.DraftingPlan, read.Assessment.Stage);
    }

    [Fact]
    public async Task IssueDraft_BeforeTheDecisionToIssue_IsRefusedByThePathway_AndSavesNoVersion()
    {
        var received = await ReceiveAsync("886", new DateOnly(2026, 2, 2));
        await InScope(sp => sp.GetRequiredService<AssessmentCases>().DecideToAssessAsync(In886, received.Id, new DateOnly(2026, 3, 2), "Evidence."));
        var plan = await StartAsync(received.Id);
        await EditAsync(received.Id, plan.Version, Drafted);

        await Assert.ThrowsAsync<StepRefusedException>(() => InScope(sp => sp.GetRequiredService<PlanDrafting>().IssueDraftAsync(In886, received.Id, new DateOnly(2026, 5, 11), null)));

        Assert.Empty((await ReadAsync(received.Id)).Plan!.Versions);
    }

    [Fact]
    public async Task Edit_FromAStalePage_IsRefused_AndKeepsTheOtherEdit()
    {
        var id = await CaseReadyForADraftAsync();
        var plan = await StartAsync(id);
        await EditAsync(id, plan.Version, Drafted);

        var refused = await Assert.ThrowsAsync<StepRefusedException>(() => EditAsync(id, plan.Version, c => c.WithoutNeed(Need)));

        Assert.Equal("plan-changed", refused.Code);
        Assert.Single((await ReadAsync(id)).Plan!.Working.Needs);
    }

    private Task<Guid> FinalPlanAsync() => Cases886.FinalPlanAsync(Drafted, new NamedSetting("Oakfield Primary School", "118000", null, null));

    /// <summary>
    /// Issue 20 points 8 and 11: an amendment outside any review follows reg 22. Amended draft on
    /// Monday 1 March 2027: the family comments until 15 March (15 days beginning with 1 March), the
    /// amended plan is due by 26 April (8 weeks), and once issued on 16 March the family can appeal
    /// until 17 May 2027 (2 months, s.51(2)(c); 16 May is a Sunday, HESC r.12(2)).
    /// </summary>
    [Fact]
    public async Task AnAmendmentOutsideAReview_WaitsForTheFamilys15Days_AndGivesANewAppealDate()
    {
        var id = await FinalPlanAsync();
        Time.SetUtcNow(new DateTimeOffset(2027, 3, 1, 10, 0, 0, TimeSpan.Zero));
        var inForce = await ReadAsync(id);
        await EditAsync(id, inForce.Plan!.Version, c => c.WithViews(new ViewsAndAspirations("I like trains and buses.", "Ada is happiest with a routine.", null, "To make friends.")));
        await InScope(sp => sp.GetRequiredService<PlanDrafting>().IssueDraftAsync(In886, id, new DateOnly(2027, 3, 1), "New views from Ada."));

        var proposed = await ReadAsync(id);
        Assert.Equal((new DateOnly(2027, 3, 15), new DateOnly(2027, 4, 26)), (proposed.AmendmentInHand!.CommentsCloseOn, proposed.AmendmentInHand.DueBy));
        Assert.Equal(PathwayAction.ProposeAmendments, (await WholeCaseAsync(id)).Timeline.MaxBy(e => e.RecordedAt)!.Action);
        var sweep = await InScope(sp => new DeadlineSweep(sp.GetRequiredService<OpenSendDbContext>()).RunAsync(new DateOnly(2027, 3, 2), ["886"]));
        Assert.Equal(1, sweep.Count(DeadlineState.NotYetDue, "886", StatutoryStep.AmendedPlanAfterNotice));

        Time.SetUtcNow(new DateTimeOffset(2027, 3, 15, 10, 0, 0, TimeSpan.Zero));
        var early = await Assert.ThrowsAsync<StepRefusedException>(() => InScope(sp => sp.GetRequiredService<PlanDrafting>().IssueFinalAsync(In886, id, new DateOnly(2027, 3, 15))));
        Assert.Equal("amendment-representations-open", early.Code);
        Assert.Single((await ReadAsync(id)).Plan!.Versions, v => v.Status == PlanStatus.Final);

        Time.SetUtcNow(new DateTimeOffset(2027, 3, 16, 10, 0, 0, TimeSpan.Zero));
        await InScope(sp => sp.GetRequiredService<PlanDrafting>().IssueFinalAsync(In886, id, new DateOnly(2027, 3, 16)));

        var amended = await ReadAsync(id);
        Assert.Null(amended.AmendmentInHand);
        Assert.Equal("Amended final 2", amended.Plan!.Latest!.Label);
        Assert.Equal(new DateOnly(2027, 5, 17), FamilyUpdate.For(await WholeCaseAsync(id), new DateOnly(2027, 3, 16)).AppealBy);
        var after = await InScope(sp => new DeadlineSweep(sp.GetRequiredService<OpenSendDbContext>()).RunAsync(new DateOnly(2027, 3, 17), ["886"]));
        Assert.Equal(0, after.Count(DeadlineState.NotYetDue, "886", StatutoryStep.AmendedPlanAfterNotice));
    }

    /// <summary>Issue 20 point 10: reg 22(4), a decision not to amend after proposing amendments, with reasons and appeal rights (s.51(2)(e)).</summary>
    [Fact]
    public async Task ADecisionNotToAmend_IsRecordedWithReasonsAndAppealRights_AndTheProposalCannotThenBeIssued()
    {
        var id = await FinalPlanAsync();
        Time.SetUtcNow(new DateTimeOffset(2027, 3, 1, 10, 0, 0, TimeSpan.Zero));
        var inForce = await ReadAsync(id);
        await EditAsync(id, inForce.Plan!.Version, c => c.WithViews(new ViewsAndAspirations("I like buses.", "Ada is happiest with a routine.", null, "To make friends.")));
        await InScope(sp => sp.GetRequiredService<PlanDrafting>().IssueDraftAsync(In886, id, new DateOnly(2027, 3, 1), "New views from Ada."));
        Time.SetUtcNow(new DateTimeOffset(2027, 4, 20, 10, 0, 0, TimeSpan.Zero));

        var blank = await Assert.ThrowsAsync<StepRefusedException>(() => InScope(sp => sp.GetRequiredService<PlanDrafting>().DecideNotToAmendAsync(In886, id, new DateOnly(2027, 4, 20), "")));
        var rights = await InScope(sp => sp.GetRequiredService<PlanDrafting>().DecideNotToAmendAsync(In886, id, new DateOnly(2027, 4, 20), "Ada's views are already in the plan in force."));

        Assert.Equal("decision-reasons", blank.Code);
        // 2 months from 20 April 2027.
        Assert.Equal((AppealableDecision.NotToAmendAfterNotice, new DateOnly(2027, 6, 21)), (rights.Decision, rights.AppealBy));
        var read = await ReadAsync(id);
        var decision = (await WholeCaseAsync(id)).Timeline.MaxBy(e => e.RecordedAt)!;
        Assert.Equal(PathwayAction.DecideNotToAmend, decision.Action);
        Assert.Contains("21 June 2027", decision.FamilySummary);
        Assert.Equal("I like trains.", read.Plan!.Working.SectionA!.InTheirOwnWords);
        var issued = await Assert.ThrowsAsync<StepRefusedException>(() => InScope(sp => sp.GetRequiredService<PlanDrafting>().IssueFinalAsync(In886, id, new DateOnly(2027, 4, 20))));
        Assert.Equal("no-amendment-in-hand", issued.Code);
    }

    /// <summary>Issue 20 point 19: what a child has instead of a school, and a residential placement, reach SEN2 as recorded, not as "other".</summary>
    [Fact]
    public async Task SectionI_WithNoSchool_IsReportedInSen2AsWhatTheChildHasInstead()
    {
        var id = await CaseReadyForADraftAsync();
        var plan = await StartAsync(id);
        await EditAsync(id, plan.Version, Drafted);
        await InScope(sp => sp.GetRequiredService<PlanDrafting>().IssueDraftAsync(In886, id, new DateOnly(2026, 5, 11), null));
        var afterDraft = await ReadAsync(id);
        await EditAsync(id, afterDraft.Plan!.Version, c => c.WithSetting(new NamedSetting("Education otherwise than at school", null, null, null,
            OpenSend.Domain.Returns.Sen2SettingCategory.OLA, Residential: true)));
        await InScope(sp => sp.GetRequiredService<PlanDrafting>().IssueFinalAsync(In886, id, new DateOnly(2026, 6, 1)));

        var sen2 = await InScope(sp => sp.GetRequiredService<OpenSend.Data.Returns.Sen2Extract>().BuildAsync("886", new DateOnly(2027, 1, 21)));

        var (_, _, reported) = Assert.Single(sen2.Plans);
        Assert.Equal((OpenSend.Domain.Returns.Sen2SettingCategory?)OpenSend.Domain.Returns.Sen2SettingCategory.OLA, Assert.Single(reported.PlanSettings).Category);
        Assert.Equal((true, false), (reported.Residential, reported.WorkBasedLearning));
    }

    private static async Task<PlanTransferDocument> RoundTripAsync(PlanTransferDocument document) =>
        await PlanTransfers.ReadAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(PlanJson.Serialize(document))));

    [Fact]
    public async Task Transfer_MovesThePlanWithItsHistory_AndStartsTheNewLasClocks()
    {
        var id = await FinalPlanAsync();
        var exported = await InScope(sp => sp.GetRequiredService<PlanTransfers>().ExportAsync(In886, id));
        var transfer = await RoundTripAsync(exported);

        var received = await InScope(sp => sp.GetRequiredService<AssessmentCases>().ReceiveTransferredPlanAsync(In999, transfer, new DateOnly(2026, 6, 10)));

        var read = await InScope(sp => sp.GetRequiredService<PlanQueries>().GetAsync(In999, received.Id));
        Assert.Equal((AssessmentStage.PlanIssued, "886", new DateOnly(2026, 6, 1), new DateOnly(2026, 7, 22)),
            (read.Assessment.Stage, read.Assessment.TransferredFromLaCode, read.Assessment.FinalPlanIssuedOn, read.Assessment.NextDeadlineOn));
        Assert.StartsWith("999-2026-", received.Reference, StringComparison.Ordinal);
        Assert.Equal(["Draft 1", "Final 1"], read.Plan!.Versions.OrderBy(v => v.Number).Select(v => v.Label));
        Assert.All(read.Plan.Versions, v => Assert.Equal(exported.FromLaName, v.IssuedBy));
        Assert.Equal("Oakfield Primary School", read.Plan.Working.SectionI!.Name);
        Assert.Equal(Drafted(PlanContent.Empty).Provision[0].What, read.Plan.Working.Provision[0].What);
        Assert.True(read.Plan.IsInForce);

        var again = await Assert.ThrowsAsync<StepRefusedException>(() => InScope(sp => sp.GetRequiredService<AssessmentCases>().ReceiveTransferredPlanAsync(In999, transfer, new DateOnly(2026, 6, 10))));
        Assert.Equal("transfer-already-received", again.Code);
        Assert.Contains(received.Reference, again.Message);
        await Assert.ThrowsAsync<CaseNotFoundException>(() => InScope(sp => sp.GetRequiredService<PlanQueries>().GetAsync(In886, received.Id)));
    }

    [Theory]
    [InlineData("not json at all", "transfer-unreadable")]
    [InlineData("{\"format\":\"something-else/1\"}", "transfer-format")]
    public async Task Transfer_OfAFileThatIsNotAPlan_IsRefused(string json, string code)
    {
        var refused = await Assert.ThrowsAsync<StepRefusedException>(() => PlanTransfers.ReadAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json))));

        Assert.Equal(code, refused.Code);
    }

    [Fact]
    public async Task Transfer_OfAPlanWithNoFinalVersion_IsRefused_AndNothingIsSaved()
    {
        var id = await FinalPlanAsync();
        var exported = await InScope(sp => sp.GetRequiredService<PlanTransfers>().ExportAsync(In886, id));
        var draftOnly = exported with { Versions = exported.Versions.Where(v => v.Status == PlanStatus.Draft).ToList() };
        var before = await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().Assessments.CountAsync(a => a.LaCode == "999"));

        var refused = await Assert.ThrowsAsync<StepRefusedException>(() => RoundTripAsync(draftOnly));

        Assert.Equal("transfer-no-final", refused.Code);
        Assert.Equal(before, await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().Assessments.CountAsync(a => a.LaCode == "999")));
    }

    [Fact]
    public async Task Plan_OfAnotherLasCase_IsNotFound()
    {
        var id = await CaseReadyForADraftAsync();
        await StartAsync(id);

        await Assert.ThrowsAsync<CaseNotFoundException>(() => InScope(sp => sp.GetRequiredService<PlanQueries>().GetAsync(In999, id)));
        await Assert.ThrowsAsync<CaseNotFoundException>(() => InScope(sp => sp.GetRequiredService<PlanDrafting>().EditAsync(In999, id, 1, c => c, AuditActions.PlanEdited, "x")));
    }
}

public sealed class PlanDraftingTests_Sqlite(PostgresServer postgres) : PlanDraftingTests(TestProvider.Sqlite, postgres);

public sealed class PlanDraftingTests_PostgreSql(PostgresServer postgres) : PlanDraftingTests(TestProvider.PostgreSql, postgres);
