using System.Globalization;
using System.IO.Compression;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using OpenSend.Data.Database;

namespace OpenSend.Data.Statistics;

/// <summary>What one table of the release brought.</summary>
public sealed record TableLoaded(string Table, int Rows, int Inserted, int Updated, int Unchanged, int FirstYear, int LastYear, int Suppressed);

public sealed record StatisticsImportSummary(string Release, IReadOnlyList<TableLoaded> Tables)
{
    public int Rows => Tables.Sum(t => t.Rows);

    public string Line => string.Create(CultureInfo.InvariantCulture,
        $"{Release}: {Tables.Count} tables, {Rows:N0} rows ({Tables.Sum(t => t.Inserted):N0} new, {Tables.Sum(t => t.Updated):N0} updated, {Tables.Sum(t => t.Unchanged):N0} unchanged), {Tables.Sum(t => t.Suppressed):N0} suppressed cells kept as suppressed");
}

public sealed record StatisticsImportProgress(string Table, int TablesDone, int TablesTotal);

/// <summary>
/// Loads the DfE's "Education, health and care plans" release from its zip
/// (../shared/data/ehc-plans-statistics-2025.zip): every data file's national, regional and LA
/// rows as published, suppressed cells kept as suppressed, the named DMO/DCO file, and the SEND
/// Tribunal appeal-rate table. A row is identified by its table, period, area and breakdown, so a
/// later release replaces what it republishes and re-importing the same release changes nothing.
/// </summary>
public sealed class StatisticsImport(OpenSendDbContext db)
{
    private static readonly string[] AreaColumns =
        ["time_period", "time_identifier", "geographic_level", "country_code", "country_name", "region_code", "region_name", "new_la_code", "old_la_code", "la_name"];

    public async Task<StatisticsImportSummary> RunAsync(string zipPath, IProgress<StatisticsImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        using var zip = ZipFile.OpenRead(zipPath);
        var release = ReleaseName(zipPath);
        var entries = zip.Entries.Where(e => e.FullName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && !e.FullName.StartsWith("data-guidance", StringComparison.Ordinal)).OrderBy(e => e.FullName).ToList();
        if (!entries.Any(e => e.FullName.StartsWith("data/", StringComparison.Ordinal)))
        {
            throw new InvalidDataException($"{Path.GetFileName(zipPath)} is not the DfE's Education, health and care plans release: it has no data/ folder of CSV files. Nothing was imported.");
        }

        var loaded = new List<TableLoaded>();
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var rows = entry.Name.StartsWith("SEND Tribunals", StringComparison.OrdinalIgnoreCase)
                ? ReadAppealRates(entry, release)
                : ReadStandard(entry, release);
            if (rows.Count > 0)
            {
                loaded.Add(await SaveAsync(rows, cancellationToken));
            }

            progress?.Report(new StatisticsImportProgress(entry.Name, i + 1, entries.Count));
        }

        return new StatisticsImportSummary(release, loaded);
    }

    /// <summary>"ehc-plans-statistics-2025.zip" is the 2025 release.</summary>
    private static string ReleaseName(string path)
    {
        var digits = new string(Path.GetFileNameWithoutExtension(path).Where(char.IsAsciiDigit).ToArray());
        return digits.Length >= 4 ? $"Education, health and care plans {digits[^4..]}" : $"Education, health and care plans ({Path.GetFileName(path)})";
    }

    /// <summary>A file in the DfE's open data format: the area columns, a breakdown, then one column per figure.</summary>
    private static List<PublishedRow> ReadStandard(ZipArchiveEntry entry, string release)
    {
        using var reader = new StreamReader(entry.Open(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null, MissingFieldFound = null });
        if (!csv.Read() || !csv.ReadHeader())
        {
            return [];
        }

        var header = csv.HeaderRecord!;
        if (!AreaColumns.All(header.Contains))
        {
            throw new InvalidDataException($"{entry.FullName} is not in the DfE's open data format: it lacks {string.Join(", ", AreaColumns.Where(c => !header.Contains(c)))}.");
        }

        // Columns the release names twice (annual_reviews repeats one) keep both, the second as "name#2".
        var names = header.Select((h, i) => header.Take(i).Count(x => x == h) is > 0 and var n ? $"{h}#{n + 1}" : h).ToArray();
        var index = names.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i);
        var hasBreakdown = index.ContainsKey("breakdown_topic");
        var firstFigure = hasBreakdown ? index["breakdown"] + 1 : index["la_name"] + 1;
        var table = Path.GetFileNameWithoutExtension(entry.Name);
        var rows = new List<PublishedRow>();
        while (csv.Read())
        {
            string Field(string name) => csv.GetField(index[name])?.Trim() ?? string.Empty;
            if (!int.TryParse(Field("time_period"), NumberStyles.None, CultureInfo.InvariantCulture, out var period))
            {
                continue;
            }

            var level = Field("geographic_level");
            var (code, name) = level switch
            {
                PublishedLevels.National => (Field("country_code"), Field("country_name")),
                PublishedLevels.Regional => (Field("region_code"), Field("region_name")),
                _ => (Field("old_la_code"), Field("la_name")),
            };
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = firstFigure; i < names.Length; i++)
            {
                values[names[i]] = csv.GetField(i)?.Trim() ?? string.Empty;
            }

            rows.Add(new PublishedRow(release, table, period, Field("time_identifier"), level, code, name, Field("region_code") is { Length: > 0 } region ? region : null,
                hasBreakdown ? Field("breakdown_topic") : "Total", hasBreakdown ? Field("breakdown") : "Total", values));
        }

        return rows;
    }

    /// <summary>
    /// The SEND Tribunal appeal-rate table: a spreadsheet laid out for reading, one row per LA with
    /// three columns a year (appeals registered, appealable decisions, rate), "-" for none.
    /// </summary>
    private static List<PublishedRow> ReadAppealRates(ZipArchiveEntry entry, string release)
    {
        using var reader = new StreamReader(entry.Open(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { HasHeaderRecord = false, BadDataFound = null, MissingFieldFound = null });
        int[]? years = null;
        var rows = new List<PublishedRow>();
        while (csv.Read())
        {
            var cells = Enumerable.Range(0, csv.Parser.Count).Select(i => csv.GetField(i)?.Trim() ?? string.Empty).ToArray();
            if (cells.Length > 2 && cells[0] == "Local Authority")
            {
                years = cells.Select(c => int.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : 0).ToArray();
                continue;
            }

            if (years is null || cells.Length < 3)
            {
                continue;
            }

            var isEngland = cells[0].StartsWith("England Total", StringComparison.OrdinalIgnoreCase);
            if (!isEngland && !(cells[1].Length == 3 && cells[1].All(char.IsAsciiDigit)))
            {
                continue;
            }

            for (var i = 2; i + 2 < cells.Length && i < years.Length; i++)
            {
                if (years[i] == 0)
                {
                    continue;
                }

                static string Clean(string value) => value is "-" or "" ? "0" : value == ".." ? "z" : value == "~" ? "c" : value;
                rows.Add(new PublishedRow(release, PublishedTables.TribunalAppeals, years[i], "Calendar year",
                    isEngland ? PublishedLevels.National : PublishedLevels.LocalAuthority, isEngland ? "E92000001" : cells[1], isEngland ? "England" : cells[0], null,
                    "Total", "Total", new Dictionary<string, string>
                    {
                        ["appeals_registered"] = Clean(cells[i]),
                        ["appealable_decisions"] = Clean(cells[i + 1]),
                        ["appeal_rate_pc"] = Clean(cells[i + 2]),
                    }));
                i += 2;
            }
        }

        return rows;
    }

    private async Task<TableLoaded> SaveAsync(List<PublishedRow> rows, CancellationToken cancellationToken)
    {
        var table = rows[0].Table;
        var existing = (await db.PublishedRows.Where(r => r.Table == table).ToListAsync(cancellationToken))
            .GroupBy(Key).ToDictionary(g => g.Key, g => g.First());
        int inserted = 0, updated = 0, unchanged = 0;
        // A cell the release gives twice (an LA listed again after a boundary change): the later row is the published one.
        var latest = new Dictionary<(string, string, string, string, int), PublishedRow>();
        foreach (var row in rows)
        {
            latest[Key(row)] = row;
        }

        foreach (var (key, row) in latest)
        {
            if (existing.TryGetValue(key, out var current))
            {
                if (current.ReplaceWith(row))
                {
                    updated++;
                }
                else
                {
                    unchanged++;
                }
            }
            else
            {
                db.PublishedRows.Add(row);
                inserted++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        var suppressed = rows.Sum(r => r.Values.Values.Count(v => PublishedValue.Parse(v).Suppressed is not null));
        return new TableLoaded(table, latest.Count, inserted, updated, unchanged, rows.Min(r => r.Year), rows.Max(r => r.Year), suppressed);
    }

    private static (string, string, string, string, int) Key(PublishedRow r) => (r.Level, r.AreaCode, r.BreakdownTopic, r.Breakdown, r.TimePeriod);
}
