using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenSend.Data.Database;
using OpenSend.Data.Generation;
using OpenSend.Data.LocalAuthorities;
using OpenSend.Data.Statistics;
using OpenSend.Domain.Common;
using OpenSend.Testing;

namespace OpenSend.Data.Tests;

/// <summary>Bulk loading generated cases: what is read back through EF Core is what was generated, and a repeated run replaces rather than adds.</summary>
public abstract class GenerationLoadTests(TestProvider provider, PostgresServer postgres) : DataTest(provider, postgres)
{
    private static readonly Lazy<PublishedStatistics> Statistics = new(() =>
        PublishedStatistics.Load(PublishedStatistics.Locate() ?? throw new InvalidOperationException(
            $"The DfE statistics release is not at {PublishedStatistics.DefaultRelativePath} beside the repository; these tests need it.")));

    private static readonly string[] TwoLas = ["886", "938"];

    private NationalDataGenerator Generator(int seed = 42) =>
        new(Statistics.Value, new GenerationOptions(0.02, 2, seed), UkCalendar.Today(Time));

    private Task<GenerationSummary> LoadAsync(NationalDataGenerator generator, IProgress<GenerationProgress>? progress = null, int batchSize = 50) =>
        InScope(sp => new NationalDataLoad(sp.GetRequiredService<OpenSendDbContext>()).RunAsync(generator, TwoLas, progress, batchSize));

    [Fact]
    public async Task Load_TwoLas_EveryCaseReadsBackWithTheHistoryThatWasGenerated()
    {
        var generator = Generator();
        var expected = LocalAuthorityRegister.England().Where(l => TwoLas.Contains(l.Code)).SelectMany(generator.For).ToDictionary(c => c.Assessment.Id);

        var summary = await LoadAsync(generator);

        var today = UkCalendar.Today(Time);
        var loaded = await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().Assessments.AsNoTracking().AsSplitQuery()
            .Include(a => a.Timeline).Include(a => a.AdviceRequests).Include(a => a.Exceptions).Include(a => a.PanelRecommendations)
            .ToListAsync());
        Assert.Equal(expected.Count, summary.CasesWritten);
        Assert.Equal(expected.Count, loaded.Count);
        Assert.Equal(expected.Values.Sum(c => c.Rows), summary.RowsWritten);
        Assert.Contains(loaded, c => c.Exceptions.Count > 0);
        foreach (var actual in loaded)
        {
            var generated = expected[actual.Id].Assessment;
            Assert.Equal(
                (generated.Reference, generated.LaCode, generated.Child.FullName, generated.Child.DateOfBirth, generated.Requester.Kind, generated.Stage, generated.NextDeadlineOn, generated.NextDeadlineStep, generated.FinalPlanIssuedOn, generated.Version, generated.CreatedAt),
                (actual.Reference, actual.LaCode, actual.Child.FullName, actual.Child.DateOfBirth, actual.Requester.Kind, actual.Stage, actual.NextDeadlineOn, actual.NextDeadlineStep, actual.FinalPlanIssuedOn, actual.Version, actual.CreatedAt));
            // Timeline, advice and exception ids are the domain's own (random), so rows are compared by content.
            Assert.Equal(Events(generated), Events(actual));
            Assert.Equal(generated.Exceptions.Select(e => (e.Reason, string.Join(",", e.Steps), e.From, e.To)), actual.Exceptions.Select(e => (e.Reason, string.Join(",", e.Steps), e.From, e.To)));
            // The deadlines the caseload shows are worked out from what was loaded, so they must agree.
            Assert.Equal(Deadlines(generated, today), Deadlines(actual, today));
        }
    }

    [Fact]
    public async Task Load_PlansAndReviewsReadBack_AndTheSen2ReturnOfTheCensusHasNoErrors_WithThePlansInForceGenerated()
    {
        var generator = Generator();
        var la = LocalAuthorityRegister.England().Single(l => l.Code == "938");
        var generated = generator.For(la).ToList();
        await LoadAsync(generator);
        var census = Returns.Sen2Extract.CensusDay(generator.PublishedYears[^1] + 1);

        var (plans, versions, reviews, settings) = await InScope(async sp =>
        {
            var db = sp.GetRequiredService<OpenSendDbContext>();
            return (await db.Plans.CountAsync(p => p.LaCode == "938"), await db.PlanVersions.CountAsync(v => v.LaCode == "938"),
                await db.AnnualReviews.Where(r => r.LaCode == "938").ToListAsync(), await db.Settings.CountAsync(s => s.LaCode == "938"));
        });
        var sen2 = await InScope(sp => sp.GetRequiredService<Returns.Sen2Extract>().BuildAsync("938", census));

        Assert.Equal(generated.Count(c => c.Plan is not null), plans);
        Assert.Equal(generated.Sum(c => c.Plan?.Versions.Count ?? 0), versions);
        Assert.Equal(generated.SelectMany(c => c.Reviews).Select(r => (r.AssessmentId, r.DueBy, r.Stage, r.MeetingHeldOn, r.Decision)).Order(),
            reviews.Select(r => (r.AssessmentId, r.DueBy, r.Stage, r.MeetingHeldOn, r.Decision)).Order());
        Assert.Equal(generator.SettingsFor(la).Count, settings);
        var errors = Domain.Returns.Sen2Validation.Check(sen2).Where(f => f.Severity == Domain.Returns.Sen2Severity.Error).Select(f => $"{f.Code}: {f.Message}").Distinct().ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
        Assert.Equal(
            generated.Count(c => c.Assessment.FinalPlanIssuedOn <= census && (c.Assessment.PlanCeasedOn is null || c.Assessment.PlanCeasedOn > census)),
            sen2.Plans.Count(p => p.Plan.CeaseDate is null));
        Assert.All(sen2.Plans, p => Assert.NotEmpty(p.Plan.Needs));
    }

    [Fact]
    public async Task Load_RunTwice_EndsWithOneGeneratedSetPerLa_AndLeavesCasesEnteredThroughTheServiceAlone()
    {
        var entered = await ReceiveAsync("886");
        var first = await LoadAsync(Generator());

        var second = await LoadAsync(Generator());

        var ids = await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().Assessments.Select(a => a.Id).ToListAsync());
        Assert.Equal(first.CasesWritten, second.CasesRemoved);
        Assert.Equal(first.CasesWritten, second.CasesWritten);
        Assert.Equal(first.CasesWritten + 1, ids.Count);
        Assert.Contains(entered.Id, ids);
        Assert.Equal(first.RowsWritten, await InScope(sp => CountRowsAsync(sp.GetRequiredService<OpenSendDbContext>())) - 2);
    }

    [Fact]
    public async Task Load_AfterAnotherSeed_ReplacesTheEarlierSetRatherThanAddingToIt()
    {
        var first = await LoadAsync(Generator(seed: 1));

        var second = await LoadAsync(Generator(seed: 2));

        Assert.Equal(first.CasesWritten, second.CasesRemoved);
        Assert.Equal(second.CasesWritten, await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().Assessments.LongCountAsync()));
    }

    [Fact]
    public async Task Load_ReportsProgressInOrder_EndingAtTheTotals()
    {
        var reports = new List<GenerationProgress>();

        var summary = await LoadAsync(Generator(), new SynchronousProgress<GenerationProgress>(reports.Add), batchSize: 20);

        Assert.True(reports.Count > 4);
        Assert.Equal(reports.Select(r => r.CasesWritten).Order(), reports.Select(r => r.CasesWritten));
        Assert.Equal((2, 2, summary.CasesWritten, summary.RowsWritten), (reports[^1].LasDone, reports[^1].LasTotal, reports[^1].CasesWritten, reports[^1].RowsWritten));
    }

    [Fact]
    public async Task Load_UnknownLaCode_IsRefusedByName_BeforeAnythingIsRemoved()
    {
        await LoadAsync(Generator());
        var before = await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().Assessments.CountAsync());

        var error = await Assert.ThrowsAsync<ArgumentException>(() => InScope(sp =>
            new NationalDataLoad(sp.GetRequiredService<OpenSendDbContext>()).RunAsync(Generator(), ["886", "123"])));

        Assert.Contains("123", error.Message);
        Assert.Equal(before, await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().Assessments.CountAsync()));
    }

    private static IEnumerable<string> Events(Domain.Assessments.EhcCase assessment) =>
        assessment.Timeline.Select(e => $"{e.Action} {e.OccurredOn:O} {e.RecordedAt:O} {e.RecordedByName} {e.LegalBasis} {e.Summary}").Order(StringComparer.Ordinal);

    private static IEnumerable<string> Deadlines(Domain.Assessments.EhcCase assessment, DateOnly today) =>
        assessment.Deadlines(today).Select(d => $"{d.Deadline.Step} {d.Deadline.Due:O} {d.State} {d.ExceptionBasis}").Order(StringComparer.Ordinal);

    private static async Task<long> CountRowsAsync(OpenSendDbContext db) =>
        await db.Assessments.LongCountAsync() + await db.AdviceRequests.LongCountAsync() + await db.PathwayEvents.LongCountAsync()
        + await db.Set<Domain.Assessments.PathwayException>().LongCountAsync() + await db.Set<Domain.Assessments.PanelRecommendation>().LongCountAsync()
        + await db.Plans.LongCountAsync() + await db.PlanVersions.LongCountAsync() + await db.AnnualReviews.LongCountAsync();
}

public sealed class GenerationLoadTests_Sqlite(PostgresServer postgres) : GenerationLoadTests(TestProvider.Sqlite, postgres);

public sealed class GenerationLoadTests_PostgreSql(PostgresServer postgres) : GenerationLoadTests(TestProvider.PostgreSql, postgres);
