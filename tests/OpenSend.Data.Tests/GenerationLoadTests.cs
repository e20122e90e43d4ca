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
        var expected = LocalAuthorityRegister.England().Where(l => TwoLas.Contains(l.Code)).SelectMany(generator.For).ToDictionary(c => c.Id);

        var summary = await LoadAsync(generator);

        var today = UkCalendar.Today(Time);
        var loaded = await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().Assessments.AsNoTracking().AsSplitQuery()
            .Include(a => a.Timeline).Include(a => a.AdviceRequests).Include(a => a.Exceptions).Include(a => a.PanelRecommendations)
            .ToListAsync());
        Assert.Equal(expected.Count, summary.CasesWritten);
        Assert.Equal(expected.Count, loaded.Count);
        Assert.Equal(expected.Values.Sum(c => 1L + c.Timeline.Count + c.AdviceRequests.Count + c.Exceptions.Count + c.PanelRecommendations.Count), summary.RowsWritten);
        Assert.Contains(loaded, c => c.Exceptions.Count > 0);
        foreach (var actual in loaded)
        {
            var generated = expected[actual.Id];
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

    private static IEnumerable<string> Events(Domain.Assessments.EhcNeedsAssessment assessment) =>
        assessment.Timeline.Select(e => $"{e.Action} {e.OccurredOn:O} {e.RecordedAt:O} {e.RecordedByName} {e.LegalBasis} {e.Summary}").Order(StringComparer.Ordinal);

    private static IEnumerable<string> Deadlines(Domain.Assessments.EhcNeedsAssessment assessment, DateOnly today) =>
        assessment.Deadlines(today).Select(d => $"{d.Deadline.Step} {d.Deadline.Due:O} {d.State} {d.ExceptionBasis}").Order(StringComparer.Ordinal);

    private static async Task<long> CountRowsAsync(OpenSendDbContext db) =>
        await db.Assessments.LongCountAsync() + await db.AdviceRequests.LongCountAsync() + await db.PathwayEvents.LongCountAsync()
        + await db.Set<Domain.Assessments.PathwayException>().LongCountAsync() + await db.Set<Domain.Assessments.PanelRecommendation>().LongCountAsync();
}

public sealed class GenerationLoadTests_Sqlite(PostgresServer postgres) : GenerationLoadTests(TestProvider.Sqlite, postgres);

public sealed class GenerationLoadTests_PostgreSql(PostgresServer postgres) : GenerationLoadTests(TestProvider.PostgreSql, postgres);
