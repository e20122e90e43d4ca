using Microsoft.EntityFrameworkCore;
using OpenSend.Data.Audit;
using OpenSend.Data.Database;
using OpenSend.Data.Returns;
using OpenSend.Data.Statistics;
using OpenSend.Domain.Common;
using OpenSend.Domain.Dashboard;
using OpenSend.Domain.LocalAuthorities;
using OpenSend.Domain.Plans;

namespace OpenSend.Data.Dashboard;

/// <summary>One year of a measure for an LA beside its region and England.</summary>
public sealed record MeasureYear(int Year, bool ToDate, Figure La, Figure Region, Figure England);

/// <summary>
/// One measure for one LA: its trend (the chart and the table both draw this one list), the latest
/// year, a breakdown if asked for, and, when nothing is loaded, the source it needs.
/// </summary>
public sealed record MeasurePanel(MeasureDefinition Measure, IReadOnlyList<MeasureYear> Trend, Breakdown Breakdown, IReadOnlyList<BreakdownFigure> ByGroup, IReadOnlyList<BreakdownFigure> EnglandByGroup)
{
    public MeasureYear? Latest => Trend.LastOrDefault(t => t.La.Source != FigureSource.None) ?? Trend.LastOrDefault();

    public bool HasData => Trend.Any(t => t.La.Source != FigureSource.None || t.England.Source != FigureSource.None);

    /// <summary>What to load to fill a measure with no data.</summary>
    public string NeedsSource => Measure.External is { } external
        ? $"{external.Publisher}: {external.Description} (load it with opensend import measures; docs/dashboard-data.md)"
        : Measure.Published is not null ? "The DfE's Education, health and care plans release (opensend import statistics)" : "Records kept in OpenSEND";
}

public sealed record LaDashboard(LocalAuthority La, string RegionName, bool Live, bool Unsuppressed, IReadOnlyList<MeasurePanel> Panels);

/// <summary>One LA's place in a national ranking.</summary>
public sealed record RankedLa(int Rank, string LaCode, string LaName, string RegionName, Figure Figure);

/// <summary>
/// The dashboard's figures (../shared/spec/dashboard.md): for an LA, each measure counted live from
/// its records where it keeps them in OpenSEND (from the same SEN2 return it sends the DfE), else
/// the published figure, else an external one, beside its region and England (published); trends
/// over five years; equality breakdowns; a national ranking. Counts under 5 are shown as "c" to
/// anyone but the LA's own staff.
/// </summary>
public sealed class DashboardQueries(OpenSendDbContext db, DashboardData data, TimeProvider time)
{
    public const int TrendYears = 5;

    public const string England = "E92000001";

    private readonly Dictionary<string, List<PublishedRow>> _rows = [];

    public async Task<LaDashboard?> ForLaAsync(RequestContext context, string laCode, CancellationToken cancellationToken = default)
    {
        if (await db.LocalAuthorities.AsNoTracking().SingleOrDefaultAsync(l => l.Code == laCode, cancellationToken) is not { } la)
        {
            return null;
        }

        var live = await data.HasLiveDataAsync(laCode, cancellationToken);
        var unsuppressed = Unsuppressed(context, laCode);
        var panels = new List<MeasurePanel>();
        foreach (var measure in Measures.All)
        {
            panels.Add(await PanelAsync(la, live, unsuppressed, measure, Breakdown.None, cancellationToken));
        }

        return new LaDashboard(la, la.RegionName, live, unsuppressed, panels);
    }

    public async Task<(LaDashboard Dashboard, MeasurePanel Panel)?> MeasureAsync(RequestContext context, string laCode, string measureId, Breakdown breakdown, CancellationToken cancellationToken = default)
    {
        if (await db.LocalAuthorities.AsNoTracking().SingleOrDefaultAsync(l => l.Code == laCode, cancellationToken) is not { } la || Measures.Find(measureId) is not { } measure)
        {
            return null;
        }

        var live = await data.HasLiveDataAsync(laCode, cancellationToken);
        var unsuppressed = Unsuppressed(context, laCode);
        var panel = await PanelAsync(la, live, unsuppressed, measure, breakdown, cancellationToken);
        return (new LaDashboard(la, la.RegionName, live, unsuppressed, [panel]), panel);
    }

    /// <summary>Every LA on one measure for one year, best first: live where the LA keeps its records here, published otherwise.</summary>
    public async Task<(IReadOnlyList<RankedLa> Rows, int? Year, IReadOnlyList<int> Years, Figure England)> RankAsync(RequestContext context, string measureId, int? year, CancellationToken cancellationToken = default)
    {
        var measure = Measures.Get(measureId);
        var las = await db.LocalAuthorities.AsNoTracking().ToListAsync(cancellationToken);
        var years = await PublishedYearsAsync(measure, cancellationToken);
        var liveLas = (await db.Assessments.AsNoTracking().Select(a => a.LaCode).Distinct().ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var lastComplete = LastCompleteYear();
        if (measure.Live is not null && liveLas.Count > 0)
        {
            years = years.Union(Enumerable.Range(lastComplete - TrendYears + 1, TrendYears)).Order().ToList();
        }

        var chosen = year is { } y && years.Contains(y) ? y : years.Count > 0 ? years[^1] : (int?)null;
        if (chosen is not { } target)
        {
            return ([], null, years, Figure.NoData);
        }

        var rows = new List<(LocalAuthority La, Figure Figure)>();
        foreach (var la in las)
        {
            var figure = measure.Live is not null && liveLas.Contains(la.Code)
                ? MeasureCalculator.Compute(measure, await data.LiveAsync(la.Code, CensusFor(target), cancellationToken), !Unsuppressed(context, la.Code))
                : await PublishedOrExternalAsync(measure, PublishedLevels.LocalAuthority, la.Code, target, cancellationToken);
            rows.Add((la, figure));
        }

        var ranked = rows.Where(r => r.Figure.IsShown)
            .OrderBy(r => measure.HigherIsBetter ? -r.Figure.Value!.Value : r.Figure.Value!.Value)
            .Select((r, i) => new RankedLa(i + 1, r.La.Code, r.La.Name, r.La.RegionName, r.Figure))
            .Concat(rows.Where(r => !r.Figure.IsShown).OrderBy(r => r.La.Name, StringComparer.Ordinal).Select(r => new RankedLa(0, r.La.Code, r.La.Name, r.La.RegionName, r.Figure)))
            .ToList();
        return (ranked, target, years, await PublishedOrExternalAsync(measure, PublishedLevels.National, England, target, cancellationToken));
    }

    /// <summary>The census that closes a reporting year: January of the next year, or today for the year still running.</summary>
    public DateOnly CensusFor(int year)
    {
        var census = Sen2Extract.CensusDay(year + 1);
        var today = UkCalendar.DateOf(time.GetUtcNow());
        return census <= today ? census : today;
    }

    /// <summary>The year still running is shown "to date" for live figures; published ones end with the latest release.</summary>
    private int LastCompleteYear() => UkCalendar.DateOf(time.GetUtcNow()).Year;

    private static bool Unsuppressed(RequestContext context, string laCode) => context.Viewer.IsLaStaff && context.Viewer.LaCode == laCode;

    private async Task<MeasurePanel> PanelAsync(LocalAuthority la, bool live, bool unsuppressed, MeasureDefinition measure, Breakdown breakdown, CancellationToken cancellationToken)
    {
        var useLive = live && measure.Live is not null;
        var publishedYears = await PublishedYearsAsync(measure, cancellationToken);
        var latest = LastCompleteYear();
        var years = (useLive ? Enumerable.Range(latest - TrendYears + 1, TrendYears).ToList() : publishedYears.TakeLast(TrendYears).ToList());
        var trend = new List<MeasureYear>();
        foreach (var year in years)
        {
            var laFigure = useLive
                ? MeasureCalculator.Compute(measure, await data.LiveAsync(la.Code, CensusFor(year), cancellationToken), !unsuppressed)
                : await PublishedOrExternalAsync(measure, PublishedLevels.LocalAuthority, la.Code, year, cancellationToken);
            trend.Add(new MeasureYear(year, useLive && CensusFor(year) < Sen2Extract.CensusDay(year + 1), laFigure,
                await PublishedOrExternalAsync(measure, PublishedLevels.Regional, la.RegionCode, year, cancellationToken),
                await PublishedOrExternalAsync(measure, PublishedLevels.National, England, year, cancellationToken)));
        }

        IReadOnlyList<BreakdownFigure> byGroup = [];
        IReadOnlyList<BreakdownFigure> englandByGroup = [];
        if (breakdown != Breakdown.None && trend.LastOrDefault() is { } last)
        {
            byGroup = useLive
                ? MeasureCalculator.ComputeBy(measure, await data.LiveAsync(la.Code, CensusFor(last.Year), cancellationToken), breakdown, !unsuppressed)
                : await PublishedBreakdownAsync(measure, PublishedLevels.LocalAuthority, la.Code, last.Year, breakdown, cancellationToken);
            englandByGroup = await PublishedBreakdownAsync(measure, PublishedLevels.National, England, last.Year, breakdown, cancellationToken);
        }

        return new MeasurePanel(measure, trend, breakdown, byGroup, englandByGroup);
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
            years.AddRange(await db.ExternalFigures.AsNoTracking().Where(f => f.MeasureId == measure.Id).Select(f => f.Year).ToListAsync(cancellationToken));
        }

        return years.Distinct().Order().ToList();
    }

    /// <summary>The reporting year a published period stands for: 2024 for calendar 2024, and for 2024/25 (whose census, January 2025, closes 2024).</summary>
    public static int ReportingYear(PublishedRow row) => row.TimePeriod > 9999 ? row.TimePeriod / 100 : row.TimePeriod;

    private static bool IsTotal(PublishedRow row) => row.BreakdownTopic.StartsWith("All", StringComparison.Ordinal) || row.BreakdownTopic == "Total";

    private async Task<Figure> PublishedOrExternalAsync(MeasureDefinition measure, string level, string areaCode, int year, CancellationToken cancellationToken)
    {
        if (measure.Published is { } published
            && (await RowsAsync(published.Table, cancellationToken)).FirstOrDefault(r => r.Level == level && r.AreaCode == areaCode && ReportingYear(r) == year && IsTotal(r)) is { } row)
        {
            return FromRow(measure, published, row, published.Numerator);
        }

        if (measure.External is not null && await db.ExternalFigures.AsNoTracking().SingleOrDefaultAsync(f => f.MeasureId == measure.Id && f.AreaCode == areaCode && f.Year == year, cancellationToken) is { } external)
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
            return Enum.GetValues<Sen2NeedType>().Where(n => total.Values.ContainsKey($"number_{n.ToString().ToLowerInvariant()}"))
                .Select(n => new BreakdownFigure(n.ToString(), FromRow(measure, published, total, $"number_{n.ToString().ToLowerInvariant()}")))
                .ToList();
        }

        return published.Topics?.GetValueOrDefault(breakdown) is { } topic
            ? rows.Where(r => r.BreakdownTopic == topic).Select(r => new BreakdownFigure(r.Breakdown, FromRow(measure, published, r, published.Numerator))).ToList()
            : [];
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

    private async Task<List<PublishedRow>> RowsAsync(string table, CancellationToken cancellationToken)
    {
        if (!_rows.TryGetValue(table, out var rows))
        {
            rows = await db.PublishedRows.AsNoTracking().Where(r => r.Table == table && (r.BreakdownTopic.StartsWith("All") || r.BreakdownTopic == "Total" || r.BreakdownTopic == "Sex" || r.BreakdownTopic == "Ethnicity" || r.BreakdownTopic == "Child or young persons age"))
                .ToListAsync(cancellationToken);
            _rows[table] = rows;
        }

        return rows;
    }
}
