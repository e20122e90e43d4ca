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

    public static Figure Compute(MeasureDefinition measure, LiveData data, bool suppress)
    {
        var units = measure.Live?.Invoke(data).ToList() ?? throw new InvalidOperationException($"{measure.Id} has no live definition.");
        return FromCounts(measure.Kind, units.Count(u => u.InNumerator && u.InDenominator), units.Count(u => u.InDenominator), FigureSource.Live, suppress);
    }

    public static IReadOnlyList<BreakdownFigure> ComputeBy(MeasureDefinition measure, LiveData data, Breakdown breakdown, bool suppress)
    {
        var units = measure.Live?.Invoke(data).ToList() ?? throw new InvalidOperationException($"{measure.Id} has no live definition.");
        return units.GroupBy(u => Breakdowns.GroupOf(breakdown, u, data))
            .Select(g => new BreakdownFigure(g.Key, FromCounts(measure.Kind, g.Count(u => u.InNumerator && u.InDenominator), g.Count(u => u.InDenominator), FigureSource.Live, suppress)))
            .OrderBy(b => b.Group, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>A rate or count from its parts; null denominator for counts.</summary>
    public static Figure FromCounts(MeasureKind kind, decimal numerator, decimal? denominator, FigureSource source, bool suppress)
    {
        var isCount = kind is MeasureKind.Count or MeasureKind.Money;
        decimal? value = isCount ? numerator
            : denominator is > 0 ? Math.Round(numerator / denominator.Value * (kind == MeasureKind.PerTenThousand ? 10_000m : 100m), 1)
            : null;
        var small = kind != MeasureKind.Money && ((numerator is > 0 and < SuppressBelow) || (!isCount && denominator is > 0 and < SuppressBelow));
        return suppress && small
            ? new Figure(null, null, null, source, "c")
            : new Figure(value, numerator, isCount ? null : denominator, source);
    }

    /// <summary>How far a figure is from England's, in the measure's own units, and whether that is worse.</summary>
    public static (decimal Difference, bool Worse)? GapToEngland(MeasureDefinition measure, Figure figure, Figure england) =>
        figure.IsShown && england.IsShown && measure.IsRate
            ? (figure.Value!.Value - england.Value!.Value, measure.HigherIsBetter ? figure.Value < england.Value : figure.Value > england.Value)
            : null;
}
