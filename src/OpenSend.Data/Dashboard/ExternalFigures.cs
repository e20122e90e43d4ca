using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenSend.Data.Database;
using OpenSend.Domain.Common;
using OpenSend.Domain.Dashboard;

namespace OpenSend.Data.Dashboard;

/// <summary>
/// A figure for a measure whose source is outside OpenSEND and the SEN2 release (attainment,
/// absence, exclusions, destinations, health waiting times, high-needs spend and balance, population
/// for rates), loaded from CSV (docs/dashboard-data.md). Aggregates only: no child's data.
/// </summary>
public sealed class ExternalFigure
{
    private ExternalFigure()
    {
        MeasureId = AreaCode = Source = string.Empty;
    }

    public ExternalFigure(string measureId, string areaCode, int year, decimal? numerator, decimal? denominator, decimal? value, string? suppressed, string source, DateTimeOffset loadedAt)
    {
        Id = RecordId.New();
        MeasureId = measureId;
        AreaCode = areaCode;
        Year = year;
        Numerator = numerator;
        Denominator = denominator;
        Value = value;
        Suppressed = suppressed;
        Source = source;
        LoadedAt = loadedAt;
    }

    public Guid Id { get; private set; }

    public string MeasureId { get; private set; }

    /// <summary>An LA's 3-digit code, a region's code (E12…), or England's (E92000001).</summary>
    public string AreaCode { get; private set; }

    public int Year { get; private set; }

    public decimal? Numerator { get; private set; }

    public decimal? Denominator { get; private set; }

    public decimal? Value { get; private set; }

    public string? Suppressed { get; private set; }

    public string Source { get; private set; }

    public DateTimeOffset LoadedAt { get; private set; }

    public void Replace(ExternalFigure later)
    {
        (Numerator, Denominator, Value, Suppressed, Source, LoadedAt) = (later.Numerator, later.Denominator, later.Value, later.Suppressed, later.Source, later.LoadedAt);
    }
}

internal sealed class ExternalFigureConfiguration : IEntityTypeConfiguration<ExternalFigure>
{
    public void Configure(EntityTypeBuilder<ExternalFigure> builder)
    {
        builder.ToTable("external_figures");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.MeasureId).HasMaxLength(60);
        builder.Property(f => f.AreaCode).HasMaxLength(12);
        builder.Property(f => f.Suppressed).HasMaxLength(10);
        builder.Property(f => f.Source).HasMaxLength(300);
        builder.HasIndex(f => new { f.MeasureId, f.AreaCode, f.Year }).IsUnique();
    }
}

/// <summary>A line of an external figures file that could not be loaded, and why.</summary>
public sealed record ExternalRejection(int Line, string Reason);

public sealed record ExternalImportSummary(int Rows, int Loaded, int Replaced, IReadOnlyList<ExternalRejection> Rejected);

/// <summary>
/// Loads external figures from CSV: measure_id, area_code, year, numerator, denominator, value,
/// source (docs/dashboard-data.md). Each row is checked (a measure the dashboard defines as
/// external, a known area, a year, a number or a suppression code); a row for the same measure,
/// area and year replaces the earlier one. A file with a wrong header is refused whole.
/// </summary>
public sealed class ExternalFiguresImport(OpenSendDbContext db, TimeProvider time)
{
    public static readonly string[] Header = ["measure_id", "area_code", "year", "numerator", "denominator", "value", "source"];

    public async Task<ExternalImportSummary> RunAsync(string path, CancellationToken cancellationToken = default)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null, MissingFieldFound = null, TrimOptions = TrimOptions.Trim });
        if (!await csv.ReadAsync() || !csv.ReadHeader() || !Header.All(h => csv.HeaderRecord!.Contains(h)))
        {
            throw new InvalidDataException($"The file's first line must be the header {string.Join(",", Header)}. Nothing was loaded.");
        }

        var areas = (await db.LocalAuthorities.AsNoTracking().Select(l => new { l.Code, l.RegionCode }).ToListAsync(cancellationToken))
            .SelectMany(l => new[] { l.Code, l.RegionCode }).Append("E92000001").ToHashSet(StringComparer.Ordinal);
        var external = Measures.All.Where(m => m.External is not null).Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        var now = time.GetUtcNow();
        var rejected = new List<ExternalRejection>();
        var rows = new Dictionary<(string, string, int), ExternalFigure>();
        var line = 1;
        while (await csv.ReadAsync())
        {
            line++;
            var measure = csv.GetField("measure_id") ?? string.Empty;
            var area = csv.GetField("area_code") ?? string.Empty;
            if (!external.Contains(measure))
            {
                rejected.Add(new ExternalRejection(line, $"'{measure}' is not a measure loaded from outside: use one of {string.Join(", ", external.Order())}."));
                continue;
            }

            if (!areas.Contains(area))
            {
                rejected.Add(new ExternalRejection(line, $"'{area}' is not an LA code, region code or E92000001."));
                continue;
            }

            if (!int.TryParse(csv.GetField("year"), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 2000 or > 2100)
            {
                rejected.Add(new ExternalRejection(line, $"'{csv.GetField("year")}' is not a year."));
                continue;
            }

            var numerator = Statistics.PublishedValue.Parse(csv.GetField("numerator"));
            var denominator = Statistics.PublishedValue.Parse(csv.GetField("denominator"));
            var value = Statistics.PublishedValue.Parse(csv.GetField("value"));
            var suppressed = value.Suppressed ?? numerator.Suppressed;
            if (value.Number is null && suppressed is null && numerator.Number is null)
            {
                rejected.Add(new ExternalRejection(line, "Give a value (or a numerator and denominator), or a suppression code such as c."));
                continue;
            }

            rows[(measure, area, year)] = new ExternalFigure(measure, area, year, numerator.Number, denominator.Number, value.Number, suppressed, csv.GetField("source") ?? string.Empty, now);
        }

        var existing = (await db.ExternalFigures.ToListAsync(cancellationToken)).ToDictionary(f => (f.MeasureId, f.AreaCode, f.Year));
        var replaced = 0;
        foreach (var (key, figure) in rows)
        {
            if (existing.TryGetValue(key, out var current))
            {
                current.Replace(figure);
                replaced++;
            }
            else
            {
                db.ExternalFigures.Add(figure);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return new ExternalImportSummary(line - 1, rows.Count - replaced, replaced, rejected);
    }
}
