using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenSend.Data.Database;

namespace OpenSend.Data.Dashboard;

/// <summary>
/// One of an LA's statistical neighbours (glossary: the 10 LAs most like it, on the DfE's list),
/// ranked 1 (most like it) to 10. The list is the DfE's, loaded from CSV, never computed here: an
/// LA compares itself with the neighbours everyone else uses.
/// </summary>
public sealed class StatisticalNeighbour
{
    private StatisticalNeighbour()
    {
        LaCode = NeighbourCode = Source = string.Empty;
    }

    public StatisticalNeighbour(string laCode, string neighbourCode, int rank, string source)
    {
        LaCode = laCode;
        NeighbourCode = neighbourCode;
        Rank = rank;
        Source = source;
    }

    public string LaCode { get; private set; }

    public string NeighbourCode { get; private set; }

    public int Rank { get; private set; }

    public string Source { get; private set; }
}

internal sealed class StatisticalNeighbourConfiguration : IEntityTypeConfiguration<StatisticalNeighbour>
{
    public void Configure(EntityTypeBuilder<StatisticalNeighbour> builder)
    {
        builder.ToTable("statistical_neighbours");
        builder.HasKey(n => new { n.LaCode, n.NeighbourCode });
        builder.Property(n => n.LaCode).HasMaxLength(3);
        builder.Property(n => n.NeighbourCode).HasMaxLength(3);
        builder.Property(n => n.Source).HasMaxLength(300);
    }
}

public sealed record NeighboursImportSummary(int Rows, int Las, IReadOnlyList<ExternalRejection> Rejected);

/// <summary>
/// Loads the DfE's statistical neighbours from CSV: la_code, neighbour_code, rank, source
/// (docs/dashboard-data.md). Each LA in the file has its whole list replaced by the file's; an LA
/// not in the file keeps its list. A row naming an unknown LA, the LA itself, or a rank outside
/// 1 to 10 is reported and skipped.
/// </summary>
public sealed class StatisticalNeighboursImport(OpenSendDbContext db)
{
    public static readonly string[] Header = ["la_code", "neighbour_code", "rank", "source"];

    public const int MaxNeighbours = 10;

    public async Task<NeighboursImportSummary> RunAsync(string path, CancellationToken cancellationToken = default)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null, MissingFieldFound = null, TrimOptions = TrimOptions.Trim });
        if (!await csv.ReadAsync() || !csv.ReadHeader() || !Header.All(h => csv.HeaderRecord!.Contains(h)))
        {
            throw new InvalidDataException($"The file's first line must be the header {string.Join(",", Header)}. Nothing was loaded.");
        }

        var las = (await db.LocalAuthorities.AsNoTracking().Select(l => l.Code).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var rejected = new List<ExternalRejection>();
        var lists = new Dictionary<string, Dictionary<string, StatisticalNeighbour>>(StringComparer.Ordinal);
        var line = 1;
        while (await csv.ReadAsync())
        {
            line++;
            var la = csv.GetField("la_code") ?? string.Empty;
            var neighbour = csv.GetField("neighbour_code") ?? string.Empty;
            if (!las.Contains(la) || !las.Contains(neighbour))
            {
                rejected.Add(new ExternalRejection(line, $"'{(las.Contains(la) ? neighbour : la)}' is not a local authority's 3-digit code."));
                continue;
            }

            if (la == neighbour)
            {
                rejected.Add(new ExternalRejection(line, $"{la} cannot be its own neighbour."));
                continue;
            }

            if (!int.TryParse(csv.GetField("rank"), NumberStyles.None, CultureInfo.InvariantCulture, out var rank) || rank is < 1 or > MaxNeighbours)
            {
                rejected.Add(new ExternalRejection(line, $"'{csv.GetField("rank")}' is not a rank from 1 to {MaxNeighbours}."));
                continue;
            }

            if (!lists.TryGetValue(la, out var list))
            {
                lists[la] = list = new Dictionary<string, StatisticalNeighbour>(StringComparer.Ordinal);
            }

            list[neighbour] = new StatisticalNeighbour(la, neighbour, rank, csv.GetField("source") ?? string.Empty);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var codes = lists.Keys.ToList();
        await db.StatisticalNeighbours.Where(n => codes.Contains(n.LaCode)).ExecuteDeleteAsync(cancellationToken);
        db.StatisticalNeighbours.AddRange(lists.Values.SelectMany(l => l.Values));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new NeighboursImportSummary(lists.Values.Sum(l => l.Count), lists.Count, rejected);
    }
}
