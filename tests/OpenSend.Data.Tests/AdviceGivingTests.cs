using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenSend.Data.Access;
using OpenSend.Data.Advice;
using OpenSend.Data.Assessments;
using OpenSend.Data.Audit;
using OpenSend.Data.Database;
using OpenSend.Data.Demo;
using OpenSend.Data.Documents;
using OpenSend.Data.Plans;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Common;
using OpenSend.Domain.Documents;
using OpenSend.Domain.Identity;
using OpenSend.Domain.Plans;
using OpenSend.Testing;

namespace OpenSend.Data.Tests;

/// <summary>Advisers giving structured advice (reg 6, reg 8), and the caseworker drawing the plan from it with its source.</summary>
public abstract class AdviceGivingTests(TestProvider provider, PostgresServer postgres) : DataTest(provider, postgres)
{
    private Dictionary<string, Organisation> _organisations = default!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _organisations = await InScope(sp => sp.GetRequiredService<DemoData>().SeedOrganisationsAsync());
    }

    private RequestContext Staff(string organisationCode, Role role, string name = "Dr Omar Reyes") =>
        new(new Actor(Guid.NewGuid().ToString(), name, role.ToString(), _organisations[organisationCode].Name), Viewer.Staff(Guid.NewGuid(), role, _organisations[organisationCode]), null);

    private RequestContext Doctor => Staff("ICB-999", Role.HealthAdviser);

    /// <summary>A Demoshire case received 1 May 2026, assessed on 1 June, health advice asked of the ICB on 2 June (due 14 July).</summary>
    private async Task<(Guid CaseId, Guid AdviceId)> HealthAdviceAskedAsync()
    {
        var submitted = await ReceiveAsync(receivedOn: new DateOnly(2026, 5, 1));
        var advice = await InScope(async sp =>
        {
            var cases = sp.GetRequiredService<AssessmentCases>();
            await cases.DecideToAssessAsync(In999, submitted.Id, new DateOnly(2026, 6, 1), "");
            return await cases.RequestAdviceAsync(In999, submitted.Id, AdviserKind.Health, "Demoshire Community Paediatrics", new DateOnly(2026, 6, 2), _organisations["ICB-999"].Id);
        });
        return (submitted.Id, advice.Id);
    }

    private Task<AdviceInProgress> ReadAsync(RequestContext context, Guid adviceId) => InScope(sp => sp.GetRequiredService<AdviceGiving>().GetAsync(context, adviceId));

    private async Task SendAsync(Guid adviceId)
    {
        var version = (await ReadAsync(Doctor, adviceId)).Version;
        await InScope(sp => sp.GetRequiredService<AdviceGiving>().SendAsync(Doctor, adviceId, version));
    }

    private async Task WriteAdviceAsync(Guid adviceId)
    {
        await InScope(sp => sp.GetRequiredService<AdviceGiving>().WriteSummaryAsync(Doctor, adviceId, 0, "Ada has a diagnosis of autism and finds noisy rooms hard."));
        var version = (await ReadAsync(Doctor, adviceId)).Version;
        await InScope(sp => sp.GetRequiredService<AdviceGiving>().ChangeContentAsync(Doctor, adviceId, version, c => c
            .WithNeed(new PlanNeed(Guid.NewGuid(), PlanSection.C, "Sensory processing differences"))
            .WithProvision(new PlanProvision(Guid.NewGuid(), PlanSection.G, "Sensory diet programme", "Occupational therapist", "Weekly", "30 minutes, for 12 weeks", null, null, Funder.Health, [], [])),
            "Added."));
    }

    [Fact]
    public async Task TheAdviser_SeesTheirRequestWithItsSixWeekDueDate()
    {
        var (_, adviceId) = await HealthAdviceAskedAsync();

        var listed = Assert.Single(await InScope(sp => sp.GetRequiredService<AdviceGiving>().ListAsync(Doctor)));

        Assert.Equal((adviceId, new DateOnly(2026, 7, 14), false), (listed.AdviceRequestId, listed.DueOn, listed.Started));
        Assert.Empty(await InScope(sp => sp.GetRequiredService<AdviceGiving>().ListAsync(Staff("SC-999", Role.SocialCareAdviser, "Lee Park"))));
    }

    [Fact]
    public async Task SendingAdvice_RecordsItReceivedOnThePathway_AndFixesIt()
    {
        var (caseId, adviceId) = await HealthAdviceAskedAsync();
        await WriteAdviceAsync(adviceId);
        var version = (await ReadAsync(Doctor, adviceId)).Version;

        await InScope(sp => sp.GetRequiredService<AdviceGiving>().SendAsync(Doctor, adviceId, version));

        var sent = await ReadAsync(Doctor, adviceId);
        Assert.Equal(new DateOnly(2026, 6, 15), sent.Request.ReceivedOn);
        Assert.True(sent.Contribution!.IsSent);
        Assert.False(sent.CanWrite);
        var refused = await Assert.ThrowsAsync<StepRefusedException>(() => InScope(sp => sp.GetRequiredService<AdviceGiving>().WriteSummaryAsync(Doctor, adviceId, sent.Version, "Changed my mind.")));
        Assert.Equal("advice-already-sent", refused.Code);
        var actions = await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().AuditRecords.Where(r => r.AssessmentId == caseId).Select(r => r.Action).ToListAsync());
        Assert.Contains("advice.sent", actions);
        // The adviser now only reads the case (access ends with the advice in).
        Assert.Equal(CaseAccessLevel.Read, await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().LevelAsync(Doctor.Viewer, caseId)));
    }

    [Fact]
    public async Task AdviceWithoutASummary_IsNotSent_AndTheClockRunsOn()
    {
        var (_, adviceId) = await HealthAdviceAskedAsync();
        await InScope(sp => sp.GetRequiredService<AdviceGiving>().ChangeContentAsync(Doctor, adviceId, 0, c => c.WithNeed(new PlanNeed(Guid.NewGuid(), PlanSection.C, "Asthma")), "Added."));
        var version = (await ReadAsync(Doctor, adviceId)).Version;

        var refused = await Assert.ThrowsAsync<StepRefusedException>(() => InScope(sp => sp.GetRequiredService<AdviceGiving>().SendAsync(Doctor, adviceId, version)));

        Assert.Equal("advice-summary-missing", refused.Code);
        var after = await ReadAsync(Doctor, adviceId);
        Assert.Null(after.Request.ReceivedOn);
        Assert.False(after.Contribution!.IsSent);
    }

    [Fact]
    public async Task OnlyTheOrganisationAsked_WritesTheAdvice_AndTheLaSeesItOnlyOnceSent()
    {
        var (_, adviceId) = await HealthAdviceAskedAsync();
        await WriteAdviceAsync(adviceId);

        await Assert.ThrowsAsync<CaseNotFoundException>(() => ReadAsync(Staff("SC-999", Role.SocialCareAdviser, "Lee Park"), adviceId));
        await Assert.ThrowsAsync<CaseNotFoundException>(() => ReadAsync(In886, adviceId));
        await Assert.ThrowsAsync<CaseAccessDeniedException>(() => InScope(sp => sp.GetRequiredService<AdviceGiving>().WriteSummaryAsync(In999, adviceId, 2, "The LA writes it instead.")));
        var seenByLa = await ReadAsync(In999, adviceId);
        Assert.Null(seenByLa.Contribution);
        Assert.False(seenByLa.CanWrite);
    }

    [Fact]
    public async Task ATeamEditingAtOnce_CannotOverwriteEachOther()
    {
        var (_, adviceId) = await HealthAdviceAskedAsync();
        await InScope(sp => sp.GetRequiredService<AdviceGiving>().WriteSummaryAsync(Doctor, adviceId, 0, "First."));
        var version = (await ReadAsync(Doctor, adviceId)).Version;
        await InScope(sp => sp.GetRequiredService<AdviceGiving>().WriteSummaryAsync(Doctor, adviceId, version, "Second."));

        var refused = await Assert.ThrowsAsync<StepRefusedException>(() => InScope(sp => sp.GetRequiredService<AdviceGiving>().WriteSummaryAsync(Doctor, adviceId, version, "Stale.")));

        Assert.Equal("advice-changed", refused.Code);
        Assert.Equal("Second.", (await ReadAsync(Doctor, adviceId)).Contribution!.Summary);
    }

    [Fact]
    public async Task TheAdvisersReport_IsAttachedToTheirRequest_OnlyWhileTheAdviceIsDue()
    {
        var (caseId, adviceId) = await HealthAdviceAskedAsync();

        var report = await InScope(sp => sp.GetRequiredService<CaseDocuments>().UploadAsync(Doctor, caseId, new MemoryStream("%PDF-1.7 report"u8.ToArray()), "Paediatric report", DocumentPurpose.AdviceReport, adviceId));

        Assert.Equal(adviceId, report.AdviceRequestId);
        Assert.Single((await ReadAsync(Doctor, adviceId)).Reports);
        await Assert.ThrowsAsync<CaseAccessDeniedException>(() => InScope(sp => sp.GetRequiredService<CaseDocuments>().UploadAsync(Doctor, caseId, new MemoryStream("%PDF-1.7 other"u8.ToArray()), "Letter", DocumentPurpose.Other, adviceId)));
        await WriteAdviceAsync(adviceId);
        await SendAsync(adviceId);
        await Assert.ThrowsAsync<CaseAccessDeniedException>(() => InScope(sp => sp.GetRequiredService<CaseDocuments>().UploadAsync(Doctor, caseId, new MemoryStream("%PDF-1.7 late"u8.ToArray()), "Addendum", DocumentPurpose.AdviceReport, adviceId)));
    }

    [Fact]
    public async Task TheCaseworker_TakesAdviceIntoThePlan_WithItsSource_Once()
    {
        var (caseId, adviceId) = await HealthAdviceAskedAsync();
        await WriteAdviceAsync(adviceId);
        await SendAsync(adviceId);
        await InScope(sp => sp.GetRequiredService<AssessmentCases>().DecideToIssueAsync(In999, caseId, new DateOnly(2026, 6, 15), "Needs cannot be met at SEN support."));
        var plan = await InScope(sp => sp.GetRequiredService<PlanDrafting>().StartAsync(In999, caseId));
        var sent = Assert.Single(await InScope(async sp =>
        {
            var assessment = await sp.GetRequiredService<OpenSendDbContext>().Assessments.Include(a => a.AdviceRequests).SingleAsync(a => a.Id == caseId);
            return await sp.GetRequiredService<AdviceGiving>().SentOnCaseAsync(assessment);
        }));
        var provision = sent.Content.Provision.Single();

        await InScope(sp => sp.GetRequiredService<PlanDrafting>().AdoptAdviceAsync(In999, caseId, plan.Version, adviceId, provision.Id));

        var working = (await InScope(sp => sp.GetRequiredService<PlanQueries>().GetAsync(In999, caseId))).Plan!;
        var taken = Assert.Single(working.Working.Provision);
        Assert.Equal(("Sensory diet programme", Funder.Health, adviceId, new DateOnly(2026, 6, 15)), (taken.What, taken.FundedBy, taken.Source!.AdviceRequestId, taken.Source.ReceivedOn));
        Assert.NotEqual(provision.Id, taken.Id);
        Assert.Equal("Health (medical) advice from Demoshire Community Paediatrics, received 15 June 2026", PlanReading.SourceName(taken.Source));
        var again = await Assert.ThrowsAsync<StepRefusedException>(() => InScope(sp => sp.GetRequiredService<PlanDrafting>().AdoptAdviceAsync(In999, caseId, working.Version, adviceId, provision.Id)));
        Assert.Equal("advice-already-adopted", again.Code);
    }
}

public sealed class AdviceGivingTests_Sqlite(PostgresServer postgres) : AdviceGivingTests(TestProvider.Sqlite, postgres);

public sealed class AdviceGivingTests_PostgreSql(PostgresServer postgres) : AdviceGivingTests(TestProvider.PostgreSql, postgres);
