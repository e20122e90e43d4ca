using Microsoft.EntityFrameworkCore;
using OpenSend.Data.Database;

namespace OpenSend.Data.Generation;

/// <summary>Where a generation run has got to.</summary>
public sealed record GenerationProgress(string LaCode, string LaName, int LasDone, int LasTotal, long CasesWritten, long RowsWritten);

/// <summary>What a generation run did.</summary>
public sealed record GenerationSummary(int LocalAuthorities, long CasesRemoved, long CasesWritten, long RowsWritten);

/// <summary>
/// Generates and bulk-loads England's synthetic cases, one LA at a time. Each LA's previously
/// generated cases are removed before its new ones are written, so a run can be repeated (or
/// resumed after it was stopped) and always ends with exactly one generated set per LA; cases
/// entered through the service are never touched.
/// </summary>
public sealed class NationalDataLoad(OpenSendDbContext db)
{
    public async Task<GenerationSummary> RunAsync(
        NationalDataGenerator generator,
        IReadOnlyCollection<string>? onlyLaCodes = null,
        IProgress<GenerationProgress>? progress = null,
        int batchSize = BulkLoader.DefaultBatchSize,
        CancellationToken cancellationToken = default)
    {
        var query = db.LocalAuthorities.AsNoTracking();
        if (onlyLaCodes is { Count: > 0 })
        {
            var unknown = onlyLaCodes.Except(await query.Select(l => l.Code).ToListAsync(cancellationToken)).ToList();
            if (unknown.Count > 0)
            {
                throw new ArgumentException($"No local authority has the code {string.Join(", ", unknown)}. Codes are the DfE's 3-digit LA numbers, for example 886 for Kent.");
            }

            query = query.Where(l => onlyLaCodes.Contains(l.Code));
        }

        var las = (await query.OrderBy(l => l.Code).ToListAsync(cancellationToken)).Where(generator.Covers).ToList();
        var loader = new BulkLoader(db);
        long removed = 0, cases = 0, rows = 0;
        for (var i = 0; i < las.Count; i++)
        {
            var la = las[i];
            removed += await RemoveGeneratedAsync(la.Code, cancellationToken);
            await AddSettingsAsync(generator.SettingsFor(la), cancellationToken);
            var (before, rowsBefore) = (cases, rows);
            var loaded = await loader.LoadAsync(generator.For(la), new SynchronousProgress<BulkLoadResult>(batch =>
                progress?.Report(new GenerationProgress(la.Code, la.Name, i, las.Count, before + batch.Cases, rowsBefore + batch.Rows))), batchSize, cancellationToken);
            cases += loaded.Cases;
            rows += loaded.Rows;

            // Binary COPY bypasses the context's change notes: the LA's dashboard counts are now out of date.
            db.RecordChanges.Add(new Dashboard.RecordChange(la.Code));
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            progress?.Report(new GenerationProgress(la.Code, la.Name, i + 1, las.Count, cases, rows));
        }

        return new GenerationSummary(las.Count, removed, cases, rows);
    }

    /// <summary>Adds the LA's generated settings the register does not have yet (they are kept between runs: an LA's lists may name them).</summary>
    private async Task AddSettingsAsync(IReadOnlyList<Domain.Placements.Setting> settings, CancellationToken cancellationToken)
    {
        var urns = settings.Select(s => s.Urn).ToList();
        var existing = await db.Settings.AsNoTracking().Where(s => urns.Contains(s.Urn)).Select(s => s.Urn).ToListAsync(cancellationToken);
        db.Settings.AddRange(settings.Where(s => !existing.Contains(s.Urn)));
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>Removes one LA's generated cases (their advice, panel, exception, timeline, plan and review rows go with them by cascade).</summary>
    public Task<int> RemoveGeneratedAsync(string laCode, CancellationToken cancellationToken = default)
    {
        var pattern = NationalDataGenerator.GeneratedReferencePattern(laCode);
        return db.Assessments.Where(a => a.LaCode == laCode && EF.Functions.Like(a.Reference, pattern)).ExecuteDeleteAsync(cancellationToken);
    }
}

/// <summary>Reports on the writer's own thread, in order (<see cref="Progress{T}"/> posts to the thread pool, out of order).</summary>
public sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
