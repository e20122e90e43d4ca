using OpenSend.Domain.Dashboard;

namespace OpenSend.Web.Pages.Dashboard;

/// <summary>The dashboard's words for people.</summary>
public static class DashboardText
{
    public static string Title(this MeasureGroup group) => group switch
    {
        MeasureGroup.Experiences => "Experiences: timeliness and redress",
        MeasureGroup.IdentificationOfNeed => "Identification of need",
        MeasureGroup.Outcomes => "Outcomes",
        MeasureGroup.ValueForMoney => "Value for money",
        _ => "Alternative provision",
    };

    public static string Title(this FigureSource source) => source switch
    {
        FigureSource.Live => "Live",
        FigureSource.Published => "Published",
        FigureSource.External => "Loaded",
        _ => "No data",
    };

    public static string Tag(this FigureSource source) => source switch
    {
        FigureSource.Live => "govuk-tag--green",
        FigureSource.Published => "govuk-tag--blue",
        FigureSource.External => "govuk-tag--purple",
        _ => "govuk-tag--grey",
    };

    public const string NeighboursName = "Statistical neighbours (average)";

    public static readonly IReadOnlyList<Breakdown> Equality = [Breakdown.Sex, Breakdown.Ethnicity, Breakdown.AgeBand, Breakdown.PrimaryNeed, Breakdown.PlacementType];

    public static string Key(this Breakdown breakdown) => breakdown.ToString().ToLowerInvariant();

    public static Breakdown? ParseBreakdown(string? key) => Enum.GetValues<Breakdown>().Cast<Breakdown?>().FirstOrDefault(b => b!.Value.Key() == key);
}
