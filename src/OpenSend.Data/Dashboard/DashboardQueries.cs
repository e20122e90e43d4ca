using Microsoft.EntityFrameworkCore;
using OpenSend.Data.Audit;
using OpenSend.Data.Database;
using OpenSend.Data.Returns;
using OpenSend.Data.Statistics;
using OpenSend.Domain.Dashboard;
using OpenSend.Domain.LocalAuthorities;
using OpenSend.Domain.Plans;

namespace OpenSend.Data.Dashboard;

/// <summary>One year of a measure for an LA beside the average of its statistical neighbours, its region and England.</summary>
public sealed record MeasureYear(int Year, bool ToDate, Figure La, Figure Neighbours, Figure Region, Figure England);

/// <summary>
/// One measure for one LA: its trend (the chart and the table both draw this one list), the latest
/// year, a breakdown if asked for, and, when nothing is loaded, the source it needs.
/// </summary>
/// <remarks>
/// England's breakdown is from the latest published year up to the LA's (a live LA's year to date
/// is compared with England's latest release), with England's whole for that year beside it.
/// </remarks>
public sealed record MeasurePanel(MeasureDefinition Measure, IReadOnlyList<MeasureYear> Trend, Breakdown Breakdown, IReadOnlyList<BreakdownFigure> ByGroup, IReadOnlyList<BreakdownFigure> EnglandByGroup,
    int? EnglandYear = null, Figure? EnglandWhole = null)
{
    public MeasureYear? Latest => Trend.LastOrDefault(t => t.La.Source != FigureSource.None) ?? Trend.LastOrDefault();

    public bool HasData => Trend.Any(t => t.La.Source != FigureSource.None || t.England.Source != FigureSource.None);

    /// <summary>What to load to fill a measure with no data.</summary>
    public string NeedsSource => Measure.External is { } external
        ? $"{external.Publisher}: {external.Description} (load it with opensend import measures; docs/dashboard-data.md)"
        : Measure.Published is not null ? "The DfE's Education, health and care plans release (opensend import statistics)" : "Records kept in OpenSEND";
}

/// <summary>
/// An LA's dashboard; Neighbours is its DfE statistical neighbours, in rank order (empty until the
/// list is loaded); Counted, for a live LA, when its kept counts were made and whether a recount is on its way.
/// </summary>
public sealed record LaDashboard(LocalAuthority La, string RegionName, bool Live, bool Unsuppressed, IReadOnlyList<LocalAuthority> Neighbours, IReadOnlyList<MeasurePanel> Panels, CountingState? Counted = null)
{
    public bool HasNeighbours => Neighbours.Count > 0;
}

/// <summary>One LA's place in a national ranking.</summary>
public sealed record RankedLa(int Rank, string LaCode, string LaName, string RegionName, Figure Figure);

/// <summary>
/// The dashboard's figures (../shared/spec/dashboard.md): for an LA, each measure counted live from
/// its records where it keeps them in OpenSEND (from the same SEN2 return it sends the DfE), else
/// the published figure, else an external one, beside the average of its statistical neighbours
/// (each counted the same way), its region and England (published); trends
/// over five years; equality breakdowns; a national ranking. Counts under 5 are shown as "c" to
/// anyone but the LA's own staff.
/// </summary>
public sealed class DashboardQueries(OpenSendDbContext db, DashboardData data, DashboardCounts counts)
{
    public const int TrendYears = DashboardCounts.Years;

    public const string England = "E92000001";

    private readonly Dictionary<string, List<PublishedRow>> _rows = [];

    private readonly Dictionary<string, Dictionary<(string, string, int), PublishedRow>> _totals = [];

    private readonly Dictionary<string, Dictionary<(string, int), ExternalFigure>> _external = [];

    private HashSet<string>? _liveLas;

    /// <summary>The areas whose published rows are read (an LA's page: it, its neighbours, its region, England); null for every area.</summary>
    private HashSet<string>? _areas;

    public async Task<LaDashboard?> ForLaAsync(RequestContext context, string laCode, CancellationToken cancellationToken = default)
    {
        if (await db.LocalAuthorities.AsNoTracking().SingleOrDefaultAsync(l => l.Code == laCode, cancellationToken) is not { } la)
        {
            return null;
        }

        var live = await data.HasLiveDataAsync(laCode, cancellationToken);
        var unsuppressed = Unsuppressed(context, laCode);
        var neighbours = await NeighboursAsync(laCode, cancellationToken);
        ReadAreas(la, neighbours);
        var panels = new List<MeasurePanel>();
        foreach (var measure in Measures.All)
        {
            panels.Add(await PanelAsync(context, la, live, unsuppressed, neighbours, measure, Breakdown.None, cancellationToken));
        }

        return new LaDashboard(la, la.RegionName, live, unsuppressed, neighbours, panels, live ? await counts.StateAsync(laCode, cancellationToken) : null);
    }

    public async Task<(LaDashboard Dashboard, MeasurePanel Panel)?> MeasureAsync(RequestContext context, string laCode, string measureId, Breakdown breakdown, CancellationToken cancellationToken = default)
    {
        if (await db.LocalAuthorities.AsNoTracking().SingleOrDefaultAsync(l => l.Code == laCode, cancellationToken) is not { } la || Measures.Find(measureId) is not { } measure)
        {
            return null;
        }

        var live = await data.HasLiveDataAsync(laCode, cancellationToken);
        var unsuppressed = Unsuppressed(context, laCode);
        var neighbours = await NeighboursAsync(laCode, cancellationToken);
        ReadAreas(la, neighbours);
        var panel = await PanelAsync(context, la, live, unsuppressed, neighbours, measure, breakdown, cancellationToken);
        return (new LaDashboard(la, la.RegionName, live, unsuppressed, neighbours, [panel], live ? await counts.StateAsync(laCode, cancellationToken) : null), panel);
    }

    /// <summary>Every LA on one measure for one year, best first (highest first where neither is better): live where the LA keeps its records here, published otherwise.</summary>
    public async Task<(IReadOnlyList<RankedLa> Rows, int? Year, IReadOnlyList<int> Years, Figure England)> RankAsync(RequestContext context, string measureId, int? year, CancellationToken cancellationToken = default)
    {
        var measure = Measures.Get(measureId);
        ReadAreas(null, []);
        var las = await db.LocalAuthorities.AsNoTracking().ToListAsync(cancellationToken);
        var published = await PublishedYearsAsync(measure, cancellationToken);
        var years = published;
        var liveLas = await LiveLasAsync(cancellationToken);
        if (measure.Live is not null && liveLas.Count > 0)
        {
            years = years.Union(counts.YearsShown).Order().ToList();
        }

        // Unless asked, the latest year every LA has a figure for: the latest release, not a year only live LAs have.
        var chosen = year is { } y && years.Contains(y) ? y : published.Count > 0 ? published[^1] : years.Count > 0 ? years[^1] : (int?)null;
        if (chosen is not { } target)
        {
            return ([], null, years, Figure.NoData);
        }

        var rows = new List<(LocalAuthority La, Figure Figure)>();
        foreach (var la in las)
        {
            rows.Add((la, await LaFigureAsync(context, measure, la.Code, target, cancellationToken)));
        }

        var ranked = rows.Where(r => r.Figure.IsShown)
            .OrderBy(r => measure.HigherIsBetter == false ? r.Figure.Value!.Value : -r.Figure.Value!.Value)
            .Select((r, i) => new RankedLa(i + 1, r.La.Code, r.La.Name, r.La.RegionName, r.Figure))
            .Concat(rows.Where(r => !r.Figure.IsShown).OrderBy(r => r.La.Name, StringComparer.Ordinal).Select(r => new RankedLa(0, r.La.Code, r.La.Name, r.La.RegionName, r.Figure)))
            .ToList();
        return (ranked, target, years, await PublishedOrExternalAsync(measure, PublishedLevels.National, England, target, cancellationToken));
    }

    /// <summary>The census that closes a reporting year: January of the next year, or today for the year still running.</summary>
    public DateOnly CensusFor(int year) => data.CensusFor(year);

    /// <summary>
    /// An LA's page reads only its own, its neighbours', its region's and England's published rows
    /// (a few hundred), not every LA's (the release's 200,000 rows were most of the page's time); a
    /// ranking reads every area's.
    /// </summary>
    private void ReadAreas(LocalAuthority? la, IReadOnlyList<LocalAuthority> neighbours)
    {
        HashSet<string>? areas = la is null ? null : [la.Code, la.RegionCode, England, .. neighbours.Select(n => n.Code)];
        var sameAreas = areas is null ? _areas is null : _areas is not null && areas.SetEquals(_areas);
        if (!sameAreas)
        {
            _rows.Clear();
            _totals.Clear();
        }

        _areas = areas;
    }

    private static bool Unsuppressed(RequestContext context, string laCode) => context.Viewer.IsLaStaff && context.Viewer.LaCode == laCode;

    /// <summary>An LA's figure for a year, counted the way its own dashboard counts it: live where it keeps its records here, else published or loaded.</summary>
    private async Task<Figure> LaFigureAsync(RequestContext context, MeasureDefinition measure, string laCode, int year, CancellationToken cancellationToken) =>
        measure.Live is not null && (await LiveLasAsync(cancellationToken)).Contains(laCode)
            ? MeasureCalculator.Compute(measure, await counts.ForYearAsync(laCode, year, cancellationToken: cancellationToken), !Unsuppressed(context, laCode))
            : await PublishedOrExternalAsync(measure, PublishedLevels.LocalAuthority, laCode, year, cancellationToken);

    private async Task<HashSet<string>> LiveLasAsync(CancellationToken cancellationToken) =>
        _liveLas ??= (await counts.LiveLasAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);

    private async Task<IReadOnlyList<LocalAuthority>> NeighboursAsync(string laCode, CancellationToken cancellationToken) =>
        await db.StatisticalNeighbours.AsNoTracking().Where(n => n.LaCode == laCode)
            .Join(db.LocalAuthorities.AsNoTracking(), n => n.NeighbourCode, l => l.Code, (n, l) => new { n.Rank, La = l })
            .OrderBy(x => x.Rank).Select(x => x.La).ToListAsync(cancellationToken);

    private async Task<MeasurePanel> PanelAsync(RequestContext context, LocalAuthority la, bool live, bool unsuppressed, IReadOnlyList<LocalAuthority> neighbours, MeasureDefinition measure, Breakdown breakdown, CancellationToken cancellationToken)
    {
        var useLive = live && measure.Live is not null;
        var publishedYears = await PublishedYearsAsync(measure, cancellationToken);
        var years = useLive ? [.. counts.YearsShown] : publishedYears.TakeLast(TrendYears).ToList();
        var trend = new List<MeasureYear>();
        foreach (var year in years)
        {
            var laFigure = useLive
                ? MeasureCalculator.Compute(measure, await counts.ForYearAsync(la.Code, year, cancellationToken: cancellationToken), !unsuppressed)
                : await PublishedOrExternalAsync(measure, PublishedLevels.LocalAuthority, la.Code, year, cancellationToken);
            var neighbourFigures = new List<Figure>();
            foreach (var neighbour in neighbours)
            {
                neighbourFigures.Add(await LaFigureAsync(context, measure, neighbour.Code, year, cancellationToken));
            }

            trend.Add(new MeasureYear(year, useLive && CensusFor(year) < Sen2Extract.CensusDay(year + 1), laFigure,
                neighbours.Count > 0 ? MeasureCalculator.AverageOf(neighbourFigures) : Figure.NoData,
                await PublishedOrExternalAsync(measure, PublishedLevels.Regional, la.RegionCode, year, cancellationToken),
                await PublishedOrExternalAsync(measure, PublishedLevels.National, England, year, cancellationToken)));
        }

        IReadOnlyList<BreakdownFigure> byGroup = [];
        IReadOnlyList<BreakdownFigure> englandByGroup = [];
        int? englandYear = null;
        var englandWhole = Figure.NoData;
        if (breakdown != Breakdown.None && trend.LastOrDefault() is { } last)
        {
            byGroup = useLive
                ? MeasureCalculator.ComputeBy(measure, await counts.ForYearAsync(la.Code, last.Year, breakdown, cancellationToken), breakdown, !unsuppressed)
                : await PublishedBreakdownAsync(measure, PublishedLevels.LocalAuthority, la.Code, last.Year, breakdown, cancellationToken);
            englandYear = publishedYears.LastOrDefault(y => y <= last.Year) is var y && y > 0 ? y : null;
            if (englandYear is { } year)
            {
                englandByGroup = await PublishedBreakdownAsync(measure, PublishedLevels.National, England, year, breakdown, cancellationToken);
                englandWhole = await PublishedOrExternalAsync(measure, PublishedLevels.National, England, year, cancellationToken);
            }

            // Every group England has, so an LA's missing group shows as none (live counts) or no data, not as nothing.
            var missing = englandByGroup.Where(e => byGroup.All(g => g.Group != e.Group))
                .Select(e => new BreakdownFigure(e.Group, useLive && !measure.IsRate ? MeasureCalculator.FromCounts(measure.Kind, 0, null, FigureSource.Live, suppress: false) : Figure.NoData));
            byGroup = Breakdowns.Ordered(breakdown, byGroup.Concat(missing));
        }

        return new MeasurePanel(measure, trend, breakdown, byGroup, englandByGroup, englandYear, englandWhole);
    }

    private async Task<List<int>> PublishedYearsAsync(MeasureDefinition measure, CancellationToken cancellationToken)
    {
        var years = new List<int>();
        if (measure.Published is { } published)
        {
            years.AddRange((await RowsAsync(published.Table, cancellationToken)).Where(r => r.Level == PublishedLevels.National && IsTotal(r)).Select(ReportingYear));
        }

        if (measure.External is not null)
        {
            years.AddRange((await ExternalAsync(measure.Id, cancellationToken)).Keys.Select(k => k.Item2));
        }

        return years.Distinct().Order().ToList();
    }

    /// <summary>The reporting year a published period stands for: 2024 for calendar 2024, and for 2024/25 (whose census, January 2025, closes 2024).</summary>
    public static int ReportingYear(PublishedRow row) => row.TimePeriod > 9999 ? row.TimePeriod / 100 : row.TimePeriod;

    private static bool IsTotal(PublishedRow row) => row.BreakdownTopic.StartsWith("All", StringComparison.Ordinal) || row.BreakdownTopic == "Total";

    private async Task<Figure> PublishedOrExternalAsync(MeasureDefinition measure, string level, string areaCode, int year, CancellationToken cancellationToken)
    {
        if (measure.Published is { } published
            && (await TotalsAsync(published.Table, cancellationToken)).GetValueOrDefault((level, areaCode, year)) is { } row)
        {
            return FromRow(measure, published, row, published.Numerator);
        }

        if (measure.External is not null && (await ExternalAsync(measure.Id, cancellationToken)).GetValueOrDefault((areaCode, year)) is { } external)
        {
            return external.Suppressed is { } code
                ? new Figure(null, null, null, FigureSource.External, code)
                : external.Value is { } value
                    ? new Figure(value, external.Numerator, external.Denominator, FigureSource.External)
                    : MeasureCalculator.FromCounts(measure.Kind, external.Numerator ?? 0, external.Denominator, FigureSource.External, suppress: false);
        }

        return Figure.NoData;
    }

    private async Task<IReadOnlyList<BreakdownFigure>> PublishedBreakdownAsync(MeasureDefinition measure, string level, string areaCode, int year, Breakdown breakdown, CancellationToken cancellationToken)
    {
        if (measure.Published is not { } published)
        {
            return [];
        }

        var rows = (await RowsAsync(published.Table, cancellationToken)).Where(r => r.Level == level && r.AreaCode == areaCode && ReportingYear(r) == year).ToList();
        if (breakdown == Breakdown.PrimaryNeed && rows.FirstOrDefault(IsTotal) is { } total && total.Values.ContainsKey("number_asd"))
        {
            // The needs tables publish one column a need.
            return Breakdowns.Ordered(breakdown, Enum.GetValues<Sen2NeedType>().Where(n => total.Values.ContainsKey($"number_{n.ToString().ToLowerInvariant()}"))
                .Select(n => new BreakdownFigure(n.ToString(), FromRow(measure, published, total, $"number_{n.ToString().ToLowerInvariant()}"))));
        }

        if (breakdown == Breakdown.PlacementType && published.Numerator == "ehcplans" && rows.FirstOrDefault(IsTotal) is { } all && all.Values.ContainsKey("mainstream_total"))
        {
            // The caseload table publishes placements as columns of its total row.
            return PlacementColumns.GroupBy(c => c.Placement, c => c.Column)
                .Select(g => new BreakdownFigure(Breakdowns.PlacementName(g.Key), SumOfColumns(measure, all, [.. g])))
                .ToList();
        }

        if (!PublishedSource.Topics.TryGetValue(breakdown, out var topic))
        {
            return [];
        }

        // Several published rows may make one group (single years of age into a band): their counts are summed.
        var groups = rows.Where(r => r.BreakdownTopic == topic)
            .Select(r => (Group: Breakdowns.PublishedGroup(breakdown, r.Breakdown), Row: r))
            .Where(x => x.Group is not null)
            .GroupBy(x => x.Group!, x => x.Row)
            .Select(g => new BreakdownFigure(g.Key, g.Count() == 1 ? FromRow(measure, published, g.Single(), published.Numerator) : Summed(measure, published, g.ToList())));
        return Breakdowns.Ordered(breakdown, groups);
    }

    /// <summary>The caseload table's placement columns, grouped as the DfE's "type of placement" totals.</summary>
    private static readonly (string Column, PlacementType Placement)[] PlacementColumns =
    [
        ("mainstream_total", PlacementType.Mainstream),
        ("special_total", PlacementType.Special),
        ("ap_pru_total", PlacementType.AlternativeProvision),
        ("fe_total", PlacementType.PostSixteen),
        ("ed_elsewhere", PlacementType.Other),
        ("nm_early_years", PlacementType.Other),
        ("placement_unknown", PlacementType.None),
    ];

    private static Figure SumOfColumns(MeasureDefinition measure, PublishedRow row, IReadOnlyList<string> columns)
    {
        var values = columns.Select(row.Value).ToList();
        return values.FirstOrDefault(v => v.Suppressed is not null) is { Suppressed: { } code }
            ? new Figure(null, null, null, FigureSource.Published, code)
            : values.All(v => v.Number is null) ? Figure.NoData
            : MeasureCalculator.FromCounts(measure.Kind, values.Sum(v => v.Number ?? 0), null, FigureSource.Published, suppress: false);
    }

    private static Figure Summed(MeasureDefinition measure, PublishedSource source, IReadOnlyList<PublishedRow> rows)
    {
        var numerators = rows.Select(r => r.Value(source.Numerator)).ToList();
        var denominators = rows.SelectMany(r => (source.Denominator ?? []).Select(r.Value)).ToList();
        if (numerators.Concat(denominators).FirstOrDefault(v => v.Suppressed is not null) is { Suppressed: { } code })
        {
            // A band with a withheld part cannot be added up: it is withheld too.
            return new Figure(null, null, null, FigureSource.Published, code);
        }

        return numerators.All(n => n.Number is null)
            ? Figure.NoData
            : MeasureCalculator.FromCounts(measure.Kind, numerators.Sum(n => n.Number ?? 0), source.Denominator is null ? null : denominators.Sum(d => d.Number ?? 0), FigureSource.Published, suppress: false);
    }

    /// <summary>A published figure: the published rate where there is one, else the numerator over the summed denominator; a suppressed cell stays suppressed.</summary>
    private static Figure FromRow(MeasureDefinition measure, PublishedSource source, PublishedRow row, string numeratorColumn)
    {
        var numerator = row.Value(numeratorColumn);
        var denominators = (source.Denominator ?? []).Select(row.Value).ToList();
        var rate = source.Rate is { } column && numeratorColumn == source.Numerator ? row.Value(column) : (PublishedValue?)null;
        var suppressed = new[] { numerator }.Concat(denominators).Append(rate ?? default).Select(v => v.Suppressed).FirstOrDefault(s => s is not null);
        if (suppressed is not null && rate?.Number is null)
        {
            return new Figure(null, null, null, FigureSource.Published, suppressed);
        }

        decimal? denominator = denominators.Count > 0 && denominators.All(d => d.Number is not null) ? denominators.Sum(d => d.Number!.Value) : null;
        if (rate?.Number is { } published)
        {
            return new Figure(published, numerator.Number, denominator, FigureSource.Published);
        }

        return numerator.Number is { } n
            ? MeasureCalculator.FromCounts(measure.Kind, n, denominator, FigureSource.Published, suppress: false)
            : Figure.NoData;
    }

    /// <summary>A table's total rows by level, area and reporting year (the first where a release publishes two).</summary>
    private async Task<Dictionary<(string, string, int), PublishedRow>> TotalsAsync(string table, CancellationToken cancellationToken)
    {
        if (!_totals.TryGetValue(table, out var totals))
        {
            totals = [];
            foreach (var row in (await RowsAsync(table, cancellationToken)).Where(IsTotal))
            {
                totals.TryAdd((row.Level, row.AreaCode, ReportingYear(row)), row);
            }

            _totals[table] = totals;
        }

        return totals;
    }

    private async Task<Dictionary<(string, int), ExternalFigure>> ExternalAsync(string measureId, CancellationToken cancellationToken)
    {
        if (!_external.TryGetValue(measureId, out var figures))
        {
            figures = await db.ExternalFigures.AsNoTracking().Where(f => f.MeasureId == measureId).ToDictionaryAsync(f => (f.AreaCode, f.Year), cancellationToken);
            _external[measureId] = figures;
        }

        return figures;
    }

    private async Task<List<PublishedRow>> RowsAsync(string table, CancellationToken cancellationToken)
    {
        if (!_rows.TryGetValue(table, out var rows))
        {
            var areas = _areas?.ToList();
            rows = await db.PublishedRows.AsNoTracking().Where(r => r.Table == table && (areas == null || areas.Contains(r.AreaCode)) && (r.BreakdownTopic.StartsWith("All") || r.BreakdownTopic == "Total" || r.BreakdownTopic == "Sex" || r.BreakdownTopic == "Ethnicity" || r.BreakdownTopic == "Child or young persons age" || r.BreakdownTopic == "Type of placement"))
                .ToListAsync(cancellationToken);
            _rows[table] = rows;
        }

        return rows;
    }
}
