using System.Globalization;
using System.Text;
using CsvHelper;
using OpenSend.Domain.Dashboard;

namespace OpenSend.Data.Dashboard;

/// <summary>
/// Every dashboard table as CSV, from the same panel or ranking the page draws its chart and table
/// from: one row per figure, the value as the page shows it ("c" when withheld, empty when there is
/// no data), its parts, and its source, so a download never disagrees with the page.
/// </summary>
public static class DashboardCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static byte[] Trend(LaDashboard dashboard, MeasurePanel panel, string neighboursName) => Write(csv =>
    {
        csv.WriteField("measure_id");
        csv.WriteField("year");
        csv.WriteField("to_date");
        csv.WriteField("area");
        csv.WriteField("area_code");
        WriteFigureHeader(csv);
        foreach (var year in panel.Trend)
        {
            var areas = new List<(string Name, string Code, Figure Figure)> { (dashboard.La.Name, dashboard.La.Code, year.La) };
            if (dashboard.HasNeighbours)
            {
                areas.Add((neighboursName, string.Join(" ", dashboard.Neighbours.Select(n => n.Code)), year.Neighbours));
            }

            areas.Add((dashboard.RegionName, dashboard.La.RegionCode, year.Region));
            areas.Add(("England", DashboardQueries.England, year.England));
            foreach (var (name, code, figure) in areas)
            {
                csv.WriteField(panel.Measure.Id);
                csv.WriteField(year.Year);
                csv.WriteField(year.ToDate ? "yes" : "no");
                csv.WriteField(name);
                csv.WriteField(code);
                WriteFigure(csv, figure);
            }
        }
    });

    public static byte[] Breakdown(LaDashboard dashboard, MeasurePanel panel, string breakdownName) => Write(csv =>
    {
        csv.WriteField("measure_id");
        csv.WriteField("year");
        csv.WriteField("breakdown");
        csv.WriteField("group");
        csv.WriteField("area");
        csv.WriteField("area_code");
        WriteFigureHeader(csv);
        var year = panel.Latest?.Year;
        foreach (var (groups, name, code) in new[] { (panel.ByGroup, dashboard.La.Name, dashboard.La.Code), (panel.EnglandByGroup, "England", DashboardQueries.England) })
        {
            foreach (var group in groups)
            {
                csv.WriteField(panel.Measure.Id);
                csv.WriteField(year);
                csv.WriteField(breakdownName);
                csv.WriteField(group.Group);
                csv.WriteField(name);
                csv.WriteField(code);
                WriteFigure(csv, group.Figure);
            }
        }
    });

    public static byte[] Ranking(MeasureDefinition measure, int? year, IReadOnlyList<RankedLa> rows, Figure england) => Write(csv =>
    {
        csv.WriteField("measure_id");
        csv.WriteField("year");
        csv.WriteField("rank");
        csv.WriteField("area");
        csv.WriteField("area_code");
        csv.WriteField("region");
        WriteFigureHeader(csv);
        foreach (var row in rows)
        {
            csv.WriteField(measure.Id);
            csv.WriteField(year);
            csv.WriteField(row.Rank == 0 ? string.Empty : row.Rank.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(row.LaName);
            csv.WriteField(row.LaCode);
            csv.WriteField(row.RegionName);
            WriteFigure(csv, row.Figure);
        }

        csv.WriteField(measure.Id);
        csv.WriteField(year);
        csv.WriteField(string.Empty);
        csv.WriteField("England");
        csv.WriteField(DashboardQueries.England);
        csv.WriteField(string.Empty);
        WriteFigure(csv, england);
    });

    /// <summary>A file name that says what the table is: opensend-999-20-week-rate.csv.</summary>
    public static string FileName(params object?[] parts) =>
        "opensend-" + string.Join("-", parts.Where(p => p is not null).Select(p => Convert.ToString(p, CultureInfo.InvariantCulture))) + ".csv";

    private static void WriteFigureHeader(CsvWriter csv)
    {
        csv.WriteField("value");
        csv.WriteField("numerator");
        csv.WriteField("denominator");
        csv.WriteField("source");
        csv.NextRecord();
    }

    private static void WriteFigure(CsvWriter csv, Figure figure)
    {
        csv.WriteField(figure.Suppressed ?? (figure.Value is { } v ? v.ToString(CultureInfo.InvariantCulture) : string.Empty));
        csv.WriteField(figure.Suppressed is null ? figure.Numerator?.ToString(CultureInfo.InvariantCulture) : string.Empty);
        csv.WriteField(figure.Suppressed is null ? figure.Denominator?.ToString(CultureInfo.InvariantCulture) : string.Empty);
        csv.WriteField(figure.Source switch
        {
            FigureSource.Live => "live",
            FigureSource.Published => "published",
            FigureSource.External => "loaded",
            _ => "no data",
        });
        csv.NextRecord();
    }

    private static byte[] Write(Action<CsvWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            write(csv);
        }

        return stream.ToArray();
    }
}
