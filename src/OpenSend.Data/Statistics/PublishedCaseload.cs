using System.IO.Compression;
using OpenSend.Domain.Plans;
using OpenSend.Domain.Reviews;

namespace OpenSend.Data.Statistics;

/// <summary>
/// One LA's (or England's) plans in force at the latest January census, as the DfE's release
/// publishes them (caseload.csv and sen_needs_all_plans.csv for January 2025; ceased_plans.csv and
/// annual_reviews.csv for calendar year 2024): how many, where the children are placed, their
/// primary needs and sex, how many plans ceased and why, and what the year's reviews decided. It
/// calibrates the generated plans in force; null is a suppressed or missing cell.
/// </summary>
public sealed record PublishedCaseload(
    string? LaCode,
    int Plans,
    IReadOnlyDictionary<CaseloadPlacement, int> Placements,
    IReadOnlyDictionary<Sen2NeedType, int> PrimaryNeeds,
    int? Male,
    int? Female,
    IReadOnlyDictionary<string, int> Ethnicities,
    IReadOnlyDictionary<int, int> Ages,
    int? Ceased,
    IReadOnlyDictionary<CeaseReason, int> CeaseReasons,
    int? ReviewsMaintained,
    int? ReviewsAmended,
    int? ReviewsCeased,
    int? ReviewDecisionsWithin4Weeks,
    int? ReviewDecisionsOver4Weeks)
{
    /// <summary>The share of plans ceasing in a year (the calendar year's ceased plans over the census's plans).</summary>
    public double? CeaseRate => Ceased is { } ceased && Plans > 0 ? ceased / (double)Plans : null;

    /// <summary>The share of plans for young people aged 16 or over.</summary>
    public double? SixteenPlusShare => Ages.Values.Sum() is > 0 and var all ? Ages.Where(a => a.Key >= 16).Sum(a => a.Value) / (double)all : null;

    /// <summary>The share of review decisions made within 4 weeks of the meeting (reg 20(10)).</summary>
    public double? ReviewDecisionWithin4WeeksRate => ReviewDecisionsWithin4Weeks is { } within && ReviewDecisionsOver4Weeks is { } over && within + over > 0
        ? within / (double)(within + over)
        : null;

    private static readonly (string Column, Sen2NeedType Need)[] NeedColumns =
    [
        ("number_asd", Sen2NeedType.ASD), ("number_hi", Sen2NeedType.HI), ("number_mld", Sen2NeedType.MLD), ("number_msi", Sen2NeedType.MSI),
        ("number_oth", Sen2NeedType.OTH), ("number_pd", Sen2NeedType.PD), ("number_pmld", Sen2NeedType.PMLD), ("number_semh", Sen2NeedType.SEMH),
        ("number_slcn", Sen2NeedType.SLCN), ("number_sld", Sen2NeedType.SLD), ("number_spld", Sen2NeedType.SPLD), ("number_vi", Sen2NeedType.VI),
    ];

    private static readonly (string Column, CeaseReason Reason)[] CeaseColumns =
    [
        ("max_age", CeaseReason.ReachedMaximumAge), ("needs_met", CeaseReason.NeedsMetWithoutPlan), ("he", CeaseReason.MovedToHigherEducation),
        ("employ", CeaseReason.PaidEmployment), ("transfer", CeaseReason.TransferredToAnotherLa), ("no_engage", CeaseReason.NoLongerWishesToEngage),
        ("moved_outside_eng", CeaseReason.MovedOutsideEngland), ("deceased", CeaseReason.Died), ("other", CeaseReason.Other),
    ];

    /// <summary>The SEN2 code of a published ethnicity ("White - Irish" is WIRI; "Unclassified" is not yet obtained).</summary>
    private static string? EthnicityCode(string published) => published switch
    {
        "White - Irish" => "WIRI",
        "Unclassified" => "NOBT",
        _ => Domain.Returns.Ethnicities.All.Where(e => e.Name == published).Select(e => e.Code).FirstOrDefault(),
    };

    internal static IReadOnlyList<PublishedCaseload> Read(ZipArchive zip)
    {
        static string? AreaOf(IReadOnlyDictionary<string, string> row) => row["geographic_level"] switch
        {
            "National" => string.Empty,
            "Local authority" => row["old_la_code"],
            _ => null,
        };

        // Each file's latest period only: the census the generated plans in force are calibrated to.
        static List<IReadOnlyDictionary<string, string>> Latest(ZipArchive zip, string file)
        {
            var rows = PublishedStatistics.ReadAll(zip, file).Where(r => AreaOf(r) is not null).ToList();
            var latest = rows.Max(r => r["time_period"]);
            return rows.Where(r => r["time_period"] == latest).ToList();
        }

        var caseload = Latest(zip, "caseload.csv");
        var needs = Latest(zip, "sen_needs_all_plans.csv").Where(r => r["breakdown_topic"] == "All EHC plans").ToDictionary(r => AreaOf(r)!);
        var ceased = Latest(zip, "ceased_plans.csv").Where(r => r["breakdown_topic"] == "All ceased EHC plans").ToDictionary(r => AreaOf(r)!);
        var reviews = Latest(zip, "annual_reviews.csv").Where(r => r["breakdown_topic"] == "All annual reviews").ToDictionary(r => AreaOf(r)!);
        var sex = caseload.Where(r => r["breakdown_topic"] == "Sex").ToLookup(r => AreaOf(r)!);
        var ethnicity = caseload.Where(r => r["breakdown_topic"] == "Ethnicity").ToLookup(r => AreaOf(r)!);
        var ages = caseload.Where(r => r["breakdown_topic"] == "Child or young persons age").ToLookup(r => AreaOf(r)!);

        var result = new List<PublishedCaseload>();
        foreach (var row in caseload.Where(r => r["breakdown_topic"] == "All EHC plans"))
        {
            var area = AreaOf(row)!;
            if (PublishedStatistics.Number(row, "ehcplans") is not { } plans)
            {
                continue;
            }

            int N(IReadOnlyDictionary<string, string>? r, string column) => PublishedStatistics.Number(r, column) ?? 0;
            var placements = new Dictionary<CaseloadPlacement, int>
            {
                [CaseloadPlacement.Mainstream] = N(row, "mainstream_total"),
                [CaseloadPlacement.Special] = N(row, "special_total"),
                [CaseloadPlacement.AlternativeProvision] = N(row, "ap_pru_total"),
                [CaseloadPlacement.PostSixteen] = N(row, "fe_total"),
            };
            placements[CaseloadPlacement.Other] = Math.Max(0, plans - placements.Values.Sum());
            var need = needs.GetValueOrDefault(area);
            var cease = ceased.GetValueOrDefault(area);
            var review = reviews.GetValueOrDefault(area);
            result.Add(new PublishedCaseload(
                area.Length == 0 ? null : area,
                plans,
                placements,
                NeedColumns.ToDictionary(c => c.Need, c => N(need, c.Column)),
                PublishedStatistics.Number(sex[area].FirstOrDefault(r => r["breakdown"] == "Male"), "ehcplans"),
                PublishedStatistics.Number(sex[area].FirstOrDefault(r => r["breakdown"] == "Female"), "ehcplans"),
                ethnicity[area].Select(r => (Code: EthnicityCode(r["breakdown"]), Plans: N(r, "ehcplans"))).Where(e => e.Code is not null)
                    .GroupBy(e => e.Code!).ToDictionary(g => g.Key, g => g.Sum(e => e.Plans)),
                ages[area].Select(r => (Age: r["breakdown"] == "under 3" ? 2 : int.TryParse(r["breakdown"].Replace("age ", "", StringComparison.Ordinal), out var age) ? age : -1, Plans: N(r, "ehcplans")))
                    .Where(a => a.Age >= 0).OrderBy(a => a.Age).ToDictionary(a => a.Age, a => a.Plans),
                PublishedStatistics.Number(cease, "total_ceased"),
                CeaseColumns.ToDictionary(c => c.Reason, c => N(cease, c.Column)),
                PublishedStatistics.Number(review, "outcome_maintan"),
                PublishedStatistics.Number(review, "outcome_amend"),
                PublishedStatistics.Number(review, "outcome_cease"),
                PublishedStatistics.Number(review, "number_decsion_4weeks"),
                PublishedStatistics.Number(review, "number_decision_gt_4weeks")));
        }

        return result;
    }
}

/// <summary>The DfE's groups of where children with plans are placed (caseload.csv's totals).</summary>
public enum CaseloadPlacement
{
    Mainstream,
    Special,
    AlternativeProvision,
    PostSixteen,
    Other,
}
