namespace OpenSend.Domain.Dashboard;

/// <summary>
/// One live measure's numerator and denominator for an LA and year, overall (Breakdown.None,
/// group "All") or for one group of a breakdown; unsuppressed (suppression is applied when shown).
/// </summary>
public sealed record MeasureCount(string MeasureId, Breakdown Breakdown, string Group, int Numerator, int Denominator);

/// <summary>
/// An LA's live counts for one reporting year: every live measure overall and by every breakdown,
/// counted from its LiveData by the measures' own definitions. The dashboard keeps these, so a
/// page reads a few hundred counts instead of recounting the LA's records, and a region or
/// England is the sum of its LAs' counts (issue 8). Counting from LiveData and showing from
/// counts go through the same code, so a kept figure is the figure a recount gives.
/// </summary>
public sealed class LiveCounts
{
    public const string All = "All";

    private static readonly Breakdown[] Breakdowns = [.. Enum.GetValues<Breakdown>().Where(b => b != Breakdown.None)];

    private readonly Dictionary<(string, Breakdown, string), MeasureCount> _counts;

    public LiveCounts(IEnumerable<MeasureCount> counts) =>
        _counts = counts.ToDictionary(c => (c.MeasureId, c.Breakdown, c.Group));

    public IReadOnlyCollection<MeasureCount> Counts => _counts.Values;

    /// <summary>Every live measure, overall and by every breakdown.</summary>
    public static LiveCounts Of(LiveData data) => new(Measures.All.Where(m => m.Live is not null).SelectMany(m => CountsOf(m, data, Breakdowns)));

    /// <summary>One measure overall and by the breakdowns given.</summary>
    public static IEnumerable<MeasureCount> CountsOf(MeasureDefinition measure, LiveData data, IReadOnlyCollection<Breakdown> breakdowns)
    {
        var units = measure.Live?.Invoke(data).ToList() ?? throw new InvalidOperationException($"{measure.Id} has no live definition.");
        yield return Count(measure.Id, Breakdown.None, All, units);
        foreach (var breakdown in breakdowns)
        {
            foreach (var group in units.GroupBy(u => Dashboard.Breakdowns.GroupOf(breakdown, u, data)))
            {
                yield return Count(measure.Id, breakdown, group.Key, group);
            }
        }
    }

    /// <summary>Whether every live measure is here (counts kept before a measure was added are not).</summary>
    public bool CoversEveryLiveMeasure => Measures.All.Where(m => m.Live is not null).All(m => _counts.ContainsKey((m.Id, Breakdown.None, All)));

    public MeasureCount Overall(MeasureDefinition measure) =>
        _counts.GetValueOrDefault((measure.Id, Breakdown.None, All)) ?? throw new InvalidOperationException($"{measure.Id} was not counted.");

    public IEnumerable<MeasureCount> GroupsOf(MeasureDefinition measure, Breakdown breakdown) =>
        _counts.Values.Where(c => c.MeasureId == measure.Id && c.Breakdown == breakdown);

    private static MeasureCount Count(string measureId, Breakdown breakdown, string group, IEnumerable<CountedUnit> units)
    {
        int numerator = 0, denominator = 0;
        foreach (var unit in units)
        {
            denominator += unit.InDenominator ? 1 : 0;
            numerator += unit.InNumerator ? unit.Days : 0;
        }

        return new MeasureCount(measureId, breakdown, group, numerator, denominator);
    }
}
