using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenSend.Domain.Common;

namespace OpenSend.Data.Statistics;

/// <summary>The published tables OpenSEND reads by name (the release's file names).</summary>
public static class PublishedTables
{
    public const string Requests = "requests";
    public const string Assessments = "assessments";
    public const string Timeliness = "timeliness_20_week";
    public const string AnnualReviews = "annual_reviews";
    public const string Caseload = "caseload";
    public const string NewPlans = "newplans";
    public const string Ceased = "ceased_plans";
    public const string NeedsAllPlans = "sen_needs_all_plans";
    public const string NeedsNewPlans = "sen_need_newplans";
    public const string PersonalBudgets = "personal_budgets";
    public const string Officers = "sen2_dmo_dco";
    public const string TribunalAppeals = "tribunal_appeals";
}

/// <summary>The geographic levels of the DfE's files.</summary>
public static class PublishedLevels
{
    public const string National = "National";
    public const string Regional = "Regional";
    public const string LocalAuthority = "Local authority";
}

/// <summary>One published figure: a number, or a suppressed cell with its code ("x", "c", "low"), never zero for a suppressed one.</summary>
public readonly record struct PublishedValue(decimal? Number, string? Suppressed)
{
    /// <summary>The DfE's symbols for a figure withheld or not available (its open data standards), and the appeal table's own.</summary>
    public static readonly IReadOnlySet<string> SuppressionCodes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "x", "c", "low", "z", "u", ":", "~", "..", "k" };

    public bool IsKnown => Number is not null;

    public static PublishedValue Parse(string? raw)
    {
        var text = raw?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return new PublishedValue(null, null);
        }

        if (SuppressionCodes.Contains(text))
        {
            return new PublishedValue(null, text);
        }

        return decimal.TryParse(text.Replace(",", string.Empty, StringComparison.Ordinal).TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? new PublishedValue(number, null)
            : new PublishedValue(null, null);
    }
}

/// <summary>
/// One row of one table of the DfE's "Education, health and care plans" release (Open Government
/// Licence v3.0), as published: its period, area and breakdown, and every figure by column name,
/// suppression kept. A later release replaces the rows it republishes.
/// </summary>
public sealed class PublishedRow
{
    private Dictionary<string, string>? _values;

    private PublishedRow()
    {
        Release = Table = TimeIdentifier = Level = AreaCode = AreaName = BreakdownTopic = Breakdown = ValuesJson = string.Empty;
    }

    public PublishedRow(string release, string table, int timePeriod, string timeIdentifier, string level, string areaCode, string areaName, string? regionCode,
        string breakdownTopic, string breakdown, IReadOnlyDictionary<string, string> values)
    {
        Id = RecordId.New();
        Release = release;
        Table = table;
        TimePeriod = timePeriod;
        TimeIdentifier = timeIdentifier;
        Level = level;
        AreaCode = areaCode;
        AreaName = areaName;
        RegionCode = regionCode;
        BreakdownTopic = breakdownTopic;
        Breakdown = breakdown;
        ValuesJson = JsonSerializer.Serialize(values);
    }

    public Guid Id { get; private set; }

    /// <summary>Which release it came from ("Education, health and care plans 2025").</summary>
    public string Release { get; private set; }

    public string Table { get; private set; }

    /// <summary>2024 for a calendar year; 202425 for the academic year 2024/25 (as published).</summary>
    public int TimePeriod { get; private set; }

    public string TimeIdentifier { get; private set; }

    public string Level { get; private set; }

    /// <summary>England's code (E92000001), a region's (E12000001), or an LA's 3-digit code.</summary>
    public string AreaCode { get; private set; }

    public string AreaName { get; private set; }

    public string? RegionCode { get; private set; }

    public string BreakdownTopic { get; private set; }

    public string Breakdown { get; private set; }

    public string ValuesJson { get; private set; }

    /// <summary>The calendar year a period ends in: 2024 for 2024 and for 2023/24 (whose census is January 2024).</summary>
    public int Year => TimePeriod > 9999 ? (TimePeriod / 100) + 1 : TimePeriod;

    public IReadOnlyDictionary<string, string> Values => _values ??= JsonSerializer.Deserialize<Dictionary<string, string>>(ValuesJson) ?? [];

    public PublishedValue Value(string column) => PublishedValue.Parse(Values.GetValueOrDefault(column));

    public string? Text(string column) => Values.GetValueOrDefault(column);

    /// <summary>Takes a later release's figures for the same cell; true when anything changed.</summary>
    public bool ReplaceWith(PublishedRow later)
    {
        if (ValuesJson == later.ValuesJson && AreaName == later.AreaName && Release == later.Release)
        {
            return false;
        }

        ValuesJson = later.ValuesJson;
        AreaName = later.AreaName;
        Release = later.Release;
        RegionCode = later.RegionCode;
        _values = null;
        return true;
    }
}

internal sealed class PublishedRowConfiguration : IEntityTypeConfiguration<PublishedRow>
{
    public void Configure(EntityTypeBuilder<PublishedRow> builder)
    {
        builder.ToTable("published_rows");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Release).HasMaxLength(100);
        builder.Property(r => r.Table).HasMaxLength(60);
        builder.Property(r => r.TimeIdentifier).HasMaxLength(40);
        builder.Property(r => r.Level).HasMaxLength(40);
        builder.Property(r => r.AreaCode).HasMaxLength(12);
        builder.Property(r => r.AreaName).HasMaxLength(100);
        builder.Property(r => r.RegionCode).HasMaxLength(12);
        builder.Property(r => r.BreakdownTopic).HasMaxLength(100);
        builder.Property(r => r.Breakdown).HasMaxLength(200);
        builder.Ignore(r => r.Values);
        builder.Ignore(r => r.Year);
        builder.HasIndex(r => new { r.Table, r.Level, r.AreaCode, r.BreakdownTopic, r.Breakdown, r.TimePeriod }).IsUnique();
        builder.HasIndex(r => new { r.Table, r.TimePeriod, r.BreakdownTopic });
    }
}
