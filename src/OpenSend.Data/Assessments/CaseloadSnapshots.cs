using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Caching.Memory;

namespace OpenSend.Data.Assessments;

/// <summary>Which LA-wide caseload page, on which day (its overdue and due-soon figures are today's).</summary>
public sealed record CaseloadKey(string LaCode, DateOnly Today, CaseloadFilter Filter);

/// <summary>
/// The caseload pages an LA's caseworkers see, kept in this process against the LA's change mark
/// (<see cref="Dashboard.RecordChangeMarks"/>): every save to an LA's case records appends a
/// change in the same transaction and the mark never falls back, so a page kept against the
/// current mark is exactly what the database would give. A caseworker's caseload is the page the
/// whole team opens all day; reading it again for each of them cost 8 ms of the two cores
/// (docs/benchmarks.md, benchmark 4). Only the LA-wide view is kept: what a school, adviser or
/// family sees depends on their own links, so it is always read.
/// </summary>
public sealed class CaseloadSnapshots : IDisposable
{
    /// <summary>About 50 rows each: a few megabytes at most, the least recently used let go first.</summary>
    public const int PagesKept = 5_000;

    private static readonly MemoryCacheEntryOptions Kept = new() { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(10) };

    private readonly MemoryCache _pages = new(new MemoryCacheOptions { SizeLimit = PagesKept });

    public bool TryGet(CaseloadKey key, long mark, [NotNullWhen(true)] out CaseloadPage? page)
    {
        page = _pages.TryGetValue(key, out Snapshot? kept) && kept!.Mark == mark ? kept.Page : null;
        return page is not null;
    }

    public void Keep(CaseloadKey key, long mark, CaseloadPage page) => _pages.Set(key, new Snapshot(mark, page), Kept);

    public void Dispose() => _pages.Dispose();

    private sealed record Snapshot(long Mark, CaseloadPage Page);
}
