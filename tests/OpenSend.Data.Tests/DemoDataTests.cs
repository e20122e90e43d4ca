using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenSend.Data.Database;
using OpenSend.Data.Demo;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Common;
using OpenSend.Domain.Timescales;
using OpenSend.Testing;

namespace OpenSend.Data.Tests;

public abstract class DemoDataTests(TestProvider provider, PostgresServer postgres) : DataTest(provider, postgres)
{
    [Fact]
    public async Task Seed_OnAnEmptyDemoshire_CreatesAboutSixtyCasesAtEveryStageSomeOverdue()
    {
        var created = await InScope(sp => sp.GetRequiredService<DemoData>().SeedAsync());

        var cases = await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().Assessments.AsNoTracking()
            .Include(a => a.Timeline).Include(a => a.AdviceRequests).Include(a => a.Exceptions).Include(a => a.PanelRecommendations)
            .Where(a => a.LaCode == DemoData.DemoLaCode).ToListAsync());
        var today = UkCalendar.Today(Time);
        Assert.Equal(67, created);
        Assert.Equal(67, cases.Count);
        Assert.Equal(Enum.GetValues<AssessmentStage>().Order(), cases.Select(c => c.Stage).Distinct().Order());
        Assert.InRange(cases.Count(c => c.IsOpen && c.NextDeadlineOn < today), 3, 30);
        Assert.Contains(cases, c => c.Deadlines(today).Any(d => d.State == DeadlineState.Missed && d.ExceptionRecorded));
        Assert.All(cases, c => Assert.All(c.Timeline, e => Assert.True(e.OccurredOn <= today)));
        var reviews = await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().AnnualReviews.AsNoTracking().ToListAsync());
        // Every plan in force has its next review scheduled, except one waiting to cease.
        Assert.Equal(cases.Count(c => c.Stage == AssessmentStage.PlanIssued && c.CeaseDecidedOn is null), reviews.Count(r => r.IsOpen));
        Assert.Single(cases, c => c.Stage == AssessmentStage.PlanIssued && c.CeaseDecidedOn is not null);
        Assert.InRange(reviews.Count(r => r.DueBy <= today.AddDays(84)), 3, 10);
        // Issue 22: named caseworkers, one case in seven still waiting for one.
        Assert.Equal(10, cases.Count(c => c.CaseworkerPersonId is null));
        Assert.Equal(["Priya Shah", "Sam Carter"], cases.Select(c => c.CaseworkerName).OfType<string>().Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Seed_RunTwice_AddsNothingTheSecondTime()
    {
        await InScope(sp => sp.GetRequiredService<DemoData>().SeedAsync());

        var second = await InScope(sp => sp.GetRequiredService<DemoData>().SeedAsync());

        Assert.Equal(0, second);
        Assert.Equal(67, await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().Assessments.CountAsync()));
    }

    [Fact]
    public async Task Seed_OnADemoshireThatPilotsTheGreenPaper_RecordsPanelsBeforeDecisions()
    {
        await InScope(async sp =>
        {
            var db = sp.GetRequiredService<OpenSendDbContext>();
            var demoshire = await db.LocalAuthorities.SingleAsync(l => l.Code == DemoData.DemoLaCode);
            demoshire.AdoptRuleSet(RuleSetCatalogue.GreenPaper2022Id, UkCalendar.Today(Time).AddDays(-90));
            await db.SaveChangesAsync();
            await sp.GetRequiredService<DemoData>().SeedAsync();
        });

        var greenPaperCases = await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().Assessments.AsNoTracking()
            .Include(a => a.PanelRecommendations).Where(a => a.RuleSetId == RuleSetCatalogue.GreenPaper2022Id).ToListAsync());
        Assert.NotEmpty(greenPaperCases);
        Assert.All(greenPaperCases.Where(c => c.AssessDecisionOn is not null), c => Assert.Contains(c.PanelRecommendations, p => p.Question == PanelQuestion.WhetherToAssess));
    }
}

public sealed class DemoDataTests_Sqlite(PostgresServer postgres) : DemoDataTests(TestProvider.Sqlite, postgres);

public sealed class DemoDataTests_PostgreSql(PostgresServer postgres) : DemoDataTests(TestProvider.PostgreSql, postgres);
