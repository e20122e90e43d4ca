using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenSend.Data.Access;
using OpenSend.Data.Assessments;
using OpenSend.Data.Audit;
using OpenSend.Data.Database;
using OpenSend.Data.Demo;
using OpenSend.Data.Plans;
using OpenSend.Data.Reviews;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Common;
using OpenSend.Domain.Identity;
using OpenSend.Domain.Plans;
using OpenSend.Domain.Reviews;
using OpenSend.Domain.Timescales;
using OpenSend.Testing;

namespace OpenSend.Data.Tests;

/// <summary>Reviews of plans in force, scheduled and carried out through the services, on both providers.</summary>
public abstract class PlanReviewsTests(TestProvider provider, PostgresServer postgres) : DataTest(provider, postgres)
{
    private static readonly Guid Need = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid Outcome = Guid.Parse("00000000-0000-0000-0000-00000000000e");
    private Dictionary<string, Organisation> _organisations = default!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _organisations = await InScope(sp => sp.GetRequiredService<DemoData>().SeedOrganisationsAsync());
    }

    private RequestContext SencoOf(string code) =>
        new(new Actor(Guid.NewGuid().ToString(), "Jo Whitfield", "Senco", _organisations[code].Name), Viewer.Staff(Guid.NewGuid(), Role.Senco, _organisations[code]), null);

    /// <summary>A Demoshire child born 14 March 2018 (year 4 in 2026/27, no phase transfer within the review's year) at Oakfield, with a final plan issued on 1 June 2026.</summary>
    private Task<Guid> FinalPlanAsync(DateOnly? dateOfBirth = null, string settingUrn = "999001", string settingName = "Oakfield Primary School") =>
        Cases999.FinalPlanAsync(CaseBuilder.ReadingPlan(Need, Outcome), new NamedSetting(settingName, settingUrn, null, null), _organisations["999001"].Id, dateOfBirth: dateOfBirth);

    private Task<AnnualReview> OpenReviewAsync(Guid id) =>
        InScope(sp => sp.GetRequiredService<OpenSendDbContext>().AnnualReviews.AsNoTracking().Where(AnnualReview.Open).SingleAsync(r => r.AssessmentId == id));

    private static ReviewReport Report => new("I like my reading group.", "Reading has come on.",
        [new OutcomeProgressEntry(Outcome, "Reads a short book aloud", OutcomeProgress.OnTrack, "Reading age up 14 months.")],
        [new RecommendedChange(PlanSection.F, "Reduce phonics to 3 sessions a week.")],
        false, "Needs still need more than SEN support.", false, "Outcomes not yet achieved.");

    [Fact]
    public async Task IssuingTheFinalPlan_SchedulesTheFirstReview_LedByTheChildsSetting()
    {
        var id = await FinalPlanAsync();

        var review = await OpenReviewAsync(id);

        Assert.Equal((new DateOnly(2027, 5, 31), ReviewStage.Due, _organisations["999001"].Id), (review.DueBy, review.Stage, review.SettingOrganisationId));
        // The setting's list looks 12 weeks ahead.
        Assert.Empty(await InScope(sp => sp.GetRequiredService<ReviewQueries>().ForSettingAsync(SencoOf("999001"))));
        Time.SetUtcNow(new DateTimeOffset(2027, 3, 15, 10, 0, 0, TimeSpan.Zero));
        var mine = Assert.Single(await InScope(sp => sp.GetRequiredService<ReviewQueries>().ForSettingAsync(SencoOf("999001"))));
        Assert.Equal(review.Id, mine.Id);
        Assert.Empty(await InScope(sp => sp.GetRequiredService<ReviewQueries>().ForSettingAsync(SencoOf("999002"))));
    }

    [Fact]
    public async Task TheSenco_RunsTheMeetingAndReport_TheLaAmends_AndTheNextReviewFollows()
    {
        var id = await FinalPlanAsync();
        var review = await OpenReviewAsync(id);
        Time.SetUtcNow(new DateTimeOffset(2027, 3, 12, 10, 0, 0, TimeSpan.Zero));
        var reviews = (IServiceProvider sp) => sp.GetRequiredService<PlanReviews>();
        var senco = SencoOf("999001");

        await Assert.ThrowsAsync<CaseNotFoundException>(() => InScope(sp => reviews(sp).ArrangeMeetingAsync(SencoOf("999002"), review.Id, new DateOnly(2027, 3, 10), new DateOnly(2027, 2, 17))));
        await InScope(sp => reviews(sp).ArrangeMeetingAsync(senco, review.Id, new DateOnly(2027, 3, 10), new DateOnly(2027, 2, 17)));
        await InScope(sp => reviews(sp).RecordMeetingHeldAsync(senco, review.Id, new DateOnly(2027, 3, 10)));
        await InScope(sp => reviews(sp).SubmitReportAsync(senco, review.Id, new DateOnly(2027, 3, 12), Report));
        await Assert.ThrowsAsync<CaseAccessDeniedException>(() => InScope(sp => reviews(sp).DecideAsync(senco, review.Id, new DateOnly(2027, 3, 12), ReviewDecision.Amend, "x", null)));
        await InScope(sp => reviews(sp).DecideAsync(In999, review.Id, new DateOnly(2027, 3, 12), ReviewDecision.Amend, "Provision to change.", null));

        // The amended draft is the notice of the proposed amendments (reg 22(2)).
        var drafting = (IServiceProvider sp) => sp.GetRequiredService<PlanDrafting>();
        var plan = await InScope(sp => sp.GetRequiredService<PlanQueries>().GetAsync(In999, id));
        await InScope(sp => drafting(sp).EditAsync(In999, id, plan.Plan!.Version, c => c.WithProvision(c.Provision[0] with { Frequency = "3 sessions a week" }), AuditActions.PlanProvisionSaved, "Changed."));
        await InScope(sp => drafting(sp).IssueDraftAsync(In999, id, new DateOnly(2027, 3, 12), "Annual review of 10 March 2027."));
        Assert.Equal(new DateOnly(2027, 3, 12), (await InScope(sp => sp.GetRequiredService<ReviewQueries>().GetAsync(In999, review.Id))).Review.AmendmentNoticeOn);

        Time.SetUtcNow(new DateTimeOffset(2027, 3, 20, 10, 0, 0, TimeSpan.Zero));
        var early = await Assert.ThrowsAsync<StepRefusedException>(() => InScope(sp => drafting(sp).IssueFinalAsync(In999, id, new DateOnly(2027, 3, 20))));
        Assert.Equal("amendment-representations-open", early.Code);
        Assert.Equal(1, (await InScope(sp => sp.GetRequiredService<PlanQueries>().GetAsync(In999, id))).Plan!.Versions.Count(v => v.Status == PlanStatus.Final));

        Time.SetUtcNow(new DateTimeOffset(2027, 3, 29, 10, 0, 0, TimeSpan.Zero));
        await InScope(sp => drafting(sp).IssueFinalAsync(In999, id, new DateOnly(2027, 3, 29)));

        var done = (await InScope(sp => sp.GetRequiredService<ReviewQueries>().GetAsync(In999, review.Id))).Review;
        Assert.Equal((ReviewStage.Completed, new DateOnly(2027, 3, 29)), (done.Stage, done.AmendedPlanIssuedOn));
        var next = await OpenReviewAsync(id);
        Assert.Equal(new DateOnly(2028, 3, 9), next.DueBy);
        var (_, counts) = await InScope(sp => sp.GetRequiredService<ReviewQueries>().BoardAsync(In999));
        var all = counts[0];
        Assert.Equal((1, 1, 1, 1), (all.DecidedWithin4Weeks, all.Decided, all.AmendedWithin12Weeks, all.Amended));
    }

    [Fact]
    public async Task InvitationsSentThroughOpenSend_GoToTheFamily_WithoutTheChildsName_AndDateTheInvitationsToday()
    {
        var id = await FinalPlanAsync();
        var review = await OpenReviewAsync(id);
        Time.SetUtcNow(new DateTimeOffset(2027, 2, 17, 10, 0, 0, TimeSpan.Zero));

        var sent = await InScope(sp => sp.GetRequiredService<PlanReviews>().ArrangeMeetingAsync(SencoOf("999001"), review.Id, new DateOnly(2027, 3, 10), null, sendInvitations: true));

        Assert.Equal(1, sent);
        var invitation = await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().Outbox.AsNoTracking().SingleAsync(m => m.Kind == "review-invitation"));
        Assert.Equal("pat@example.com", invitation.Recipient);
        Assert.Contains("10 March 2027", invitation.Body);
        Assert.Contains("by 24 February 2027", invitation.Body);
        Assert.DoesNotContain("Ada", invitation.Body);
        Assert.Equal(new DateOnly(2027, 2, 17), (await OpenReviewAsync(id)).InvitationsSentOn);
    }

    [Fact]
    public async Task KeepingThePlan_GoesOnTheFamilysRecordWithTheirAppealDate_AndSchedulesTheNextReview()
    {
        var id = await FinalPlanAsync();
        var review = await OpenReviewAsync(id);
        Time.SetUtcNow(new DateTimeOffset(2027, 3, 12, 10, 0, 0, TimeSpan.Zero));
        await InScope(sp => sp.GetRequiredService<PlanReviews>().ArrangeMeetingAsync(In999, review.Id, new DateOnly(2027, 3, 10), new DateOnly(2027, 2, 17)));
        await InScope(sp => sp.GetRequiredService<PlanReviews>().RecordMeetingHeldAsync(In999, review.Id, new DateOnly(2027, 3, 10)));

        var rights = await InScope(sp => sp.GetRequiredService<PlanReviews>().DecideAsync(In999, review.Id, new DateOnly(2027, 3, 12), ReviewDecision.Maintain, "Provision is working.", null));

        Assert.Equal(new DateOnly(2027, 5, 12), rights!.AppealBy);
        var assessment = await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().Assessments.AsNoTracking().Include(a => a.Timeline).SingleAsync(a => a.Id == id));
        var entry = assessment.Timeline.Single(e => e.Action == PathwayAction.RecordReviewDecision);
        Assert.Equal("After the review meeting on 10 March 2027, the council decided to keep your child's plan as it is. You can appeal until 12 May 2027.", entry.FamilySummary);
        Assert.Contains("SEND Regulations 2014 reg 20(10)", entry.Detail);
        Assert.Equal(new DateOnly(2028, 3, 9), (await OpenReviewAsync(id)).DueBy);
    }

    private async Task<RequestContext> ParentOfAsync(Guid id)
    {
        await InScope(sp => sp.GetRequiredService<CaseLinks>().LinkFamilyAsync(In999, id, "review.parent@example.com", Role.Parent));
        var person = await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().People.SingleAsync(p => p.Email == "review.parent@example.com"));
        return new RequestContext(new Actor(person.Id.ToString(), "Pat Parent", "Family", null), Viewer.Family(person.Id), null);
    }

    [Fact]
    public async Task AdviceAndViews_AreReadByTheirAuthorAndTheLeadUntilCirculated_ThenByEveryoneInvited()
    {
        var id = await FinalPlanAsync();
        var review = await OpenReviewAsync(id);
        var parent = await ParentOfAsync(id);
        var senco = SencoOf("999001");
        var reviews = (IServiceProvider sp) => sp.GetRequiredService<PlanReviews>();
        Time.SetUtcNow(new DateTimeOffset(2027, 2, 17, 10, 0, 0, TimeSpan.Zero));
        var early = await Assert.ThrowsAsync<StepRefusedException>(() => InScope(sp => reviews(sp).ContributeAsync(parent, review.Id, "I like trains.", "Reading is better.")));
        await InScope(sp => reviews(sp).ArrangeMeetingAsync(senco, review.Id, new DateOnly(2027, 3, 10), null, sendInvitations: true));

        await InScope(sp => reviews(sp).ContributeAsync(parent, review.Id, "I like my reading group.", "Reading is much better this year."));
        await InScope(sp => reviews(sp).ContributeAsync(senco, review.Id, "Ignored for staff.", "Reading age up 14 months."));

        Assert.Equal("review-not-collecting", early.Code);
        var seenByParent = (await InScope(sp => sp.GetRequiredService<ReviewQueries>().GetAsync(parent, review.Id))).Contributions;
        var family = Assert.Single(seenByParent);
        Assert.Equal((ReviewContributorKind.Family, "I like my reading group."), (family.Kind, family.ChildViews));
        var seenByLead = (await InScope(sp => sp.GetRequiredService<ReviewQueries>().GetAsync(senco, review.Id))).Contributions;
        Assert.Equal(2, seenByLead.Count);
        Assert.Null(seenByLead.Single(c => c.Kind == ReviewContributorKind.Professional).ChildViews);
        Assert.Equal(2, (await InScope(sp => sp.GetRequiredService<ReviewQueries>().GetAsync(In999, review.Id))).Contributions.Count);
        await Assert.ThrowsAsync<CaseNotFoundException>(() => InScope(sp => reviews(sp).ContributeAsync(SencoOf("999002"), review.Id, null, "Not our pupil.")));
        await Assert.ThrowsAsync<CaseNotFoundException>(() => InScope(sp => reviews(sp).ContributeAsync(In886, review.Id, null, "Another council.")));

        // Reg 20(4): circulated through OpenSEND, everyone invited is told and the family reads it all.
        Time.SetUtcNow(new DateTimeOffset(2027, 2, 24, 10, 0, 0, TimeSpan.Zero));
        var emailed = await InScope(sp => reviews(sp).RecordPapersCirculatedAsync(senco, review.Id, null, sendThroughOpenSend: true));

        Assert.True(emailed >= 1);
        var papers = await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().Outbox.AsNoTracking().Where(m => m.Kind == "review-papers").ToListAsync());
        Assert.Contains(papers, m => m.Recipient == "review.parent@example.com" && m.Body.Contains("2 contributions", StringComparison.Ordinal));
        Assert.All(papers, m => Assert.DoesNotContain("Ada", m.Body));
        var circulated = await InScope(sp => sp.GetRequiredService<ReviewQueries>().GetAsync(parent, review.Id));
        Assert.Equal((new DateOnly(2027, 2, 24), 2), (circulated.Review.PapersCirculatedOn, circulated.Contributions.Count));
        var current = await InScope(sp => sp.GetRequiredService<ReviewQueries>().CurrentOfCaseAsync(parent, id));
        Assert.Equal(review.Id, current!.Review.Id);
    }

    /// <summary>The review held on 10 March 2027 and the council's decision of 12 March 2027 to cease the plan.</summary>
    private async Task<Guid> DecidedToCeaseAsync()
    {
        var id = await FinalPlanAsync();
        var review = await OpenReviewAsync(id);
        Time.SetUtcNow(new DateTimeOffset(2027, 3, 12, 10, 0, 0, TimeSpan.Zero));
        await InScope(sp => sp.GetRequiredService<PlanReviews>().ArrangeMeetingAsync(In999, review.Id, new DateOnly(2027, 3, 10), new DateOnly(2027, 2, 17)));
        await InScope(sp => sp.GetRequiredService<PlanReviews>().RecordMeetingHeldAsync(In999, review.Id, new DateOnly(2027, 3, 10)));
        await InScope(sp => sp.GetRequiredService<PlanReviews>().DecideAsync(In999, review.Id, new DateOnly(2027, 3, 12), ReviewDecision.Cease, "Outcomes achieved.", CeaseReason.NeedsMetWithoutPlan));
        return id;
    }

    private Task<EhcCase> CaseAsync(Guid id) =>
        InScope(sp => sp.GetRequiredService<OpenSendDbContext>().Assessments.AsNoTracking().Include(a => a.Timeline).SingleAsync(a => a.Id == id));

    [Fact]
    public async Task ADecisionToCease_KeepsThePlanUntilTheAppealWindowCloses_ThenItCeasesAndTheFamilyIsTold()
    {
        var id = await DecidedToCeaseAsync();
        var reviews = (IServiceProvider sp) => sp.GetRequiredService<PlanReviews>();

        var pending = await CaseAsync(id);
        Assert.Equal((AssessmentStage.PlanIssued, new DateOnly(2027, 3, 12), CeaseReason.NeedsMetWithoutPlan), (pending.Stage, pending.CeaseDecidedOn, pending.CeaseReason));
        Assert.Empty(await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().AnnualReviews.AsNoTracking().Where(r => r.AssessmentId == id).Where(AnnualReview.Open).ToListAsync()));

        Time.SetUtcNow(new DateTimeOffset(2027, 5, 12, 10, 0, 0, TimeSpan.Zero));
        var early = await Assert.ThrowsAsync<StepRefusedException>(() => InScope(sp => sp.GetRequiredService<AssessmentCases>().CeasePlanAsync(In999, id, new DateOnly(2027, 5, 12), null, null)));
        Assert.Equal("appeal-window-open", early.Code);
        Assert.Equal(AssessmentStage.PlanIssued, (await CaseAsync(id)).Stage);
        await Assert.ThrowsAsync<CaseAccessDeniedException>(() => InScope(sp => sp.GetRequiredService<AssessmentCases>().CeasePlanAsync(SencoOf("999001"), id, new DateOnly(2027, 5, 13), null, null)));
        await Assert.ThrowsAsync<CaseNotFoundException>(() => InScope(sp => sp.GetRequiredService<AssessmentCases>().CeasePlanAsync(In886, id, new DateOnly(2027, 5, 13), null, null)));

        Time.SetUtcNow(new DateTimeOffset(2027, 5, 13, 10, 0, 0, TimeSpan.Zero));
        await InScope(sp => sp.GetRequiredService<AssessmentCases>().CeasePlanAsync(In999, id, new DateOnly(2027, 5, 13), null, null));

        var ceased = await CaseAsync(id);
        Assert.Equal((AssessmentStage.PlanCeased, new DateOnly(2027, 5, 13)), (ceased.Stage, ceased.PlanCeasedOn));
        var told = await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().Outbox.AsNoTracking().Where(m => m.Kind == "case-update").OrderBy(m => m.CreatedAt).ToListAsync());
        Assert.Contains("stopped maintaining the EHC plan on 13 May 2027", told[^1].Body);
        Assert.Contains(await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().AuditRecords.AsNoTracking().Where(r => r.AssessmentId == id).Select(r => r.Action).ToListAsync()), a => a == "case.cease-plan");
    }

    [Fact]
    public async Task KeepingThePlanAfterADecisionToCease_SchedulesTheNextReviewFromTheMeeting()
    {
        var id = await DecidedToCeaseAsync();
        Time.SetUtcNow(new DateTimeOffset(2027, 4, 20, 10, 0, 0, TimeSpan.Zero));

        await InScope(sp => sp.GetRequiredService<AssessmentCases>().KeepPlanAsync(In999, id, new DateOnly(2027, 4, 20), "Tribunal ordered the plan to continue."));

        var kept = await CaseAsync(id);
        Assert.Null(kept.CeaseDecidedOn);
        Assert.Equal(new DateOnly(2028, 3, 9), (await OpenReviewAsync(id)).DueBy);
    }

    [Fact]
    public async Task AMoveBetweenPost16Institutions_BringsTheReviewForward_OnTheLeadsWord()
    {
        var id = await FinalPlanAsync();
        var review = await OpenReviewAsync(id);
        Time.SetUtcNow(new DateTimeOffset(2026, 7, 1, 10, 0, 0, TimeSpan.Zero));

        await InScope(sp => sp.GetRequiredService<PlanReviews>().ProposePost16TransferAsync(SencoOf("999001"), review.Id, new DateOnly(2027, 1, 6)));

        var moved = await OpenReviewAsync(id);
        Assert.Equal((PhaseTransferKind.Post16ToPost16, new DateOnly(2026, 8, 6), new DateOnly(2026, 8, 6)), (moved.PhaseTransfer!.Value, moved.PhaseTransferDueBy!.Value, moved.DueBy));
        await Assert.ThrowsAsync<CaseNotFoundException>(() => InScope(sp => sp.GetRequiredService<PlanReviews>().ProposePost16TransferAsync(SencoOf("999002"), review.Id, new DateOnly(2027, 1, 6))));
    }

    [Fact]
    public async Task TheDeadlineSweep_CountsEveryOpenReviewClock_AsTheReviewPageShowsThem()
    {
        var id = await FinalPlanAsync();
        var review = await OpenReviewAsync(id);
        var today = new DateOnly(2027, 6, 1);

        var result = await InScope(sp => new DeadlineSweep(sp.GetRequiredService<OpenSendDbContext>()).RunAsync(today, ["999"]));

        Assert.Equal((0, 1), (result.OpenCases, result.OpenReviews));
        Assert.Equal(1, result.Count(OpenSend.Domain.Timescales.DeadlineState.Overdue, "999", StatutoryStep.AnnualReview));
        Assert.Equal(review.Deadlines(today).Count(d => d.IsOpen), result.OpenClocks);
    }

    [Fact]
    public async Task TheDeadlineSweep_CountsReviewsWithTheSameDates_OnceEach_BesideOneFurtherOn()
    {
        // Two reviews only scheduled, on the same due date, and one whose meeting is arranged: the
        // sweep counts reviews sharing their facts together, and must still count every one.
        var first = await OpenReviewAsync(await FinalPlanAsync());
        var second = await OpenReviewAsync(await FinalPlanAsync());
        var third = await OpenReviewAsync(await FinalPlanAsync());
        Time.SetUtcNow(new DateTimeOffset(2027, 3, 1, 10, 0, 0, TimeSpan.Zero));
        await InScope(sp => sp.GetRequiredService<PlanReviews>().ArrangeMeetingAsync(SencoOf("999001"), third.Id, new DateOnly(2027, 3, 10), new DateOnly(2027, 3, 1)));
        var arranged = await OpenReviewAsync(third.AssessmentId);
        var today = new DateOnly(2027, 3, 8);

        var result = await InScope(sp => new DeadlineSweep(sp.GetRequiredService<OpenSendDbContext>()).RunAsync(today, ["999"]));

        Assert.Equal(first.DueBy, second.DueBy);
        Assert.Equal(3, result.OpenReviews);
        Assert.Equal(new[] { first, second, arranged }.Sum(r => r.Deadlines(today).Count(d => d.IsOpen)), result.OpenClocks);
        Assert.Equal(3, result.Count(OpenSend.Domain.Timescales.DeadlineState.NotYetDue, "999", StatutoryStep.AnnualReview));
        Assert.Equal(arranged.Deadlines(today).Count(d => d.IsOpen && d.Deadline.Step != StatutoryStep.AnnualReview), result.OpenClocks - 3);
        Assert.True(result.OpenClocks > 3);
    }

    [Fact]
    public async Task AReviewStillOpenWhenThePlanCeases_EndsWithIt_AndNoClockOfItKeepsRunning()
    {
        // No step leaves a review open at cessation (the next review follows only a decision to keep
        // the plan), but one written some other way must not keep a dead plan's clocks running.
        var id = await DecidedToCeaseAsync();
        var stray = await InScope(async sp =>
        {
            var db = sp.GetRequiredService<OpenSendDbContext>();
            var review = AnnualReview.Schedule(id, "999", RuleSetCatalogue.SendRegulations2014, new DateOnly(2027, 5, 1), null, null, Time.GetUtcNow());
            db.AnnualReviews.Add(review);
            await db.SaveChangesAsync();
            return review;
        });
        Time.SetUtcNow(new DateTimeOffset(2027, 5, 13, 10, 0, 0, TimeSpan.Zero));
        var today = new DateOnly(2027, 5, 13);
        var before = await InScope(sp => new DeadlineSweep(sp.GetRequiredService<OpenSendDbContext>()).RunAsync(today, ["999"]));

        await InScope(sp => sp.GetRequiredService<AssessmentCases>().CeasePlanAsync(In999, id, today, null, null));

        var ended = await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().AnnualReviews.AsNoTracking().SingleAsync(r => r.Id == stray.Id));
        var after = await InScope(sp => new DeadlineSweep(sp.GetRequiredService<OpenSendDbContext>()).RunAsync(today, ["999"]));
        Assert.Equal((1, 1), (before.OpenReviews, before.Count(OpenSend.Domain.Timescales.DeadlineState.Overdue, "999", StatutoryStep.AnnualReview)));
        Assert.Equal((ReviewStage.Ended, false), (ended.Stage, ended.IsOpen));
        Assert.Equal((0, 0), (after.OpenReviews, after.OpenClocks));
        var refused = await Assert.ThrowsAsync<StepRefusedException>(() => InScope(sp => sp.GetRequiredService<PlanReviews>().ArrangeMeetingAsync(In999, stray.Id, new DateOnly(2027, 5, 30), today)));
        Assert.Contains("ended when the plan ceased or moved", refused.Message);
    }

    [Fact]
    public async Task AChildAtAnInfantSchool_IsReviewedForTheMoveToJuniorSchool_FromTheRegistersAges()
    {
        // Born May 2020: year 1 in 2025/26, so into year 3, and junior school, in September 2027.
        await InScope(sp => DemoSettings.SeedAsync(sp.GetRequiredService<OpenSendDbContext>(), "999", Time.GetUtcNow()));
        var atInfants = await FinalPlanAsync(new DateOnly(2020, 5, 1), "999002", "Brookside Infant School");
        var atPrimary = await FinalPlanAsync(new DateOnly(2020, 5, 1));

        var infants = await OpenReviewAsync(atInfants);
        var primary = await OpenReviewAsync(atPrimary);

        Assert.Equal((PhaseTransferKind.InfantToJunior, new DateOnly(2027, 2, 14), new DateOnly(2027, 2, 14)), (infants.PhaseTransfer!.Value, infants.PhaseTransferDueBy!.Value, infants.DueBy));
        Assert.Null(primary.PhaseTransfer);
        Assert.Equal(new DateOnly(2027, 5, 31), primary.DueBy);
    }
}

public sealed class PlanReviewsTests_Sqlite(PostgresServer postgres) : PlanReviewsTests(TestProvider.Sqlite, postgres);

public sealed class PlanReviewsTests_PostgreSql(PostgresServer postgres) : PlanReviewsTests(TestProvider.PostgreSql, postgres);
