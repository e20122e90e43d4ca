using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenSend.Data.Assessments;
using OpenSend.Data.Dashboard;
using OpenSend.Data.Database;
using OpenSend.Data.Demo;
using OpenSend.Domain.Dashboard;
using OpenSend.Domain.Placements;
using OpenSend.Testing;

namespace OpenSend.Data.Tests;

/// <summary>
/// The dashboard reads each live LA's kept counts (issue 8: a page in milliseconds, not a recount of
/// the LA's records): what is kept is what a recount gives, a change to the LA's records (not a
/// read of them) makes them out of date, and a recount brings them up to date.
/// </summary>
public abstract class DashboardCountsTests(TestProvider provider, PostgresServer postgres) : DataTest(provider, postgres)
{
    private Task<Figure> ThisYearAsync(string measureId, string laCode = "999") => InScope(async sp =>
        (await sp.GetRequiredService<DashboardQueries>().MeasureAsync(In999, laCode, measureId, Breakdown.None))!.Value.Panel.Trend.Single(t => t.Year == 2026).La);

    private Task<CountingState> StateAsync(string laCode = "999") => InScope(sp => sp.GetRequiredService<DashboardCounts>().StateAsync(laCode));

    private Task<IReadOnlyList<string>> OutOfDateAsync() => InScope(sp => sp.GetRequiredService<DashboardCounts>().OutOfDateAsync());

    private Task RecountAsync(string laCode = "999") => InScope(sp => sp.GetRequiredService<DashboardCounts>().RecountAsync(laCode));

    [Fact]
    public async Task TheDashboardShowsItsKeptCounts_AChangeNotARead_MakesThemOutOfDate_AndTheRecountCountsIt()
    {
        var first = await ReceiveAsync(receivedOn: new DateOnly(2026, 3, 2));
        await ReceiveAsync(receivedOn: new DateOnly(2026, 3, 3), givenName: "Bea");

        Assert.Equal(2, (await ThisYearAsync("requests-received")).Value);
        Assert.Equal(new CountingState(Time.GetUtcNow(), OutOfDate: false), await StateAsync());

        // Reading a case is audited, but changes nothing counted.
        await InScope(sp => sp.GetRequiredService<AssessmentQueries>().GetCaseAsync(In999, first.Id));
        Assert.Empty(await OutOfDateAsync());

        Time.Advance(TimeSpan.FromMinutes(3));
        await ReceiveAsync(receivedOn: new DateOnly(2026, 6, 15), givenName: "Cal");
        Assert.Equal(["999"], await OutOfDateAsync());
        Assert.Equal(2, (await ThisYearAsync("requests-received")).Value);
        Assert.True((await StateAsync()).OutOfDate);

        await RecountAsync();

        Assert.Equal(3, (await ThisYearAsync("requests-received")).Value);
        Assert.Equal(new CountingState(Time.GetUtcNow(), OutOfDate: false), await StateAsync());
        Assert.Empty(await OutOfDateAsync());
    }

    [Fact]
    public async Task EveryKeptCount_IsTheFigureCountingTheRecordsGives_ForEveryLiveMeasureYearAndBreakdown()
    {
        await InScope(sp => sp.GetRequiredService<DemoData>().SeedAsync());
        await RecountAsync();

        var compared = 0;
        foreach (var year in await InScope(sp => Task.FromResult(sp.GetRequiredService<DashboardCounts>().YearsShown)))
        {
            var live = await InScope(sp => sp.GetRequiredService<DashboardData>().ForYearAsync("999", year));
            foreach (var measure in Measures.All.Where(m => m.Live is not null))
            {
                Assert.Equal(MeasureCalculator.Compute(measure, live, suppress: true),
                    MeasureCalculator.Compute(measure, await InScope(sp => sp.GetRequiredService<DashboardCounts>().ForYearAsync("999", year)), suppress: true));
                foreach (var breakdown in Enum.GetValues<Breakdown>().Where(b => b != Breakdown.None))
                {
                    var kept = await InScope(sp => sp.GetRequiredService<DashboardCounts>().ForYearAsync("999", year, breakdown));
                    Assert.Equal(MeasureCalculator.ComputeBy(measure, live, breakdown, suppress: false), MeasureCalculator.ComputeBy(measure, kept, breakdown, suppress: false));
                    compared++;
                }
            }
        }

        Assert.True(compared > 300, $"{compared} breakdowns compared");
        Assert.True((await ThisYearAsync("active-plans")).Value > 5);
    }

    [Fact]
    public async Task TheYearToDate_CountedYesterday_IsOutOfDateToday_AndASettingChangeMakesEveryLaOutOfDate()
    {
        await ReceiveAsync("999", new DateOnly(2026, 3, 2));
        await ReceiveAsync("886", new DateOnly(2026, 3, 2));
        Assert.Equal(["886", "999"], await OutOfDateAsync());
        await RecountAsync("886");
        await RecountAsync("999");
        Assert.Empty(await OutOfDateAsync());

        Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(["886", "999"], await OutOfDateAsync());
        await RecountAsync("886");
        await RecountAsync("999");
        Assert.Empty(await OutOfDateAsync());

        // A setting's type places every child named there, whichever LA named it.
        await InScope(async sp =>
        {
            var db = sp.GetRequiredService<OpenSendDbContext>();
            db.Settings.Add(new Setting("100001", SettingSource.Gias, "Example Special School") { Category = SettingCategory.Special });
            await db.SaveChangesAsync();
        });
        Assert.Equal(["886", "999"], await OutOfDateAsync());
    }

    [Fact]
    public async Task ASaveChangingASettingAndACase_MovesThatLasOwnMark_AsWellAsEveryLas()
    {
        var submitted = await ReceiveAsync("999", new DateOnly(2026, 3, 2));
        Task<(long Demoshire, long EveryLa)> MarksAsync() => InScope(async sp =>
        {
            var db = sp.GetRequiredService<OpenSendDbContext>();
            return (await db.LastChangeAsync("999"), await db.LastChangeAsync(RecordChange.EveryLa));
        });
        var before = await MarksAsync();

        await InScope(async sp =>
        {
            var db = sp.GetRequiredService<OpenSendDbContext>();
            db.Settings.Add(new Setting("100002", SettingSource.Gias, "Example Special School") { Category = SettingCategory.Special });
            db.FamilyViews.Add(OpenSend.Domain.Advice.FamilyViews.Send(submitted.Id, "999",
                new OpenSend.Domain.Plans.ViewsAndAspirations("I like drawing.", null, null, null), "Parent or carer", Time.GetUtcNow()));
            await db.SaveChangesAsync();
        });

        var after = await MarksAsync();
        Assert.True(after.Demoshire > before.Demoshire, "Demoshire's mark should move: its caseload snapshots watch it.");
        Assert.True(after.EveryLa > before.EveryLa, "A setting change is noted for every LA.");
    }

    [Fact]
    public async Task PruningForgetsTheChangesEveryCountingHasPassed_ButKeepsEachLasNewest_SoItsMarkNeverFallsBack()
    {
        await ReceiveAsync("999", new DateOnly(2026, 3, 2));
        await ReceiveAsync("999", new DateOnly(2026, 3, 3), givenName: "Bea");
        await ReceiveAsync("886", new DateOnly(2026, 3, 2));
        var marks = await InScope(async sp =>
        {
            var db = sp.GetRequiredService<OpenSendDbContext>();
            return (Kent: await db.LastChangeAsync("886"), Demoshire: await db.LastChangeAsync("999"));
        });
        Assert.Equal(0, await InScope(sp => sp.GetRequiredService<DashboardCounts>().PruneChangesAsync()));

        await RecountAsync("886");
        await RecountAsync("999");
        var pruned = await InScope(sp => sp.GetRequiredService<DashboardCounts>().PruneChangesAsync());

        var (left, kent, demoshire) = await InScope(async sp =>
        {
            var db = sp.GetRequiredService<OpenSendDbContext>();
            return (await db.RecordChanges.CountAsync(), await db.LastChangeAsync("886"), await db.LastChangeAsync("999"));
        });
        Assert.True(pruned > 0);
        Assert.Equal(2, left);
        Assert.Equal(marks, (kent, demoshire));
        Assert.Empty(await OutOfDateAsync());
    }

    [Fact]
    public async Task CountsFromAnEarlierVersionOfTheDefinitions_AreNotShown_TheLaIsCountedAgain()
    {
        await ReceiveAsync(receivedOn: new DateOnly(2026, 3, 2));
        await RecountAsync();
        await InScope(async sp =>
        {
            var db = sp.GetRequiredService<OpenSendDbContext>();
            await db.KeptCounts.Where(c => c.MeasureId == "requests-received").ExecuteUpdateAsync(u => u.SetProperty(c => c.Numerator, 40).SetProperty(c => c.Denominator, 40));
            await db.Database.ExecuteSqlRawAsync("UPDATE dashboard_countings SET live_version = live_version - 1");
        });

        Assert.Equal(["999"], await OutOfDateAsync());
        Assert.Equal(1, (await ThisYearAsync("requests-received")).Value);
        Assert.Empty(await OutOfDateAsync());
    }
}

public sealed class DashboardCountsTests_Sqlite(PostgresServer postgres) : DashboardCountsTests(TestProvider.Sqlite, postgres);

public sealed class DashboardCountsTests_PostgreSql(PostgresServer postgres) : DashboardCountsTests(TestProvider.PostgreSql, postgres);
