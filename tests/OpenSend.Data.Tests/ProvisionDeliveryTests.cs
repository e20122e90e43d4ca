using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenSend.Data.Access;
using OpenSend.Data.Assessments;
using OpenSend.Data.Audit;
using OpenSend.Data.Dashboard;
using OpenSend.Data.Database;
using OpenSend.Data.Demo;
using OpenSend.Data.Plans;
using OpenSend.Domain.Common;
using OpenSend.Domain.Dashboard;
using OpenSend.Domain.Identity;
using OpenSend.Domain.Plans;
using OpenSend.Testing;

namespace OpenSend.Data.Tests;

/// <summary>
/// Issue 22: the family's and the setting's say on whether the plan's provision is delivered, and the
/// council's answer, on both providers: who may report and answer, what each says now, the council's
/// list, and the dashboard's count.
/// </summary>
public abstract class ProvisionDeliveryTests(TestProvider provider, PostgresServer postgres) : DataTest(provider, postgres)
{
    private static readonly Guid Phonics = Guid.NewGuid();
    private static readonly Guid Speech = Guid.NewGuid();
    private Dictionary<string, Organisation> _organisations = default!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _organisations = await InScope(sp => sp.GetRequiredService<DemoData>().SeedOrganisationsAsync());
    }


    private RequestContext Senco(string organisationCode = "999001") => As(Viewer.Staff(Guid.NewGuid(), Role.Senco, _organisations[organisationCode]));

    /// <summary>A final plan with phonics (F) and speech and language therapy (G), Oakfield the child's school, and a parent's account.</summary>
    private async Task<(Guid Case, RequestContext Parent)> PlanInForceAsync(string givenName)
    {
        var id = await Cases999.FinalPlanAsync(c =>
            {
                var need = Guid.NewGuid();
                var outcome = Guid.NewGuid();
                return c.WithViews(new ViewsAndAspirations("I like trains.", null, null, null))
                    .WithNeed(new PlanNeed(need, PlanSection.B, "Reading", Sen2NeedType.SPLD, 1))
                    .WithOutcome(new PlanOutcome(outcome, "Reads a short book aloud", new DateOnly(2027, 7, 23), [need]))
                    .WithProvision(new PlanProvision(Phonics, PlanSection.F, "Phonics programme", "Specialist teacher", "4 sessions a week", "20 minutes", "1:1", null, Funder.Education, [need], [outcome]))
                    .WithProvision(new PlanProvision(Speech, PlanSection.G, "Speech and language therapy", "NHS therapist", "Once a fortnight", "45 minutes", "1:1", "HCPC registered", Funder.Health, [need], [outcome]));
            },
            new NamedSetting("Oakfield Primary School", "999001", null, null), currentSetting: _organisations["999001"].Id, givenName: givenName);
        return (id, await FamilyMemberAsync(id, $"{givenName.ToLowerInvariant()}.parent@example.com"));
    }

    private Task<ProvisionDeliveryReport> ReportAsync(RequestContext who, Guid id, Guid provision, DeliveryState state, string? note = null) =>
        InScope(sp => sp.GetRequiredService<ProvisionDelivery>().ReportAsync(who, id, provision, state, note));

    [Fact]
    public async Task EachReporter_SaysWhatIsHappeningNow_AndTheCouncilListsOnlyWhatIsStillMissing_UnansweredFirst()
    {
        var (id, parent) = await PlanInForceAsync("Ada");
        var first = await ReportAsync(parent, id, Phonics, DeliveryState.NotDelivered, "No sessions since Easter.");
        Time.Advance(TimeSpan.FromDays(1));
        await ReportAsync(Senco(), id, Speech, DeliveryState.PartlyDelivered, "The therapist comes monthly.");
        Time.Advance(TimeSpan.FromDays(1));
        await InScope(sp => sp.GetRequiredService<ProvisionDelivery>().AnswerAsync(In999, id, first.Id, "Cover starts on 22 June."));
        Time.Advance(TimeSpan.FromDays(1));
        await ReportAsync(Senco(), id, Phonics, DeliveryState.BeingDelivered);

        var undelivered = await InScope(sp => sp.GetRequiredService<ProvisionDeliveryQueries>().UndeliveredAsync(In999, 10));
        Assert.Equal([("Speech and language therapy", "Oakfield Primary School", false), ("Phonics programme", "Parent or carer", true)],
            undelivered.Select(u => (u.Report.What, u.Report.ReportedBy, u.Report.Answer is not null)));

        // The family says phonics is back: it leaves the list; the setting's word on speech stands.
        Time.Advance(TimeSpan.FromDays(1));
        await ReportAsync(parent, id, Phonics, DeliveryState.BeingDelivered);
        var now = await InScope(sp => sp.GetRequiredService<ProvisionDeliveryQueries>().UndeliveredAsync(In999, 10));
        Assert.Equal(["Speech and language therapy"], now.Select(u => u.Report.What));
        Assert.Empty(await InScope(sp => sp.GetRequiredService<ProvisionDeliveryQueries>().UndeliveredAsync(In886, 10)));

        var delivery = await InScope(sp => sp.GetRequiredService<ProvisionDeliveryQueries>().ForCaseAsync(parent, id));
        var phonics = delivery.Line(Phonics)!;
        Assert.Equal(3, phonics.Reports.Count);
        Assert.Equal([DeliveryState.BeingDelivered, DeliveryState.BeingDelivered], phonics.Latest.Select(r => r.State));
        Assert.Equal(FamilyOrSetting.Family, delivery.Reporter);
        Assert.False(delivery.CanAnswer);

        var audited = await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().AuditRecords.Where(r => r.AssessmentId == id).Select(r => r.Action).ToListAsync());
        Assert.Equal(4, audited.Count(a => a == "plan.delivery-reported"));
        Assert.Equal(1, audited.Count(a => a == "plan.delivery-answered"));
    }

    [Fact]
    public async Task OnlyTheFamilyAndTheChildsSetting_Report_AndOnlyTheCouncil_Answers()
    {
        var (id, parent) = await PlanInForceAsync("Bea");

        await Assert.ThrowsAsync<CaseAccessDeniedException>(() => ReportAsync(In999, id, Phonics, DeliveryState.NotDelivered, "Council."));
        await Assert.ThrowsAsync<CaseNotFoundException>(() => ReportAsync(Senco("999002"), id, Phonics, DeliveryState.NotDelivered, "Another school."));
        await Assert.ThrowsAsync<CaseNotFoundException>(() => ReportAsync(In886, id, Phonics, DeliveryState.NotDelivered, "Another council."));

        var report = await ReportAsync(parent, id, Phonics, DeliveryState.NotDelivered, "Nothing this term.");
        await Assert.ThrowsAsync<CaseAccessDeniedException>(() => InScope(sp => sp.GetRequiredService<ProvisionDelivery>().AnswerAsync(Senco(), id, report.Id, "School answer.")));
        await Assert.ThrowsAsync<CaseNotFoundException>(() => InScope(sp => sp.GetRequiredService<ProvisionDelivery>().AnswerAsync(In886, id, report.Id, "Kent answer.")));
        await InScope(sp => sp.GetRequiredService<ProvisionDelivery>().AnswerAsync(In999, id, report.Id, "Cover from Monday."));
        var twice = await Assert.ThrowsAsync<StepRefusedException>(() => InScope(sp => sp.GetRequiredService<ProvisionDelivery>().AnswerAsync(In999, id, report.Id, "Again.")));
        Assert.Equal("delivery-already-answered", twice.Code);

        // A setting whose part has ended still sees the case for a while (CaseAccessPolicy.AfterPartEnds) but no longer reports on it.
        await InScope(async sp =>
        {
            var db = sp.GetRequiredService<OpenSendDbContext>();
            (await db.SettingLinks.SingleAsync(l => l.AssessmentId == id)).End(Time.GetUtcNow().AddDays(28));
            await db.SaveChangesAsync();
        });
        await Assert.ThrowsAsync<CaseAccessDeniedException>(() => ReportAsync(Senco(), id, Phonics, DeliveryState.BeingDelivered));
    }

    [Theory]
    [InlineData("not-in-plan", "delivery-unknown-provision")]
    [InlineData("no-note", "delivery-note-missing")]
    [InlineData("long-note", "delivery-note-too-long")]
    public async Task AReportThatCannotStand_IsRefusedWithAReason_AndNothingIsSaved(string what, string code)
    {
        var (id, parent) = await PlanInForceAsync("Cai");
        var refused = await Assert.ThrowsAsync<StepRefusedException>(() => what switch
        {
            "not-in-plan" => ReportAsync(parent, id, Guid.NewGuid(), DeliveryState.BeingDelivered),
            "no-note" => ReportAsync(parent, id, Phonics, DeliveryState.PartlyDelivered, "  "),
            _ => ReportAsync(parent, id, Phonics, DeliveryState.NotDelivered, new string('x', ProvisionDeliveryReport.NoteLimit + 1)),
        });

        Assert.Equal(code, refused.Code);
        Assert.Equal(0, await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().ProvisionDeliveryReports.CountAsync()));
    }

    [Fact]
    public async Task BeforeThePlanIsFinal_ThereIsNothingToReportOn()
    {
        var drafting = await Cases999.DraftingAsync(CaseBuilder.ReadingPlan(Guid.NewGuid(), Guid.NewGuid()), givenName: "Dai");
        var parent = await FamilyMemberAsync(drafting, "dai.parent@example.com");

        var refused = await Assert.ThrowsAsync<StepRefusedException>(() => ReportAsync(parent, drafting, Phonics, DeliveryState.BeingDelivered));

        Assert.Equal("no-plan-in-force", refused.Code);
    }

    [Fact]
    public async Task TheDashboard_CountsProvisionReportedOn_AndHowMuchIsStillMissingAtTheLatestWord()
    {
        var (ada, adaParent) = await PlanInForceAsync("Ada");
        var (bea, _) = await PlanInForceAsync("Bea");
        await ReportAsync(adaParent, ada, Phonics, DeliveryState.NotDelivered, "None.");
        Time.Advance(TimeSpan.FromDays(2));
        await ReportAsync(adaParent, ada, Phonics, DeliveryState.BeingDelivered);
        await ReportAsync(Senco(), ada, Speech, DeliveryState.PartlyDelivered, "Monthly.");
        await ReportAsync(Senco(), bea, Phonics, DeliveryState.BeingDelivered);

        var live = await InScope(sp => sp.GetRequiredService<DashboardData>().LiveAsync("999", new DateOnly(2027, 1, 21)));
        var units = Measures.All.Single(m => m.Id == "provision-reported-not-delivered").Live!(live).ToList();

        Assert.Equal(3, units.Count);
        Assert.Equal(1, units.Count(u => u.InNumerator));
    }
}

public sealed class ProvisionDeliveryTests_Sqlite(PostgresServer postgres) : ProvisionDeliveryTests(TestProvider.Sqlite, postgres);

public sealed class ProvisionDeliveryTests_PostgreSql(PostgresServer postgres) : ProvisionDeliveryTests(TestProvider.PostgreSql, postgres);
