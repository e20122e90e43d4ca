namespace OpenSend.Domain.Dashboard;

/// <summary>Where a figure came from, as every page labels it.</summary>
public enum FigureSource
{
    /// <summary>Counted now from the LA's records in OpenSEND.</summary>
    Live,

    /// <summary>The DfE's published statistics.</summary>
    Published,

    /// <summary>Loaded from an external CSV.</summary>
    External,

    /// <summary>No source is loaded.</summary>
    None,
}

/// <summary>One figure: its value, what it was counted from, and whether it is withheld (suppressed).</summary>
public sealed record Figure(decimal? Value, decimal? Numerator, decimal? Denominator, FigureSource Source, string? Suppressed = null)
{
    public static Figure NoData { get; } = new(null, null, null, FigureSource.None);

    public bool IsShown => Value is not null && Suppressed is null;
}

/// <summary>One group of a breakdown (all, "Female", "ASD") with its figure.</summary>
public sealed record BreakdownFigure(string Group, Figure Figure);

/// <summary>
/// Counts a live measure: the units it yields, summed into a numerator and denominator, as a
/// rate or a count, overall or by a breakdown. Suppression follows the DfE: outside the LA, a
/// count below 5 (and a rate built on one) is shown as "c".
/// </summary>
public static class MeasureCalculator
{
    public const int SuppressBelow = 5;

    public static Figure Compute(MeasureDefinition measure, LiveData data, bool suppress) =>
        Compute(measure, new LiveCounts(LiveCounts.CountsOf(measure, data, [])), suppress);

    /// <summary>A measure from an LA's kept counts: the same figure as counting its records again.</summary>
    public static Figure Compute(MeasureDefinition measure, LiveCounts counts, bool suppress) =>
        FromCount(measure, counts.Overall(measure), suppress);

    /// <summary>
    /// A set of LAs' figure (a region, England) from each LA's own unsuppressed live figure: every
    /// LA's children counted together, as the DfE counts England, never an average of their rates.
    /// Taking each LA's counts, not its records, lets England be counted one LA at a time.
    /// </summary>
    public static Figure Total(MeasureDefinition measure, IEnumerable<Figure> laFigures, bool suppress)
    {
        decimal numerator = 0, denominator = 0;
        foreach (var figure in laFigures)
        {
            if (figure.Source != FigureSource.Live || figure.Suppressed is not null)
            {
                throw new ArgumentException("A total is counted from the LAs' own live figures, unsuppressed.", nameof(laFigures));
            }

            numerator += figure.Numerator ?? 0;
            denominator += figure.Denominator ?? figure.Numerator ?? 0;
        }

        return FromCounts(measure.Kind, numerator, measure.Kind is MeasureKind.Count or MeasureKind.Money ? null : denominator, FigureSource.Live, suppress);
    }

    public static IReadOnlyList<BreakdownFigure> ComputeBy(MeasureDefinition measure, LiveData data, Breakdown breakdown, bool suppress) =>
        ComputeBy(measure, new LiveCounts(LiveCounts.CountsOf(measure, data, [breakdown])), breakdown, suppress);

    public static IReadOnlyList<BreakdownFigure> ComputeBy(MeasureDefinition measure, LiveCounts counts, Breakdown breakdown, bool suppress) =>
        Breakdowns.Ordered(breakdown, counts.GroupsOf(measure, breakdown).Select(c => new BreakdownFigure(c.Group, FromCount(measure, c, suppress))));

    private static Figure FromCount(MeasureDefinition measure, MeasureCount count, bool suppress) =>
        FromCounts(measure.Kind, count.Numerator, count.Denominator, FigureSource.Live, suppress);

    /// <summary>A rate or count from its parts; null denominator for counts.</summary>
    public static Figure FromCounts(MeasureKind kind, decimal numerator, decimal? denominator, FigureSource source, bool suppress)
    {
        var isCount = kind is MeasureKind.Count or MeasureKind.Money;
        decimal? value = isCount ? numerator
            : denominator is > 0 ? Math.Round(numerator / denominator.Value * Scale(kind), 1)
            : null;
        var small = kind != MeasureKind.Money && ((numerator is > 0 and < SuppressBelow) || (!isCount && denominator is > 0 and < SuppressBelow));
        return suppress && small
            ? new Figure(null, null, null, source, "c")
            : new Figure(value, numerator, isCount ? null : denominator, source);
    }

    private static decimal Scale(MeasureKind kind) => kind switch
    {
        MeasureKind.PerTenThousand => 10_000m,
        MeasureKind.PerThousand => 1_000m,
        MeasureKind.AverageWeeks => 1m / 7m,
        _ => 100m,
    };

    /// <summary>
    /// The average of an LA's statistical neighbours, as the DfE's LA interactive tool shows it: the
    /// mean of the neighbours' own figures where each is shown. A withheld figure is left out, not
    /// counted as zero; with none shown the average is withheld too.
    /// </summary>
    public static Figure AverageOf(IReadOnlyCollection<Figure> neighbours)
    {
        var shown = neighbours.Where(f => f.IsShown).ToList();
        if (shown.Count == 0)
        {
            return neighbours.FirstOrDefault(f => f.Suppressed is not null) is { } withheld ? new Figure(null, null, null, withheld.Source, withheld.Suppressed) : Figure.NoData;
        }

        var source = shown.GroupBy(f => f.Source).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
        return new Figure(Math.Round(shown.Average(f => f.Value!.Value), 1), null, shown.Count, source);
    }

    /// <summary>
    /// A group's share of the whole, as a percentage: how a count's breakdown is compared with
    /// England's (an LA's 71% boys beside England's 70.6%), since the counts themselves differ in size.
    /// </summary>
    public static decimal? ShareOf(Figure group, Figure whole) =>
        group.IsShown && whole.IsShown && whole.Value > 0 ? Math.Round(group.Value!.Value / whole.Value!.Value * 100m, 1) : null;

    /// <summary>How far a figure is from England's, in the measure's own units, and whether that is worse.</summary>
    public static (decimal Difference, bool Worse)? GapToEngland(MeasureDefinition measure, Figure figure, Figure england) =>
        figure.IsShown && england.IsShown && measure.IsRate
            ? (figure.Value!.Value - england.Value!.Value, measure.HigherIsBetter switch { true => figure.Value < england.Value, false => figure.Value > england.Value, null => false })
            : null;
}
