using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenSend.Domain.Dashboard;

namespace OpenSend.Data.Dashboard;

/// <summary>One kept live count: an LA's measure for a reporting year, overall or for one group of a breakdown.</summary>
public sealed class KeptCount
{
    private KeptCount()
    {
        LaCode = MeasureId = Group = string.Empty;
    }

    public KeptCount(string laCode, int year, MeasureCount count)
    {
        LaCode = laCode;
        Year = year;
        MeasureId = count.MeasureId;
        Breakdown = count.Breakdown;
        Group = count.Group;
        Numerator = count.Numerator;
        Denominator = count.Denominator;
    }

    public string LaCode { get; private set; }

    public int Year { get; private set; }

    public string MeasureId { get; private set; }

    public Breakdown Breakdown { get; private set; }

    public string Group { get; private set; }

    public int Numerator { get; private set; }

    public int Denominator { get; private set; }

    public MeasureCount ToCount() => new(MeasureId, Breakdown, Group, Numerator, Denominator);
}

/// <summary>
/// When an LA's counts for a reporting year were made: for which census day (today's date for the
/// year still running), by which version of the live definitions, and up to which change of its
/// records (<see cref="RecordChange"/>), so that what is out of date can be found and recounted.
/// </summary>
public sealed class Counting
{
    private Counting()
    {
        LaCode = string.Empty;
    }

    public Counting(string laCode, int year, DateOnly census, DateTimeOffset countedAt, long throughChange)
    {
        LaCode = laCode;
        Year = year;
        Census = census;
        CountedAt = countedAt;
        ThroughChange = throughChange;
        LiveVersion = Measures.LiveVersion;
    }

    public string LaCode { get; private set; }

    public int Year { get; private set; }

    public DateOnly Census { get; private set; }

    public DateTimeOffset CountedAt { get; private set; }

    /// <summary>The last record change already made when the counting began.</summary>
    public long ThroughChange { get; private set; }

    public int LiveVersion { get; private set; }
}

/// <summary>
/// A change to an LA's case records ("*" for every LA: the settings register), appended in the
/// same save as the change itself (<see cref="Database.OpenSendDbContext"/>), never updated, so
/// writers never wait on one another for it. The dashboard recounts an LA with changes after its
/// counting; rows every counting has passed are pruned, except each LA's newest, so an LA's
/// change mark (<see cref="RecordChangeMarks.LastChangeAsync"/>) only ever grows and anything
/// kept against a mark (the caseload's snapshots) can trust an equal mark to mean no change.
/// </summary>
public sealed class RecordChange
{
    public const string EveryLa = "*";

    private RecordChange()
    {
        LaCode = string.Empty;
    }

    public RecordChange(string laCode) => LaCode = laCode;

    public long Id { get; private set; }

    public string LaCode { get; private set; }
}

public static class RecordChangeMarks
{
    /// <summary>The LA's newest record change (0 before its first): equal marks mean its case records have not changed.</summary>
    public static async Task<long> LastChangeAsync(this Database.OpenSendDbContext db, string laCode, CancellationToken cancellationToken = default) =>
        await db.RecordChanges.AsNoTracking().Where(c => c.LaCode == laCode).MaxAsync(c => (long?)c.Id, cancellationToken) ?? 0;
}

internal sealed class KeptCountConfiguration : IEntityTypeConfiguration<KeptCount>
{
    public void Configure(EntityTypeBuilder<KeptCount> builder)
    {
        builder.ToTable("dashboard_counts");
        builder.HasKey(c => new { c.LaCode, c.Year, c.Breakdown, c.MeasureId, c.Group });
        builder.Property(c => c.LaCode).HasMaxLength(3);
        builder.Property(c => c.MeasureId).HasMaxLength(60);
        builder.Property(c => c.Group).HasMaxLength(80);
    }
}

internal sealed class CountingConfiguration : IEntityTypeConfiguration<Counting>
{
    public void Configure(EntityTypeBuilder<Counting> builder)
    {
        builder.ToTable("dashboard_countings");
        builder.HasKey(c => new { c.LaCode, c.Year });
        builder.Property(c => c.LaCode).HasMaxLength(3);
    }
}

internal sealed class RecordChangeConfiguration : IEntityTypeConfiguration<RecordChange>
{
    public void Configure(EntityTypeBuilder<RecordChange> builder)
    {
        builder.ToTable("record_changes");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.LaCode).HasMaxLength(3);
        builder.HasIndex(c => new { c.LaCode, c.Id });
    }
}
