using Microsoft.EntityFrameworkCore;
using OpenSend.Data.Database;
using OpenSend.Domain.Common;
using OpenSend.Domain.Dashboard;

namespace OpenSend.Data.Dashboard;

/// <summary>When an LA's dashboard was counted, and whether its records have changed since (a recount is on its way).</summary>
public sealed record CountingState(DateTimeOffset? CountedAt, bool OutOfDate);

/// <summary>
/// Each live LA's counts for the dashboard's years, kept so a page reads counts instead of
/// recounting the LA's records: the largest LA's records take seconds to count, its counts
/// milliseconds to read, and England is the sum of 153 LAs' counts (issue 8). A page shows the
/// counts kept, saying when they were counted; an LA with none is counted there and then. The
/// counts are made by <see cref="LiveCounts.Of"/> from the same SEN2 return the LA sends, so a
/// kept figure is the one a recount gives; <see cref="RecountAsync"/> replaces them when the LA's
/// records change, the census day moves (the year to date is counted to today) or the live
/// definitions change (<see cref="Measures.LiveVersion"/>).
/// </summary>
public sealed class DashboardCounts(OpenSendDbContext db, DashboardData data, TimeProvider time)
{
    public const int Years = 5;

    /// <summary>Kept counts read in this unit of work, by LA, year and the breakdown read with the overall counts.</summary>
    private readonly Dictionary<(string, int, Breakdown), LiveCounts> _kept = [];

    /// <summary>Counts made in this unit of work: every breakdown.</summary>
    private readonly Dictionary<(string, int), LiveCounts> _counted = [];

    /// <summary>The reporting years the dashboard shows live, oldest first, the last one still running.</summary>
    public IReadOnlyList<int> YearsShown => [.. Enumerable.Range(UkCalendar.Today(time).Year - Years + 1, Years)];

    /// <summary>The LAs that keep their cases in OpenSEND, whose measures are counted live.</summary>
    public async Task<IReadOnlyList<string>> LiveLasAsync(CancellationToken cancellationToken = default) =>
        await db.Assessments.AsNoTracking().Select(a => a.LaCode).Distinct().ToListAsync(cancellationToken);

    /// <summary>An LA's counts for a year (overall; with one breakdown's groups if asked), as kept, or counted now if none are.</summary>
    public async Task<LiveCounts> ForYearAsync(string laCode, int year, Breakdown breakdown = Breakdown.None, CancellationToken cancellationToken = default)
    {
        if (_counted.TryGetValue((laCode, year), out var counted))
        {
            return counted;
        }

        if (!YearsShown.Contains(year))
        {
            // A year before the dashboard's five (a ranking of an older release) is counted, not kept.
            return _counted[(laCode, year)] = LiveCounts.Of(await data.ForYearAsync(laCode, year, cancellationToken));
        }

        if (!_kept.ContainsKey((laCode, year, breakdown)))
        {
            await ReadKeptAsync(laCode, breakdown, cancellationToken);
        }

        if (_kept.TryGetValue((laCode, year, breakdown), out var kept))
        {
            return kept;
        }

        await RecountAsync(laCode, cancellationToken);
        return _counted[(laCode, year)];
    }

    /// <summary>When the LA's latest year was counted, and whether a change or a new day has made it out of date.</summary>
    public async Task<CountingState> StateAsync(string laCode, CancellationToken cancellationToken = default)
    {
        var countings = await db.Countings.AsNoTracking().Where(c => c.LaCode == laCode).ToListAsync(cancellationToken);
        return countings.SingleOrDefault(c => c.Year == YearsShown[^1]) is { } latest
            ? new CountingState(latest.CountedAt, !IsCurrent(countings, Math.Max(await db.LastChangeAsync(RecordChange.EveryLa, cancellationToken), await db.LastChangeAsync(laCode, cancellationToken))))
            : new CountingState(null, true);
    }

    /// <summary>
    /// The LAs keeping cases here whose counts are missing or out of date: a year not counted, counted
    /// to an earlier census day (the year to date, yesterday), by other definitions, or before a
    /// change to the LA's records (or to the settings register, which every LA's placements use).
    /// </summary>
    public async Task<IReadOnlyList<string>> OutOfDateAsync(IReadOnlyCollection<string>? laCodes = null, CancellationToken cancellationToken = default)
    {
        var live = laCodes ?? await LiveLasAsync(cancellationToken);
        var countings = (await db.Countings.AsNoTracking().Where(c => live.Contains(c.LaCode)).ToListAsync(cancellationToken))
            .ToLookup(c => c.LaCode, StringComparer.Ordinal);
        var everyLaChange = await db.LastChangeAsync(RecordChange.EveryLa, cancellationToken);
        var outOfDate = new List<string>();
        foreach (var la in live.Order(StringComparer.Ordinal))
        {
            if (!IsCurrent([.. countings[la]], Math.Max(everyLaChange, await db.LastChangeAsync(la, cancellationToken))))
            {
                outOfDate.Add(la);
            }
        }

        return outOfDate;
    }

    /// <summary>Every year shown counted, to its census day as it stands today, by these definitions, after the last change.</summary>
    private bool IsCurrent(IReadOnlyCollection<Counting> countings, long lastChange)
    {
        var years = YearsShown;
        var kept = countings.Where(c => years.Contains(c.Year)).ToList();
        return kept.Count == years.Count
            && kept.All(c => c.LiveVersion == Measures.LiveVersion && c.Census == data.CensusFor(c.Year))
            && lastChange <= kept.Min(c => c.ThroughChange);
    }

    /// <summary>
    /// Counts the LA's records for every year shown and replaces what was kept, in one transaction.
    /// The change mark is read first, so a change saved while counting makes the LA out of date again.
    /// </summary>
    public async Task RecountAsync(string laCode, CancellationToken cancellationToken = default)
    {
        var through = await db.RecordChanges.AsNoTracking().MaxAsync(c => (long?)c.Id, cancellationToken) ?? 0;
        var countedAt = time.GetUtcNow();
        var counted = new List<(int Year, DateOnly Census, LiveCounts Counts)>();
        foreach (var year in YearsShown)
        {
            var live = await data.ForYearAsync(laCode, year, cancellationToken);
            counted.Add((year, live.Census, LiveCounts.Of(live)));
        }

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.KeptCounts.Where(c => c.LaCode == laCode).ExecuteDeleteAsync(cancellationToken);
            await db.Countings.Where(c => c.LaCode == laCode).ExecuteDeleteAsync(cancellationToken);
            foreach (var (year, census, counts) in counted)
            {
                db.KeptCounts.AddRange(counts.Counts.Select(c => new KeptCount(laCode, year, c)));
                db.Countings.Add(new Counting(laCode, year, census, countedAt, through));
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another recount of the same LA saved first: its counts are as new as these.
                await transaction.RollbackAsync(cancellationToken);
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        });

        foreach (var (year, _, counts) in counted)
        {
            _counted[(laCode, year)] = counts;
        }
    }

    /// <summary>
    /// Forgets the changes every LA's counting has already passed, so the change marks stay a short
    /// list, but keeps each LA's newest: its mark must never fall back to one something was kept against.
    /// </summary>
    public async Task<int> PruneChangesAsync(CancellationToken cancellationToken = default)
    {
        var live = (await LiveLasAsync(cancellationToken)).Count;
        var countedLas = await db.Countings.AsNoTracking().Select(c => c.LaCode).Distinct().CountAsync(cancellationToken);
        if (countedLas < live || await db.Countings.AsNoTracking().MinAsync(c => (long?)c.ThroughChange, cancellationToken) is not { } passed)
        {
            return 0;
        }

        return await db.RecordChanges
            .Where(c => c.Id <= passed && db.RecordChanges.Any(newer => newer.LaCode == c.LaCode && newer.Id > c.Id))
            .ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Reads the LA's kept counts of every year counted by these definitions: overall, and by the breakdown asked for.</summary>
    private async Task ReadKeptAsync(string laCode, Breakdown breakdown, CancellationToken cancellationToken)
    {
        var years = await db.Countings.AsNoTracking().Where(c => c.LaCode == laCode && c.LiveVersion == Measures.LiveVersion).Select(c => c.Year).ToListAsync(cancellationToken);
        var kept = await db.KeptCounts.AsNoTracking()
            .Where(c => c.LaCode == laCode && years.Contains(c.Year) && (c.Breakdown == Breakdown.None || c.Breakdown == breakdown))
            .ToListAsync(cancellationToken);
        foreach (var year in kept.GroupBy(c => c.Year))
        {
            var counts = new LiveCounts(year.Select(c => c.ToCount()));
            if (counts.CoversEveryLiveMeasure)
            {
                _kept[(laCode, year.Key, breakdown)] = counts;
            }
        }
    }
}
