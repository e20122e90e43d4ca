using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using OpenSend.Data.Database;
using OpenSend.Domain.Placements;
using OpenSend.Domain.Plans;

namespace OpenSend.Data.Placements;

/// <summary>One row GIAS's file gave that the register could not take, and why.</summary>
public sealed record GiasRejection(long Row, string? Urn, string Reason);

/// <summary>How an import went: every row read is imported (new), updated, unchanged or rejected.</summary>
public sealed record GiasImportSummary(int RowsRead, int Imported, int Updated, int Unchanged, IReadOnlyList<GiasRejection> Rejected, int PredecessorsLinked, string Encoding)
{
    /// <summary>The line the command ends with.</summary>
    public string Line => string.Create(CultureInfo.InvariantCulture,
        $"rows read: {RowsRead}, imported: {Imported}, updated: {Updated}, rejected: {Rejected.Count}; unchanged: {Unchanged}, academy conversions linked to their predecessor: {PredecessorsLinked}");
}

/// <summary>Progress of an import: rows read so far, and the file's bytes read of its length.</summary>
public sealed record GiasImportProgress(int RowsRead, long BytesRead, long BytesTotal);

/// <summary>
/// Imports GIAS's "all establment data" CSV (../shared/spec/gias.md) into the settings register,
/// streamed in batches so memory stays small whatever the file's size. Re-importing the same or a
/// later file is idempotent: rows are matched by URN, and only what changed is written. Closed
/// establishments are kept with their close date; an academy conversion (a new URN) is linked to
/// the school it replaced through GIAS's previous LA and establishment number. A row that cannot
/// be read is rejected with its reason and the rest go on.
/// </summary>
public sealed class GiasImport(OpenSendDbContext db, TimeProvider time)
{
    public const int BatchSize = 2_000;

    /// <summary>The columns the import reads; a file without them is not GIAS's and is refused before anything is written.</summary>
    public static readonly string[] RequiredColumns =
    [
        "URN", "LA (code)", "EstablishmentNumber", "EstablishmentName", "TypeOfEstablishment (code)", "TypeOfEstablishment (name)",
        "EstablishmentStatus (name)", "OpenDate", "CloseDate", "PhaseOfEducation (name)", "StatutoryLowAge", "StatutoryHighAge",
        "SchoolCapacity", "NumberOfPupils", "UKPRN", "Street", "Town", "Postcode", "Section41Approved (name)", "TypeOfResourcedProvision (name)",
        "ResourcedProvisionOnRoll", "ResourcedProvisionCapacity", "SenUnitOnRoll", "SenUnitCapacity", "Easting", "Northing",
        "PreviousLA (code)", "PreviousEstablishmentNumber", "ReasonEstablishmentOpened (name)", "LastChangedDate",
    ];

    private static readonly string[] SenColumns = Enumerable.Range(1, 13).Select(i => $"SEN{i} (name)").ToArray();

    static GiasImport() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public async Task<GiasImportSummary> RunAsync(string path, IProgress<GiasImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var encoding = DetectEncoding(path);
        var now = time.GetUtcNow();
        var rejected = new List<GiasRejection>();
        var seen = new Dictionary<string, long>(StringComparer.Ordinal);
        // (LA, establishment number) of every row, and the conversions that name a predecessor by them.
        var byNumber = new Dictionary<(string, string), List<(string Urn, SettingStatus Status, DateOnly? ClosedOn)>>();
        var conversions = new List<(string Urn, string La, string Number, DateOnly? OpenedOn)>();
        int read = 0, imported = 0, updated = 0, unchanged = 0;

        await using var stream = File.OpenRead(path);
        using var reader = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null, MissingFieldFound = null, TrimOptions = TrimOptions.Trim });
        if (!await csv.ReadAsync() || !csv.ReadHeader())
        {
            throw new InvalidDataException("The file is empty: it should be GIAS's all establishment data CSV, starting with its header row.");
        }

        var missing = RequiredColumns.Concat(SenColumns).Where(c => !csv.HeaderRecord!.Contains(c, StringComparer.Ordinal)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException($"This is not GIAS's all establishment data file: it has no {string.Join(", ", missing.Take(5).Select(m => $"'{m}'"))}{(missing.Count > 5 ? $" and {missing.Count - 5} more" : "")} column{(missing.Count == 1 ? "" : "s")}. Nothing was imported.");
        }

        var batch = new List<Setting>(BatchSize);
        while (await csv.ReadAsync())
        {
            cancellationToken.ThrowIfCancellationRequested();
            read++;
            var row = csv.Parser.Row;
            var (setting, reason, previous) = Parse(csv);
            if (setting is null)
            {
                rejected.Add(new GiasRejection(row, Text(csv, "URN"), reason!));
                continue;
            }

            if (seen.TryGetValue(setting.Urn, out var earlier))
            {
                rejected.Add(new GiasRejection(row, setting.Urn, $"URN {setting.Urn} appears earlier in the file (row {earlier}); the first is kept."));
                continue;
            }

            seen[setting.Urn] = row;
            if (setting.LaCode is { } la && Text(csv, "EstablishmentNumber") is { } number)
            {
                var key = (la, number);
                if (!byNumber.TryGetValue(key, out var list))
                {
                    byNumber[key] = list = [];
                }

                list.Add((setting.Urn, setting.Status, setting.ClosedOn));
            }

            if (previous is { } p)
            {
                conversions.Add((setting.Urn, p.La, p.Number, setting.OpenedOn));
            }

            batch.Add(setting);
            if (batch.Count == BatchSize)
            {
                var (i, u, n) = await SaveAsync(batch, now, cancellationToken);
                (imported, updated, unchanged) = (imported + i, updated + u, unchanged + n);
                batch.Clear();
                progress?.Report(new GiasImportProgress(read, stream.Position, stream.Length));
            }
        }

        if (batch.Count > 0)
        {
            var (i, u, n) = await SaveAsync(batch, now, cancellationToken);
            (imported, updated, unchanged) = (imported + i, updated + u, unchanged + n);
        }

        var linked = await LinkPredecessorsAsync(conversions, byNumber, now, cancellationToken);
        progress?.Report(new GiasImportProgress(read, stream.Length, stream.Length));
        return new GiasImportSummary(read, imported, updated, unchanged, rejected, linked, encoding.WebName);
    }

    /// <summary>
    /// GIAS publishes the file in Windows-1252. A file saved again as UTF-8 (with or without a byte
    /// order mark) is read as UTF-8, so "Ysgol Gymraeg" and "St Æthelwold's" keep their letters.
    /// </summary>
    public static Encoding DetectEncoding(string path)
    {
        using var stream = File.OpenRead(path);
        Span<byte> bom = stackalloc byte[3];
        if (stream.Read(bom) == 3 && bom[0] == 0xEF && bom[1] == 0xBB && bom[2] == 0xBF)
        {
            return new UTF8Encoding(false);
        }

        stream.Position = 0;
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        var bytes = new byte[64 * 1024];
        var chars = new char[64 * 1024 + 4];
        var nonAscii = false;
        try
        {
            int n;
            while ((n = stream.Read(bytes, 0, bytes.Length)) > 0)
            {
                nonAscii |= bytes.AsSpan(0, n).ContainsAnyInRange((byte)0x80, (byte)0xFF);
                decoder.GetChars(bytes, 0, n, chars, 0, flush: false);
            }
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding(1252);
        }

        return nonAscii ? new UTF8Encoding(false) : Encoding.GetEncoding(1252);
    }

    private async Task<(int Imported, int Updated, int Unchanged)> SaveAsync(List<Setting> batch, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var urns = batch.Select(s => s.Urn).ToList();
        var existing = await db.Settings.Where(s => urns.Contains(s.Urn)).ToDictionaryAsync(s => s.Urn, cancellationToken);
        int imported = 0, updated = 0, unchanged = 0;
        foreach (var setting in batch)
        {
            if (existing.TryGetValue(setting.Urn, out var current))
            {
                // The predecessor link is the import's own finding, made after the rows are in.
                setting.PredecessorUrn = current.PredecessorUrn;
                if (current.UpdateFrom(setting, now))
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
                setting.UpdatedAt = now;
                db.Settings.Add(setting);
                imported++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return (imported, updated, unchanged);
    }

    private async Task<int> LinkPredecessorsAsync(List<(string Urn, string La, string Number, DateOnly? OpenedOn)> conversions,
        Dictionary<(string, string), List<(string Urn, SettingStatus Status, DateOnly? ClosedOn)>> byNumber, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var links = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (urn, la, number, openedOn) in conversions)
        {
            // The school it replaced closed with the same LA and DfE number, on or before the new one opened.
            var predecessor = byNumber.GetValueOrDefault((la, number))?
                .Where(c => c.Urn != urn && c.Status == SettingStatus.Closed && (openedOn is null || c.ClosedOn is null || c.ClosedOn <= openedOn))
                .OrderByDescending(c => c.ClosedOn).FirstOrDefault();
            if (predecessor is { Urn: { } found })
            {
                links[urn] = found;
            }
        }

        var linked = 0;
        foreach (var chunk in links.Keys.Chunk(BatchSize))
        {
            var settings = await db.Settings.Where(s => chunk.Contains(s.Urn)).ToListAsync(cancellationToken);
            foreach (var setting in settings.Where(s => s.PredecessorUrn != links[s.Urn]))
            {
                setting.PredecessorUrn = links[setting.Urn];
                setting.UpdatedAt = now;
                linked++;
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        return linked;
    }

    /// <summary>One row as a setting, or why it cannot be one; and, for a conversion, the LA and number of the school it replaced.</summary>
    private static (Setting? Setting, string? Reason, (string La, string Number)? Previous) Parse(CsvReader csv)
    {
        var urn = Text(csv, "URN");
        if (urn is null || !urn.All(char.IsAsciiDigit) || urn.Length > 7)
        {
            return (null, urn is null ? "No URN." : $"URN '{urn}' is not a number of up to 7 digits.", null);
        }

        var name = Text(csv, "EstablishmentName");
        if (name is null)
        {
            return (null, "No establishment name.", null);
        }

        if (!int.TryParse(Text(csv, "TypeOfEstablishment (code)"), NumberStyles.None, CultureInfo.InvariantCulture, out var typeCode))
        {
            return (null, "No establishment type code.", null);
        }

        SettingStatus? status = Text(csv, "EstablishmentStatus (name)") switch
        {
            "Open" => SettingStatus.Open,
            "Closed" => SettingStatus.Closed,
            "Open, but proposed to close" => SettingStatus.OpenProposedToClose,
            "Proposed to open" => SettingStatus.ProposedToOpen,
            _ => null,
        };
        if (status is null)
        {
            return (null, $"Establishment status '{Text(csv, "EstablishmentStatus (name)")}' is not one GIAS uses.", null);
        }

        var problems = new List<string>();
        DateOnly? Date(string column)
        {
            var text = Text(csv, column);
            if (text is null)
            {
                return null;
            }

            if (DateOnly.TryParseExact(text, ["dd-MM-yyyy", "dd/MM/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            problems.Add($"{column} '{text}' is not a date.");
            return null;
        }

        int? Number(string column)
        {
            var text = Text(csv, column);
            if (text is null)
            {
                return null;
            }

            if (int.TryParse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var number) && number >= 0)
            {
                return number;
            }

            problems.Add($"{column} '{text}' is not a whole number.");
            return null;
        }

        var setting = new Setting(urn, SettingSource.Gias, name)
        {
            LaCode = Text(csv, "LA (code)"),
            TypeCode = typeCode,
            TypeName = Text(csv, "TypeOfEstablishment (name)") ?? string.Empty,
            Category = Setting.CategoryOf(typeCode),
            Status = status.Value,
            OpenedOn = Date("OpenDate"),
            ClosedOn = Date("CloseDate"),
            Phase = Text(csv, "PhaseOfEducation (name)") ?? string.Empty,
            LowAge = Number("StatutoryLowAge"),
            HighAge = Number("StatutoryHighAge"),
            Capacity = Number("SchoolCapacity"),
            Pupils = Number("NumberOfPupils"),
            CatersFor = SenColumns.Select(c => NeedOf(Text(csv, c))).OfType<Sen2NeedType>().ToList(),
            Specialist = Text(csv, "TypeOfResourcedProvision (name)") switch
            {
                "Resourced provision" => SpecialistProvision.ResourcedProvision,
                "SEN unit" => SpecialistProvision.SenUnit,
                "Resourced provision and SEN unit" => SpecialistProvision.ResourcedProvision | SpecialistProvision.SenUnit,
                _ => SpecialistProvision.None,
            },
            ResourcedProvisionCapacity = Number("ResourcedProvisionCapacity"),
            ResourcedProvisionOnRoll = Number("ResourcedProvisionOnRoll"),
            SenUnitCapacity = Number("SenUnitCapacity"),
            SenUnitOnRoll = Number("SenUnitOnRoll"),
            Section41Approved = Text(csv, "Section41Approved (name)") == "Approved",
            Ukprn = Text(csv, "UKPRN"),
            Street = Text(csv, "Street"),
            Town = Text(csv, "Town"),
            Postcode = Postcodes.Normalise(Text(csv, "Postcode")),
            Easting = Positive(Number("Easting")),
            Northing = Positive(Number("Northing")),
            LastChangedOn = Date("LastChangedDate"),
        };
        if (setting.LowAge > setting.HighAge)
        {
            problems.Add($"StatutoryLowAge {setting.LowAge} is above StatutoryHighAge {setting.HighAge}.");
        }

        if (setting.LaCode is { } code && (code.Length != 3 || !code.All(char.IsAsciiDigit)))
        {
            problems.Add($"LA code '{code}' is not 3 digits.");
        }

        if (problems.Count > 0)
        {
            return (null, string.Join(" ", problems), null);
        }

        var previousNumber = Text(csv, "PreviousEstablishmentNumber");
        var reasonOpened = Text(csv, "ReasonEstablishmentOpened (name)") ?? string.Empty;
        var estabNumber = Text(csv, "EstablishmentNumber");
        (string, string)? previous = (previousNumber ?? (reasonOpened.Contains("Academy", StringComparison.OrdinalIgnoreCase) ? estabNumber : null)) is { } number
            && (Text(csv, "PreviousLA (code)") ?? setting.LaCode) is { } previousLa
            ? (previousLa, number)
            : null;
        return (setting, null, previous);
    }

    /// <summary>GIAS writes 0 for an unknown grid reference.</summary>
    private static int? Positive(int? value) => value is > 0 ? value : null;

    /// <summary>GIAS's SEN provision names ("ASD - Autistic Spectrum Disorder") as SEN2 need types; "Not Applicable" and blanks are none.</summary>
    public static Sen2NeedType? NeedOf(string? gias)
    {
        var code = gias?.Split(" - ", 2)[0].Trim().ToUpperInvariant();
        return code switch
        {
            "ASD" => Sen2NeedType.ASD,
            "SEMH" or "BESD" => Sen2NeedType.SEMH,
            "SLCN" => Sen2NeedType.SLCN,
            "SPLD" => Sen2NeedType.SPLD,
            "MLD" => Sen2NeedType.MLD,
            "SLD" => Sen2NeedType.SLD,
            "PMLD" => Sen2NeedType.PMLD,
            "HI" => Sen2NeedType.HI,
            "VI" => Sen2NeedType.VI,
            "MSI" => Sen2NeedType.MSI,
            "PD" => Sen2NeedType.PD,
            "OTH" => Sen2NeedType.OTH,
            _ => null,
        };
    }

    private static string? Text(CsvReader csv, string column)
    {
        var value = csv.GetField(column);
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }
}

/// <summary>UK postcodes, written the one way the register stores them.</summary>
public static class Postcodes
{
    /// <summary>"sw1a1aa" and " SW1A  1AA" become "SW1A 1AA"; null for blanks; anything too short to be a postcode is kept as typed.</summary>
    public static string? Normalise(string? postcode)
    {
        if (string.IsNullOrWhiteSpace(postcode))
        {
            return null;
        }

        var compact = new string(postcode.Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();
        return compact.Length is >= 5 and <= 7 ? $"{compact[..^3]} {compact[^3..]}" : postcode.Trim().ToUpperInvariant();
    }

    /// <summary>The outward code ("SW1A") and sector ("SW1A 1") of a normalised postcode.</summary>
    public static (string District, string? Sector) Parts(string normalised)
    {
        var space = normalised.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? (normalised, null) : (normalised[..space], normalised[..(space + 2)]);
    }
}
