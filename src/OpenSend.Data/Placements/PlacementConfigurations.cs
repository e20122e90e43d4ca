using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenSend.Domain.Placements;

namespace OpenSend.Data.Placements;

internal sealed class SettingConfiguration : IEntityTypeConfiguration<Setting>
{
    public void Configure(EntityTypeBuilder<Setting> builder)
    {
        builder.ToTable("settings");
        builder.HasKey(s => s.Urn);
        builder.Property(s => s.Urn).HasMaxLength(20);
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.LaCode).HasMaxLength(3);
        builder.Property(s => s.TypeName).HasMaxLength(100);
        builder.Property(s => s.Phase).HasMaxLength(40);
        builder.Property(s => s.CatersForCodes).HasMaxLength(100);
        builder.Property(s => s.Specialist).HasConversion<int>();
        builder.Property(s => s.Ukprn).HasMaxLength(8);
        builder.Property(s => s.Street).HasMaxLength(200);
        builder.Property(s => s.Town).HasMaxLength(100);
        builder.Property(s => s.Postcode).HasMaxLength(10);
        builder.Property(s => s.PredecessorUrn).HasMaxLength(20);
        builder.Ignore(s => s.CatersFor);
        builder.Ignore(s => s.IsOpen);
        builder.Ignore(s => s.IsSection38Setting);
        builder.Ignore(s => s.IsMainstream);
        builder.Ignore(s => s.AgeRange);

        // Searches: the settings in an LA, by postcode (distance from a postcode), by provider number.
        builder.HasIndex(s => new { s.LaCode, s.Status });
        builder.HasIndex(s => s.Postcode);
        builder.HasIndex(s => s.Ukprn);
    }
}
