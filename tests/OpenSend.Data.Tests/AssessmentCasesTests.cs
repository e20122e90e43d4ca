using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenSend.Data.Assessments;
using OpenSend.Data.Audit;
using OpenSend.Data.Database;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Common;
using OpenSend.Domain.Timescales;
using OpenSend.Testing;

namespace OpenSend.Data.Tests;

public abstract class AssessmentCasesTests(TestProvider provider, PostgresServer postgres) : DataTest(provider, postgres)
{
    [Fact]
    public async Task ReceiveAsync_FromTheForm_StartsTheClockTodayWithAReferenceAndAHashedToken()
    {
        var submitted = await ReceiveAsync();

        Assert.Equal(new DateOnly(2026, 6, 15), submitted.ReceivedOn);
        Assert.Equal("999-2026-00001", submitted.Reference);
        Assert.True(submitted.TrackingToken.Length >= 32);
        var stored = await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().Assessments.AsNoTracking().SingleAsync());
        Assert.NotEqual(submitted.TrackingToken, stored.TrackingTokenHash);
        Assert.Equal(AssessmentCases.HashTrackingToken(submitted.TrackingToken), stored.TrackingTokenHash);
        Assert.Equal(new DateOnly(2026, 7, 27), stored.NextDeadlineOn);
    }

    /// <summary>s.36(1): a letter without reasons or agreement to share is still a request; its clock runs from receipt.</summary>
    [Fact]
    public async Task ARequestWithoutReasonsOrAgreementToShare_IsRecorded_AndWhatArrivesLaterCompletesIt()
    {
        var submitted = await InScope(sp => sp.GetRequiredService<AssessmentCases>().ReceiveAsync(In999,
            new AssessmentRequestSubmission("999", RequesterKind.Parent, "Pat Example", "pat@example.com", null, null, "Letter", "Example",
                new DateOnly(2018, 3, 14), null, false), new DateOnly(2026, 6, 1)));
        EhcCase Stored() => InScope(sp => sp.GetRequiredService<OpenSendDbContext>().Assessments.AsNoTracking().Include(a => a.Timeline).SingleAsync(a => a.Id == submitted.Id)).Result;

        var recorded = Stored();
        // Received 1 June 2026: decide whether to assess by 13 July 2026 (6 weeks).
        Assert.Equal(new DateOnly(2026, 7, 13), recorded.NextDeadlineOn);
        Assert.Equal(2, recorded.StillNeededFromRequester.Count);
        Assert.Contains("It will ask you for the reasons for the request and agreement to share", recorded.Timeline[0].FamilySummary);

        await InScope(sp => sp.GetRequiredService<AssessmentCases>().CompleteRequestAsync(In999, submitted.Id, "Not making progress in reading.", false));
        var again = await Assert.ThrowsAsync<StepRefusedException>(() => InScope(sp => sp.GetRequiredService<AssessmentCases>().CompleteRequestAsync(In999, submitted.Id, "Something else.", false)));
        await InScope(sp => sp.GetRequiredService<AssessmentCases>().CompleteRequestAsync(In999, submitted.Id, null, true));

        Assert.Equal("reason-already-given", again.Code);
        var completed = Stored();
        Assert.Empty(completed.StillNeededFromRequester);
        Assert.Equal("Not making progress in reading.", completed.ReasonForRequest);
        Assert.Equal(new DateOnly(2026, 6, 1), completed.RequestReceivedOn);
        Assert.Equal(2, await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().AuditRecords.CountAsync(r => r.AssessmentId == submitted.Id && r.Action == "case.request-completed")));
    }

    [Fact]
    public async Task ReceiveAsync_ManyAtOnce_GivesEveryRequestItsOwnReference()
    {
        var submitted = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => ReceiveAsync(givenName: $"Child{i}")));

        Assert.Equal(12, submitted.Select(s => s.Reference).Distinct().Count());
        Assert.Equal("999-2026-00012", submitted.Select(s => s.Reference).Max());
    }

    [Fact]
    public async Task ReceiveAsync_ForAnUnknownCouncil_IsRefusedAndSavesNothing()
    {
        var refused = await Assert.ThrowsAsync<StepRefusedException>(() => ReceiveAsync(laCode: "000"));

        Assert.Equal("unknown-la", refused.Code);
        Assert.Equal(0, await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().Assessments.CountAsync()));
    }

    [Fact]
    public async Task AStep_WhenRecorded_SavesTheEventAndItsAuditRecordTogether()
    {
        var submitted = await ReceiveAsync();

        await InScope(sp => sp.GetRequiredService<AssessmentCases>().DecideToAssessAsync(In999, submitted.Id, new DateOnly(2026, 6, 15), "Evidence of need."));

        var (events, audit) = await InScope(async sp =>
        {
            var db = sp.GetRequiredService<OpenSendDbContext>();
            return (await db.PathwayEvents.Where(e => e.AssessmentId == submitted.Id).ToListAsync(),
                await db.AuditRecords.Where(a => a.AssessmentId == submitted.Id).ToListAsync());
        });
        Assert.Equal([PathwayAction.ReceiveRequest, PathwayAction.DecideToAssess], events.OrderBy(e => e.RecordedAt).Select(e => e.Action));
        Assert.Contains(audit, a => a is { Action: "case.decide-to-assess", ActorId: "cw-999", LaCode: "999", SourceAddress: "127.0.0.1" });
    }

    [Fact]
    public async Task AStep_WhenRefused_LeavesTheCaseAndTheAuditLogUnchanged()
    {
        var submitted = await ReceiveAsync();
        var auditBefore = await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().AuditRecords.CountAsync());

        var refused = await Assert.ThrowsAsync<StepRefusedException>(() =>
            InScope(sp => sp.GetRequiredService<AssessmentCases>().IssueFinalPlanAsync(In999, submitted.Id, new DateOnly(2026, 6, 15), null)));

        Assert.Equal("draft-not-served", refused.Code);
        var (stage, events, auditAfter) = await InScope(async sp =>
        {
            var db = sp.GetRequiredService<OpenSendDbContext>();
            var stored = await db.Assessments.AsNoTracking().SingleAsync(a => a.Id == submitted.Id);
            return (stored.Stage, await db.PathwayEvents.CountAsync(e => e.AssessmentId == submitted.Id), await db.AuditRecords.CountAsync());
        });
        Assert.Equal(AssessmentStage.RequestReceived, stage);
        Assert.Equal(1, events);
        Assert.Equal(auditBefore, auditAfter);
    }

    [Fact]
    public async Task ACase_FromAnotherCouncil_IsNotFoundForReadsOrWrites()
    {
        var submitted = await ReceiveAsync();

        await Assert.ThrowsAsync<CaseNotFoundException>(() => InScope(sp => sp.GetRequiredService<AssessmentQueries>().GetCaseAsync(In886, submitted.Id)));
        await Assert.ThrowsAsync<CaseNotFoundException>(() =>
            InScope(sp => sp.GetRequiredService<AssessmentCases>().DecideToAssessAsync(In886, submitted.Id, new DateOnly(2026, 6, 15), "")));
        var kent = await InScope(sp => sp.GetRequiredService<AssessmentQueries>().CaseloadAsync(In886, new CaseloadFilter()));
        Assert.Empty(kent.Rows);
    }

    [Fact]
    public async Task TwoCaseworkers_RecordingAtOnce_OneWinsAndTheOtherIsToldToCheck()
    {
        var submitted = await ReceiveAsync();
        await using var first = Services.CreateAsyncScope();
        await using var second = Services.CreateAsyncScope();
        var firstDb = first.ServiceProvider.GetRequiredService<OpenSendDbContext>();
        var secondDb = second.ServiceProvider.GetRequiredService<OpenSendDbContext>();
        var firstCopy = await firstDb.Assessments.Include(a => a.Timeline).Include(a => a.AdviceRequests).Include(a => a.PanelRecommendations).Include(a => a.Exceptions).SingleAsync();
        var secondCopy = await secondDb.Assessments.Include(a => a.Timeline).Include(a => a.AdviceRequests).Include(a => a.PanelRecommendations).Include(a => a.Exceptions).SingleAsync();
        var now = Time.GetUtcNow();

        firstCopy.DecideToAssess(new DateOnly(2026, 6, 15), "", Caseworker999, now);
        await firstDb.SaveChangesAsync();
        secondCopy.DecideNotToAssess(new DateOnly(2026, 6, 15), "Needs met at SEN support.", Caseworker999, now);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => secondDb.SaveChangesAsync());
        var stored = (await InScope(sp => sp.GetRequiredService<AssessmentQueries>().GetCaseAsync(In999, submitted.Id))).Assessment;
        Assert.Equal(AssessmentStage.Assessing, stored.Stage);
    }

    [Fact]
    public async Task ACase_SavedAndLoaded_KeepsEveryPartOfItsRecord()
    {
        var submitted = await ReceiveAsync(receivedOn: new DateOnly(2026, 1, 5));
        await InScope(async sp =>
        {
            var cases = sp.GetRequiredService<AssessmentCases>();
            await cases.DecideToAssessAsync(In999, submitted.Id, new DateOnly(2026, 2, 10), "Evidence.");
            var advice = await cases.RequestAdviceAsync(In999, submitted.Id, AdviserKind.Psychological, "EP service", new DateOnly(2026, 2, 11));
            await cases.RecordExceptionAsync(In999, submitted.Id, ExceptionReason.MissedAppointment, [StatutoryStep.AdviceProvided], advice.Id,
                new DateOnly(2026, 2, 20), new DateOnly(2026, 2, 20), "Appointment missed.");
            await cases.RecordExceptionAsync(In999, submitted.Id, ExceptionReason.AbsentFromArea, [StatutoryStep.FinalPlan, StatutoryStep.DecisionNotToIssue], null,
                new DateOnly(2026, 2, 1), new DateOnly(2026, 3, 1), "Abroad.");
        });

        var loaded = (await InScope(sp => sp.GetRequiredService<AssessmentQueries>().GetCaseAsync(In999, submitted.Id))).Assessment;

        Assert.Equal("Ada", loaded.Child.GivenName);
        Assert.Equal(new DateOnly(2018, 3, 14), loaded.Child.DateOfBirth);
        Assert.Equal(RequesterKind.Parent, loaded.Requester.Kind);
        Assert.Equal(AssessmentStage.Assessing, loaded.Stage);
        Assert.Single(loaded.AdviceRequests);
        Assert.Equal(2, loaded.Exceptions.Count);
        Assert.Equal([StatutoryStep.DecisionNotToIssue, StatutoryStep.FinalPlan], loaded.Exceptions.Single(e => e.Reason == ExceptionReason.AbsentFromArea).Steps.Order());
        Assert.Equal(5, loaded.Timeline.Count);
        Assert.Equal(new DateOnly(2026, 3, 25), loaded.NextDeadlineOn);
    }

    [Fact]
    public async Task Caseload_ListsOpenCasesByNextDeadline_AndCountsTheOverdue()
    {
        var overdue = await ReceiveAsync(receivedOn: new DateOnly(2026, 4, 1), givenName: "Overdue");   // decision due 13 May
        var soon = await ReceiveAsync(receivedOn: new DateOnly(2026, 5, 6), givenName: "Soon");          // due 17 June
        var later = await ReceiveAsync(receivedOn: new DateOnly(2026, 6, 10), givenName: "Later");       // due 22 July
        var withdrawn = await ReceiveAsync(receivedOn: new DateOnly(2026, 3, 1), givenName: "Withdrawn");
        await InScope(sp => sp.GetRequiredService<AssessmentCases>().WithdrawAsync(In999, withdrawn.Id, new DateOnly(2026, 3, 5), "Moved to home education."));

        var caseload = await InScope(sp => sp.GetRequiredService<AssessmentQueries>().CaseloadAsync(In999, new CaseloadFilter()));

        Assert.Equal([overdue.Id, soon.Id, later.Id], caseload.Rows.Select(r => r.Id));
        Assert.Equal([DeadlineState.Overdue, DeadlineState.DueSoon, DeadlineState.NotYetDue], caseload.Rows.Select(r => r.NextState!.Value));
        Assert.Equal(1, caseload.Overdue);
        Assert.Equal(1, caseload.DueSoon);
        Assert.Equal(1, caseload.CountsByStage[AssessmentStage.Withdrawn]);
        var withdrawnOnly = await InScope(sp => sp.GetRequiredService<AssessmentQueries>().CaseloadAsync(In999, new CaseloadFilter(AssessmentStage.Withdrawn)));
        Assert.Equal([withdrawn.Id], withdrawnOnly.Rows.Select(r => r.Id));
    }

    [Fact]
    public async Task Caseload_KeptForTheTeam_ShowsEveryChangeAtOnce_AndIsNeverAnotherCouncils()
    {
        var first = await ReceiveAsync(receivedOn: new DateOnly(2026, 5, 6), givenName: "First");
        Task<CaseloadPage> CaseloadAsync(RequestContext context) => InScope(sp => sp.GetRequiredService<AssessmentQueries>().CaseloadAsync(context, new CaseloadFilter()));
        Assert.Equal([first.Id], (await CaseloadAsync(In999)).Rows.Select(r => r.Id));

        // Kept now: a new case, then a step that closes the first, are each on the next read.
        var second = await ReceiveAsync(receivedOn: new DateOnly(2026, 6, 10), givenName: "Second");
        Assert.Equal([first.Id, second.Id], (await CaseloadAsync(In999)).Rows.Select(r => r.Id));
        await InScope(sp => sp.GetRequiredService<AssessmentCases>().WithdrawAsync(In999, first.Id, new DateOnly(2026, 6, 12), "Moved away."));
        var afterWithdrawal = await CaseloadAsync(In999);
        Assert.Equal([second.Id], afterWithdrawal.Rows.Select(r => r.Id));
        Assert.Equal(1, afterWithdrawal.CountsByStage[AssessmentStage.Withdrawn]);

        // Tomorrow's page says how far each deadline is from tomorrow.
        var today = afterWithdrawal.Rows.Single().DaysFromToday;
        Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(today - 1, (await CaseloadAsync(In999)).Rows.Single().DaysFromToday);

        Assert.Empty((await CaseloadAsync(In886)).Rows);
    }

    [Fact]
    public async Task Tracking_WithTheToken_FindsTheCaseAndAuditsTheRead_WithAWrongTokenFindsNothing()
    {
        var submitted = await ReceiveAsync();
        var family = RequestContext.Public("10.0.0.1", "Holder of the tracking link");

        var found = await InScope(sp => sp.GetRequiredService<AssessmentQueries>().FindByTrackingTokenAsync(family, submitted.TrackingToken));
        var notFound = await InScope(sp => sp.GetRequiredService<AssessmentQueries>().FindByTrackingTokenAsync(family, "wrong" + submitted.TrackingToken[5..]));

        Assert.Equal(submitted.Id, found!.Assessment.Id);
        Assert.Null(notFound);
        Assert.True(await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().AuditRecords.AnyAsync(a => a.Action == "case.viewed-by-tracking-link" && a.SourceAddress == "10.0.0.1")));
    }
}

public sealed class AssessmentCasesTests_Sqlite(PostgresServer postgres) : AssessmentCasesTests(TestProvider.Sqlite, postgres);

public sealed class AssessmentCasesTests_PostgreSql(PostgresServer postgres) : AssessmentCasesTests(TestProvider.PostgreSql, postgres);
