using System.Globalization;
using System.IO.Compression;
using CsvHelper;
using CsvHelper.Configuration;

namespace OpenSend.Data.Statistics;

/// <summary>
/// One LA's (or England's) published figures for a calendar year, from the DfE's "Education, health
/// and care plans" statistics (Open Government Licence v3.0). Null is a suppressed cell ("x"), never zero.
/// </summary>
public sealed record PublishedYear(
    int Year,
    string? LaCode,
    string Name,
    int? RequestsReceived,
    int? RequestsDecidedToAssess,
    int? RequestsDecidedNotToAssess,
    int? RequestsDecisionNotMade,
    int? RequestsWithdrawn,
    int? RequestDecisionsWithinSixWeeks,
    int? RequestDecisionsOverSixWeeks,
    int? AssessmentsPlanIssued,
    int? AssessmentsPlanNotIssued,
    int? AssessmentsWithdrawn,
    int? PlansIssued,
    int? PlansIssuedExcludingExceptions,
    int? PlansWithin20Weeks,
    int? PlansOver20WeeksUnderAYear,
    int? PlansOverAYear)
{
    /// <summary>Share of requests the LA decided to assess, of those decided or withdrawn.</summary>
    public double? AssessRate => Rate(RequestsDecidedToAssess, (RequestsDecidedToAssess ?? 0) + (RequestsDecidedNotToAssess ?? 0) + (RequestsWithdrawn ?? 0));

    public double? WithdrawnRate => Rate(RequestsWithdrawn, (RequestsDecidedToAssess ?? 0) + (RequestsDecidedNotToAssess ?? 0) + (RequestsWithdrawn ?? 0));

    public double? SixWeekRate => Rate(RequestDecisionsWithinSixWeeks, (RequestDecisionsWithinSixWeeks ?? 0) + (RequestDecisionsOverSixWeeks ?? 0));

    /// <summary>Share of completed assessments that ended in a plan.</summary>
    public double? IssueRate => Rate(AssessmentsPlanIssued, (AssessmentsPlanIssued ?? 0) + (AssessmentsPlanNotIssued ?? 0) + (AssessmentsWithdrawn ?? 0));

    public double? AssessmentWithdrawnRate => Rate(AssessmentsWithdrawn, (AssessmentsPlanIssued ?? 0) + (AssessmentsPlanNotIssued ?? 0) + (AssessmentsWithdrawn ?? 0));

    /// <summary>The 20-week rate (SEN2 "week20"): plans issued within 20 weeks over all plans issued in the year.</summary>
    public double? Within20WeeksRate => Rate(PlansWithin20Weeks, PlansIssued ?? 0);

    public double? OverAYearRate => Rate(PlansOverAYear, PlansIssued ?? 0);

    /// <summary>Share of issued plans to which a recorded exception applied (the denominator with and without them differs by these).</summary>
    public double? ExceptionRate => PlansIssued is { } all && PlansIssuedExcludingExceptions is { } without && all > 0 ? (all - without) / (double)all : null;

    private static double? Rate(int? part, int whole) => part is { } p && whole > 0 ? p / (double)whole : null;
}

/// <summary>Reads the published release straight from its zip (nothing from it is committed).</summary>
public sealed class PublishedStatistics
{
    public const string DefaultRelativePath = "../shared/data/ehc-plans-statistics-2025.zip";

    private PublishedStatistics(IReadOnlyList<PublishedYear> years, IReadOnlyDictionary<int, IReadOnlyList<(int Age, int Requests)>> ages, IReadOnlyList<PublishedCaseload> caseloads)
    {
        Years = years;
        NationalAges = ages;
        Caseloads = caseloads;
    }

    /// <summary>Each LA's (and England's) plans in force at the latest census, with their placements, needs, ceasing and reviews.</summary>
    public IReadOnlyList<PublishedCaseload> Caseloads { get; }

    public PublishedCaseload? CaseloadOf(string? laCode) => Caseloads.SingleOrDefault(c => c.LaCode == laCode);

    public IReadOnlyList<PublishedYear> Years { get; }

    /// <summary>England's requests by the child's age in each year (for ages of generated children).</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<(int Age, int Requests)>> NationalAges { get; }

    public IEnumerable<int> YearsPublished => Years.Select(y => y.Year).Distinct().Order();

    public PublishedYear National(int year) => Years.Single(y => y.Year == year && y.LaCode is null);

    public PublishedYear? For(string laCode, int year) => Years.SingleOrDefault(y => y.Year == year && y.LaCode == laCode);

    /// <summary>Finds the release: an explicit path, or ../shared/data beside the current directory or its parents.</summary>
    public static string? Locate(string? path = null)
    {
        if (path is not null)
        {
            return File.Exists(path) ? Path.GetFullPath(path) : null;
        }

        for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, DefaultRelativePath);
            if (File.Exists(candidate))
            {
                return Path.GetFullPath(candidate);
            }
        }

        return null;
    }

    public static PublishedStatistics Load(string zipPath)
    {
        using var zip = ZipFile.OpenRead(zipPath);
        var requests = Rows(zip, "requests.csv", "All requests for EHC needs assessments");
        var assessments = Rows(zip, "assessments.csv", "All EHC needs assessments");
        var timeliness = Rows(zip, "timeliness_20_week.csv", "All EHC plans issued");
        var years = requests.Select(r =>
        {
            var key = Key(r);
            var a = assessments.FirstOrDefault(x => Key(x) == key);
            var t = timeliness.FirstOrDefault(x => Key(x) == key);
            return new PublishedYear(
                int.Parse(r["time_period"], CultureInfo.InvariantCulture),
                r["geographic_level"] == "Local authority" ? r["old_la_code"] : null,
                r["geographic_level"] == "National" ? "England" : r["la_name"],
                Number(r, "requests_received_in_year"),
                Number(r, "requests_decided_to_assess"),
                Number(r, "requests_decided_not_to_assess"),
                Number(r, "requests_decision_not_made"),
                Number(r, "requests_withdrawn"),
                Number(r, "request_outcome_six_weeks"),
                Number(r, "request_outcome_over_6_weeks"),
                Number(a, "assess_issued"),
                Number(a, "assess_not_issued"),
                Number(a, "assess_withdrawn"),
                Number(t, "plans_issued_den"),
                Number(t, "plans_issued_den_ex"),
                Number(t, "plans_issued_within_20_weeks"),
                Number(t, "plans_issued_gt20weeks_ltYear"),
                Number(t, "plans_issued_gt_1_year"));
        })
        .Where(y => y.LaCode is not null || y.Name == "England")
        .ToList();

        var ages = ReadAll(zip, "requests.csv")
            .Where(r => r["geographic_level"] == "National" && r["breakdown_topic"] == "Child or young persons age")
            .Select(r => (Year: int.Parse(r["time_period"], CultureInfo.InvariantCulture), Age: AgeOf(r["breakdown"]), Requests: Number(r, "requests_received_in_year") ?? 0))
            .Where(x => x.Age is not null)
            .GroupBy(x => x.Year)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<(int, int)>)g.Select(x => (x.Age!.Value, x.Requests)).OrderBy(x => x.Item1).ToList());
        return new PublishedStatistics(years, ages, PublishedCaseload.Read(zip));
    }

    private static string Key(IReadOnlyDictionary<string, string> row) =>
        $"{row["time_period"]}|{row["geographic_level"]}|{row["old_la_code"]}";

    private static List<IReadOnlyDictionary<string, string>> Rows(ZipArchive zip, string file, string breakdown) =>
        ReadAll(zip, file)
            .Where(r => r["breakdown"] == breakdown && r["geographic_level"] is "National" or "Local authority")
            .ToList();

    internal static IEnumerable<IReadOnlyDictionary<string, string>> ReadAll(ZipArchive zip, string file)
    {
        var entry = zip.Entries.SingleOrDefault(e => e.FullName.EndsWith($"data/{file}", StringComparison.Ordinal))
            ?? throw new InvalidDataException($"The release has no data/{file}.");
        using var reader = new StreamReader(entry.Open());
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord!.Select(h => h.Trim('\uFEFF')).ToArray();
        while (csv.Read())
        {
            var row = new Dictionary<string, string>(header.Length);
            for (var i = 0; i < header.Length; i++)
            {
                row[header[i]] = csv.GetField(i) ?? string.Empty;
            }

            yield return row;
        }
    }

    internal static int? Number(IReadOnlyDictionary<string, string>? row, string column) =>
        row is not null && row.TryGetValue(column, out var text) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static int? AgeOf(string breakdown) => breakdown switch
    {
        "Aged 2 and under" => 2,
        "Aged 20 and over" => 20,
        _ when breakdown.StartsWith("Aged ", StringComparison.Ordinal) && int.TryParse(breakdown[5..], out var age) => age,
        _ => null,
    };
}
