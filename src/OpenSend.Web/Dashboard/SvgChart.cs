using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;
using OpenSend.Data.Dashboard;
using OpenSend.Domain.Dashboard;

namespace OpenSend.Web.Dashboard;

/// <summary>
/// The dashboard's charts as SVG drawn on the server: no script, an accessible name and a
/// description of what the chart shows (WCAG 1.1.1), colours that differ in line style as well as
/// hue (1.4.1), and always the table of the same figures beside it, so no one needs the chart.
/// </summary>
public static class SvgChart
{
    private const int Width = 640;
    private const int Height = 260;
    private const int Left = 80;
    private const int Right = 16;
    private const int Top = 16;
    private const int Bottom = 40;

    private sealed record Line(string Name, Func<MeasureYear, Figure> Figure, string Colour, string Dash, string Label);

    /// <summary>
    /// The lines of a trend, in GOV.UK colours: the LA blue and solid, its statistical neighbours'
    /// average purple and dash-dotted (when their list is loaded), its region red and dashed,
    /// England black and dotted.
    /// </summary>
    /// <remarks>A total is drawn for the LA (and its neighbours, of a like size) only: its region and England are in the table.</remarks>
    private static List<Line> Lines(MeasureDefinition measure, string laName, string? neighboursName, string regionName)
    {
        var lines = new List<Line> { new(laName, t => t.La, "#1d70b8", string.Empty, "la") };
        if (neighboursName is not null)
        {
            lines.Add(new(neighboursName, t => t.Neighbours, "#4c2c92", "10 3 2 3", "neighbours"));
        }

        if (measure.ComparableAcrossAreas)
        {
            lines.Add(new(regionName, t => t.Region, "#d4351c", "6 4", "region"));
            lines.Add(new("England", t => t.England, "#0b0c0c", "2 4", "england"));
        }

        return lines;
    }

    public static IHtmlContent Trend(string id, MeasureDefinition measure, IReadOnlyList<MeasureYear> trend, string laName, string? neighboursName, string regionName)
    {
        var lines = Lines(measure, laName, neighboursName, regionName);
        var values = trend.SelectMany(t => lines.Select(l => l.Figure(t))).Where(f => f.IsShown).Select(f => f.Value!.Value).ToList();
        var svg = new StringBuilder();
        var description = Describe(measure, trend, lines);
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"app-chart\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" focusable=\"false\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{E(measure.Title)}: {E(Names(lines))}</title><desc id=\"{id}-desc\">{E(description)}</desc>");
        if (values.Count == 0 || trend.Count == 0)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width / 2}\" y=\"{Height / 2}\" text-anchor=\"middle\" class=\"app-chart__empty\">No data loaded</text></svg>");
            return new HtmlString(svg.ToString());
        }

        var max = measure.Kind == MeasureKind.Percentage ? Math.Max(10m, Math.Ceiling(values.Max() / 10m) * 10m) : NiceMax(values.Max());
        var min = Math.Min(0m, values.Min());
        double X(int i) => trend.Count == 1 ? Left + ((Width - Left - Right) / 2.0) : Left + (i * (Width - Left - Right) / (double)(trend.Count - 1));
        double Y(decimal v) => Top + ((double)(max - v) * (Height - Top - Bottom) / (double)(max - min == 0 ? 1 : max - min));

        for (var tick = 0; tick <= 4; tick++)
        {
            var v = min + ((max - min) * tick / 4);
            var y = Y(v);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" class=\"app-chart__grid\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\" class=\"app-chart__label\">{E(Format(measure.Kind, v))}</text>");
        }

        for (var i = 0; i < trend.Count; i++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(i):0.#}\" y=\"{Height - 14}\" text-anchor=\"middle\" class=\"app-chart__label\">{trend[i].Year}{(trend[i].ToDate ? "*" : "")}</text>");
        }

        foreach (var (_, figureOf, colour, dash, label) in lines)
        {
            var line = new List<string>();
            for (var i = 0; i < trend.Count; i++)
            {
                var f = figureOf(trend[i]);
                if (!f.IsShown)
                {
                    DrawLine(svg, line, colour, dash);
                    line.Clear();
                    continue;
                }

                line.Add(string.Create(CultureInfo.InvariantCulture, $"{X(i):0.#},{Y(f.Value!.Value):0.#}"));
                svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{X(i):0.#}\" cy=\"{Y(f.Value!.Value):0.#}\" r=\"4\" fill=\"{colour}\" class=\"app-chart__point--{label}\"/>");
            }

            DrawLine(svg, line, colour, dash);
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    /// <summary>A horizontal bar for each group of a breakdown, with England's figure for the same group marked where published.</summary>
    public static IHtmlContent Bars(string id, MeasureDefinition measure, IReadOnlyList<BreakdownFigure> groups, IReadOnlyList<BreakdownFigure> england, string laName)
    {
        var rowHeight = 28;
        var height = Top + (groups.Count * rowHeight) + 8;
        var shown = groups.Where(g => g.Figure.IsShown).Select(g => g.Figure.Value!.Value).Concat(england.Where(g => g.Figure.IsShown).Select(g => g.Figure.Value!.Value)).ToList();
        var max = shown.Count == 0 ? 1m : measure.Kind == MeasureKind.Percentage ? 100m : NiceMax(shown.Max());
        const int labelWidth = 170;
        double W(decimal v) => (double)(v / (max == 0 ? 1 : max)) * (Width - labelWidth - 70);
        var svg = new StringBuilder();
        var description = string.Join("; ", groups.Select(g => $"{g.Group}: {Shown(measure.Kind, g.Figure)}"));
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"app-chart\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" focusable=\"false\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{E(measure.Title)} by group, {E(laName)}</title><desc id=\"{id}-desc\">{E(description)}</desc>");
        for (var i = 0; i < groups.Count; i++)
        {
            var y = Top + (i * rowHeight);
            var g = groups[i];
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth - 8}\" y=\"{y + 16}\" text-anchor=\"end\" class=\"app-chart__label\">{E(Trim(g.Group))}</text>");
            if (g.Figure.IsShown)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{labelWidth}\" y=\"{y + 4}\" width=\"{Math.Max(1, W(g.Figure.Value!.Value)):0.#}\" height=\"16\" fill=\"#1d70b8\"/>");
            }

            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth + (g.Figure.IsShown ? W(g.Figure.Value!.Value) : 0) + 6:0.#}\" y=\"{y + 16}\" class=\"app-chart__label\">{E(Shown(measure.Kind, g.Figure))}</text>");
            if (england.FirstOrDefault(e => e.Group == g.Group) is { Figure.IsShown: true } e)
            {
                var x = labelWidth + W(e.Figure.Value!.Value);
                svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x:0.#}\" x2=\"{x:0.#}\" y1=\"{y}\" y2=\"{y + 24}\" stroke=\"#0b0c0c\" stroke-width=\"3\" stroke-dasharray=\"2 2\"/>");
            }
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    /// <summary>A figure as a table cell shows it: "45.9%", "1,234", "£2.1m", "c" when withheld, "no data" when none.</summary>
    public static string Shown(MeasureKind kind, Figure figure) =>
        figure.Suppressed is { } code ? code : figure.Value is { } v ? Format(kind, v) : "no data";

    public static string Format(MeasureKind kind, decimal value) => kind switch
    {
        MeasureKind.Percentage => value.ToString("0.#", CultureInfo.InvariantCulture) + "%",
        MeasureKind.PerTenThousand or MeasureKind.PerThousand => value.ToString("0.#", CultureInfo.InvariantCulture),
        MeasureKind.AverageWeeks => value.ToString("0.#", CultureInfo.InvariantCulture) + (value == 1 ? " week" : " weeks"),
        MeasureKind.Money => Math.Abs(value) >= 1_000_000 ? $"{(value < 0 ? "-" : "")}£{Math.Abs(value) / 1_000_000:0.#}m" : value.ToString("£#,0", CultureInfo.InvariantCulture),
        _ => value.ToString("#,0", CultureInfo.InvariantCulture),
    };

    private static string Names(IReadOnlyList<Line> lines) =>
        lines.Count == 1 ? lines[0].Name : $"{string.Join(", ", lines.SkipLast(1).Select(l => l.Name))} and {lines[^1].Name}";

    private static string Describe(MeasureDefinition measure, IReadOnlyList<MeasureYear> trend, IReadOnlyList<Line> lines)
    {
        var parts = new List<string>();
        foreach (var l in lines)
        {
            var shown = trend.Select(t => (t.Year, Figure: l.Figure(t))).Where(x => x.Figure.IsShown).ToList();
            if (shown.Count > 0)
            {
                parts.Add($"{l.Name}: {string.Join(", ", shown.Select(x => $"{x.Year} {Format(measure.Kind, x.Figure.Value!.Value)}"))}");
            }
        }

        return parts.Count == 0 ? "No data loaded." : string.Join(". ", parts) + ".";
    }

    private static void DrawLine(StringBuilder svg, List<string> line, string colour, string dash)
    {
        if (line.Count > 1)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<polyline points=\"{string.Join(' ', line)}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"3\"{(dash.Length > 0 ? $" stroke-dasharray=\"{dash}\"" : "")}/>");
        }
    }

    private static decimal NiceMax(decimal value)
    {
        if (value <= 0)
        {
            return 1;
        }

        var magnitude = (decimal)Math.Pow(10, Math.Floor(Math.Log10((double)value)));
        return Math.Ceiling(value / magnitude) * magnitude;
    }

    private static string Trim(string text) => text.Length > 26 ? text[..25] + "…" : text;

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
