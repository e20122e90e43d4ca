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

internal sealed class CommissionedPlacesConfiguration : IEntityTypeConfiguration<CommissionedPlaces>
{
    public void Configure(EntityTypeBuilder<CommissionedPlaces> builder)
    {
        builder.ToTable("commissioned_places");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.LaCode).HasMaxLength(3);
        builder.Property(p => p.SettingUrn).HasMaxLength(20);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Ignore(p => p.Available);
        builder.HasOne<Setting>().WithMany().HasForeignKey(p => p.SettingUrn).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.LaCode, p.SettingUrn, p.Kind, p.Need }).IsUnique();
    }
}

internal sealed class SuitableSettingConfiguration : IEntityTypeConfiguration<SuitableSetting>
{
    public void Configure(EntityTypeBuilder<SuitableSetting> builder)
    {
        builder.ToTable("suitable_settings");
        builder.HasKey(s => new { s.LaCode, s.SettingUrn });
        builder.Property(s => s.LaCode).HasMaxLength(3);
        builder.Property(s => s.SettingUrn).HasMaxLength(20);
        builder.Property(s => s.Note).HasMaxLength(1_000);
        builder.Property(s => s.AddedBy).HasMaxLength(200);
        builder.HasOne<Setting>().WithMany().HasForeignKey(s => s.SettingUrn).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PlacementConfiguration : IEntityTypeConfiguration<Placement>
{
    public void Configure(EntityTypeBuilder<Placement> builder)
    {
        builder.ToTable("placements");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.LaCode).HasMaxLength(3);
        builder.Property(p => p.HomePostcode).HasMaxLength(10);
        builder.Property(p => p.NamedUrn).HasMaxLength(20);
        builder.Property(p => p.NamedName).HasMaxLength(200);
        builder.Property(p => p.DecisionReasons).HasMaxLength(5_000);
        builder.Property(p => p.MainstreamIncompatibilityEvidence).HasMaxLength(5_000);
        builder.Property(p => p.MainstreamReasonableSteps).HasMaxLength(5_000);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Ignore(p => p.IsDecided);
        builder.Ignore(p => p.Stage);
        builder.Ignore(p => p.Home);
        builder.Ignore(p => p.Listed);
        builder.Ignore(p => p.FamilyPreferences);
        builder.HasOne<OpenSend.Domain.Assessments.EhcCase>().WithMany().HasForeignKey(p => p.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Entries).WithOne().HasForeignKey("PlacementId").OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Preferences).WithOne().HasForeignKey("PlacementId").OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Entries).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(p => p.Preferences).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(p => new { p.LaCode, p.AssessmentId }).IsUnique();
    }
}

internal sealed class ListEntryConfiguration : IEntityTypeConfiguration<ListEntry>
{
    public void Configure(EntityTypeBuilder<ListEntry> builder)
    {
        builder.ToTable("placement_list_entries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.LaCode).HasMaxLength(3);
        builder.Property(e => e.Urn).HasMaxLength(20);
        builder.Property(e => e.Name).HasMaxLength(200);
        builder.Property(e => e.Why).HasMaxLength(300);
        builder.Property(e => e.AddedReason).HasMaxLength(2_000);
        builder.Property(e => e.RemovedReason).HasMaxLength(2_000);
        builder.Ignore(e => e.IsListed);
        builder.HasIndex("LaCode", "PlacementId");
    }
}

internal sealed class SettingPreferenceConfiguration : IEntityTypeConfiguration<SettingPreference>
{
    public void Configure(EntityTypeBuilder<SettingPreference> builder)
    {
        builder.ToTable("setting_preferences");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.LaCode).HasMaxLength(3);
        builder.Property(p => p.Urn).HasMaxLength(20);
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Reasons).HasMaxLength(5_000);
        builder.Property(p => p.ExpressedBy).HasMaxLength(200);
        builder.Property(p => p.ResponseReasons).HasMaxLength(5_000);
        builder.Property(p => p.RespondedBy).HasMaxLength(200);
        builder.Property(p => p.ReasonableSteps).HasMaxLength(5_000);
        builder.Property(p => p.Grounds).HasColumnName("grounds").HasConversion(
            grounds => OpenSend.Domain.Plans.PlanJson.Serialize(grounds),
            json => OpenSend.Domain.Plans.PlanJson.Deserialize<List<RecordedGround>>(json) ?? new List<RecordedGround>(),
            new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<IReadOnlyList<RecordedGround>>(
                (a, b) => a!.SequenceEqual(b!), g => g.Aggregate(0, (h, x) => HashCode.Combine(h, x.GetHashCode())), g => g.ToList()));
        builder.Ignore(p => p.IsExcluded);
        // A setting's consultations across cases (its staff's "consultations" list).
        builder.HasIndex(p => new { p.Urn, p.ConsultationSentOn });
        builder.HasIndex("LaCode", "PlacementId");
    }
}
