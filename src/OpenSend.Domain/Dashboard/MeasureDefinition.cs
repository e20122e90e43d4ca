using OpenSend.Domain.Assessments;
using OpenSend.Domain.Plans;
using OpenSend.Domain.Returns;

namespace OpenSend.Domain.Dashboard;

/// <summary>The dashboard's groups (green paper ch.5; ../shared/spec/dashboard.md).</summary>
public enum MeasureGroup
{
    Experiences,
    IdentificationOfNeed,
    Outcomes,
    ValueForMoney,
    AlternativeProvision,
}

public enum MeasureKind
{
    /// <summary>A percentage: numerator over denominator.</summary>
    Percentage,

    /// <summary>A number of children, requests or plans.</summary>
    Count,

    /// <summary>Per 10,000 of the population the denominator counts.</summary>
    PerTenThousand,

    /// <summary>Pounds.</summary>
    Money,

    /// <summary>Per 1,000 of what the denominator counts (complaints per 1,000 plans).</summary>
    PerThousand,

    /// <summary>
    /// Weeks on average: the numerator is the units' days summed, the denominator the units, so an
    /// area's figure is every child's time counted together, never an average of its LAs' averages.
    /// </summary>
    AverageWeeks,
}

/// <summary>The equality breakdowns every count can be shown by (dashboard.md "Equality").</summary>
public enum Breakdown
{
    None,
    Sex,
    Ethnicity,
    AgeBand,
    PrimaryNeed,
    PlacementType,
}

/// <summary>Where a child's plan places them, for the placement breakdown (SEN2 plan detail, the register's type).</summary>
/// <summary>
/// Where a child with a plan is placed, grouped as the DfE's "type of placement" totals are
/// (Mainstream includes independent mainstream schools; Special includes non-maintained and
/// independent special schools), so live and published figures count the same settings.
/// </summary>
public enum PlacementType
{
    Mainstream,
    Special,
    AlternativeProvision,
    PostSixteen,
    Other,
    None,
}

/// <summary>
/// One child's request, plan, review or appeal counted by a measure: in its denominator, and perhaps
/// its numerator. Most measures count a subset of their denominator; a rate of two different things
/// (appeals registered over appealable decisions, complaints over plans) counts units in only one
/// of them. Days are what an <see cref="MeasureKind.AverageWeeks"/> measure adds to its numerator.
/// </summary>
public sealed record CountedUnit(Sen2Person Person, Sen2Plan? Plan, bool InNumerator, bool InDenominator = true, int Days = 1);

/// <summary>
/// What live measures are counted from: the LA's SEN2 return for the census that closes the year
/// (so the dashboard and the return always agree), where each named setting places the child, and
/// the progress ratings of the year's review reports, and what families and settings said in the
/// year of the provision in plans in force.
/// </summary>
public sealed record LiveData(Sen2Return Return, Func<Sen2Setting, PlacementType> PlacementOf, IReadOnlyList<ProgressRating> Progress,
    IReadOnlyList<ProvisionReported>? Delivery = null, RedressRecords? Redress = null)
{
    public IReadOnlyList<ProvisionReported> ProvisionReportedOn => Delivery ?? [];

    public RedressRecords Disagreements => Redress ?? RedressRecords.None;

    public DateOnly Census => Return.Header.ReferenceDate;

    public int Year => Return.ReportingYear;

    public DateOnly YearStart => new(Year, 1, 1);

    public DateOnly YearEnd => new(Year, 12, 31);

    public bool InYear(DateOnly? date) => date is { } d && d >= YearStart && d <= YearEnd;
}

/// <summary>
/// One piece of provision reported on in the year, with the child it is for: undelivered when, at the
/// end of the year, the latest word of the family or of a setting said it was partly or not delivered.
/// </summary>
public sealed record ProvisionReported(Sen2Person Person, bool Undelivered);

/// <summary>One outcome's progress at a review held in the year, with the child it belongs to.</summary>
public sealed record ProgressRating(Sen2Person Person, Reviews.OutcomeProgress Progress);

/// <summary>
/// A published figure for the measure in the DfE's release: its table, the numerator column, the
/// denominator column(s) (summed), or the published rate, and the breakdown topics by which it is
/// published (the "All ..." rows otherwise).
/// </summary>
/// <summary>
/// Where a measure is in the DfE's release: its table, numerator and denominator columns, and the
/// published rate if there is one. Breakdowns are the release's own topics (sex, ethnicity, age,
/// type of placement), wherever the table publishes them.
/// </summary>
public sealed record PublishedSource(string Table, string Numerator, IReadOnlyList<string>? Denominator = null, string? Rate = null)
{
    public static readonly IReadOnlyDictionary<Breakdown, string> Topics = new Dictionary<Breakdown, string>
    {
        [Breakdown.Sex] = "Sex",
        [Breakdown.Ethnicity] = "Ethnicity",
        [Breakdown.AgeBand] = "Child or young persons age",
        [Breakdown.PlacementType] = "Type of placement",
    };
}

/// <summary>A figure from outside OpenSEND and the SEN2 release, loaded as CSV (docs/dashboard-data.md).</summary>
public sealed record ExternalSource(string Publisher, string Description);

/// <summary>
/// One dashboard measure, defined once: what it counts (numerator, denominator, filters, period),
/// where the definition comes from, and how it is found: live from the LA's own records, from the
/// DfE's published statistics, and/or from an external CSV. HigherIsBetter is null where neither
/// is (how many plans an area has describes its needs; it is not a score). A measure with none of these loaded
/// says "no data loaded" and names the source it needs, never a made-up number.
/// </summary>
public sealed record MeasureDefinition(
    string Id,
    string Title,
    MeasureGroup Group,
    MeasureKind Kind,
    string Numerator,
    string? Denominator,
    string Period,
    string Basis,
    bool? HigherIsBetter,
    Func<LiveData, IEnumerable<CountedUnit>>? Live = null,
    PublishedSource? Published = null,
    ExternalSource? External = null,
    string? GreenPaperExample = null)
{
    public bool IsRate => Kind is MeasureKind.Percentage or MeasureKind.PerTenThousand or MeasureKind.PerThousand or MeasureKind.AverageWeeks;

    /// <summary>
    /// Whether an LA's figure can be set beside its region's and England's on one scale: rates and
    /// amounts per something can; totals cannot (England's plans are 30 times an LA's).
    /// </summary>
    public bool ComparableAcrossAreas => IsRate || Denominator is not null;
}

/// <summary>How a child falls into each breakdown.</summary>
public static class Breakdowns
{
    public static readonly IReadOnlyList<string> AgeBands = ["Under 5", "5 to 10", "11 to 15", "16 to 19", "20 to 25"];

    public static string Title(this Breakdown breakdown) => breakdown switch
    {
        Breakdown.Sex => "Sex",
        Breakdown.Ethnicity => "Ethnicity",
        Breakdown.AgeBand => "Age",
        Breakdown.PrimaryNeed => "Primary need",
        Breakdown.PlacementType => "Placement",
        _ => "All",
    };

    public static string GroupOf(Breakdown breakdown, CountedUnit unit, LiveData data) => breakdown switch
    {
        Breakdown.Sex => unit.Person.Sex switch { Sex.Male => "Male", Sex.Female => "Female", _ => NotKnown },
        Breakdown.Ethnicity => Ethnicities.GroupOf(unit.Person.Ethnicity) is var group && group == "Unknown" ? NotKnown : group,
        Breakdown.AgeBand => AgeBand(CompulsorySchoolAge.AgeOn(unit.Person.DateOfBirth, data.Census)),
        Breakdown.PrimaryNeed => PrimaryNeed(unit)?.ToString() ?? NotKnown,
        Breakdown.PlacementType => PlacementName(Placement(unit, data)),
        _ => "All",
    };

    /// <summary>The group for a child whose sex, ethnicity, age, need or placement is not recorded.</summary>
    public const string NotKnown = "Not known";

    public static string PlacementName(PlacementType placement) => placement switch
    {
        PlacementType.Mainstream => "Mainstream",
        PlacementType.Special => "Special",
        PlacementType.AlternativeProvision => "Alternative provision",
        PlacementType.PostSixteen => "Further education",
        PlacementType.Other => "Educated elsewhere",
        _ => "No setting named",
    };

    /// <summary>
    /// The same group for a published row's breakdown, so a live LA's groups line up with England's:
    /// single years of age into bands, detailed ethnicities into their broad group, placement totals
    /// by type. Null for a row that is part of another (a placement subtotal's parts).
    /// </summary>
    public static string? PublishedGroup(Breakdown breakdown, string published)
    {
        var text = published.Trim();
        switch (breakdown)
        {
            case Breakdown.Sex:
                return text is "Male" or "Female" ? text : NotKnown;
            case Breakdown.Ethnicity:
                return text.Split(" - ")[0] switch
                {
                    var g when g is "White" or "Mixed" or "Asian" or "Black" => g,
                    "Any other ethnic group" => "Other",
                    _ => NotKnown,
                };
            case Breakdown.AgeBand:
                var lower = text.ToLowerInvariant();
                if (lower.Contains("and under", StringComparison.Ordinal) || lower.StartsWith("under", StringComparison.Ordinal))
                {
                    return AgeBands[0];
                }

                var digits = new string(lower.SkipWhile(c => !char.IsAsciiDigit(c)).TakeWhile(char.IsAsciiDigit).ToArray());
                return int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var age) ? AgeBand(age) : NotKnown;
            case Breakdown.PlacementType:
                return text switch
                {
                    "Mainstream - total" => PlacementName(PlacementType.Mainstream),
                    "Special - total" => PlacementName(PlacementType.Special),
                    "AP/PRU - total" => PlacementName(PlacementType.AlternativeProvision),
                    "FE - total" => PlacementName(PlacementType.PostSixteen),
                    "Educated elsewhere - total" or "Non-maintained early years" => PlacementName(PlacementType.Other),
                    "Placement not recorded" => PlacementName(PlacementType.None),
                    _ => null,
                };
            default:
                return text;
        }
    }

    /// <summary>Groups in a reader's order: age bands youngest first, others alphabetically, "not known" last.</summary>
    public static IReadOnlyList<BreakdownFigure> Ordered(Breakdown breakdown, IEnumerable<BreakdownFigure> groups) =>
        groups.OrderBy(g => g.Group is NotKnown or "No setting named" ? 1 : 0)
            .ThenBy(g => breakdown == Breakdown.AgeBand ? AgeBands.ToList().IndexOf(g.Group) : 0)
            .ThenBy(g => g.Group, StringComparer.Ordinal)
            .ToList();

    public static string AgeBand(int age) => age switch
    {
        < 5 => AgeBands[0],
        < 11 => AgeBands[1],
        < 16 => AgeBands[2],
        < 20 => AgeBands[3],
        _ => AgeBands[4],
    };

    /// <summary>The plan's need ranked 1, or the child's latest plan's.</summary>
    public static Sen2NeedType? PrimaryNeed(CountedUnit unit) =>
        (unit.Plan ?? unit.Person.Requests.Select(r => r.Assessment?.Plan).LastOrDefault(p => p is not null))?.Needs.FirstOrDefault(n => n.Rank == 1)?.Type;

    public static PlacementType Placement(CountedUnit unit, LiveData data) =>
        (unit.Plan ?? unit.Person.Requests.Select(r => r.Assessment?.Plan).LastOrDefault(p => p is not null)) is { } plan && plan.PlanSettings.FirstOrDefault() is { } setting
            ? data.PlacementOf(setting)
            : PlacementType.None;
}
