using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenSend.Data.Audit;
using OpenSend.Data.Journeys;
using OpenSend.Domain.LocalAuthorities;

namespace OpenSend.Data.Database;

internal sealed class LocalAuthorityConfiguration : IEntityTypeConfiguration<LocalAuthority>
{
    public void Configure(EntityTypeBuilder<LocalAuthority> builder)
    {
        builder.ToTable("local_authorities");
        builder.HasKey(l => l.Code);
        builder.Property(l => l.Code).HasMaxLength(3);
        builder.Property(l => l.GssCode).HasMaxLength(9);
        builder.Property(l => l.Name).HasMaxLength(100);
        builder.Property(l => l.RegionCode).HasMaxLength(9);
        builder.Property(l => l.RegionName).HasMaxLength(50);
        builder.Property(l => l.AdoptedRuleSetId).HasMaxLength(40);
        builder.Ignore(l => l.RuleAdoption);

    }
}

internal sealed class AuditRecordConfiguration : IEntityTypeConfiguration<AuditRecord>
{
    public void Configure(EntityTypeBuilder<AuditRecord> builder)
    {
        builder.ToTable("audit_records");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.LaCode).HasMaxLength(3);
        builder.Property(a => a.ActorId).HasMaxLength(100);
        builder.Property(a => a.ActorName).HasMaxLength(200);
        builder.Property(a => a.ActorRole).HasMaxLength(40);
        builder.Property(a => a.ActorOrganisation).HasMaxLength(200);
        builder.Property(a => a.Action).HasMaxLength(60);
        builder.Property(a => a.SourceAddress).HasMaxLength(64);
        builder.Property(a => a.PreviousHash).HasMaxLength(64);
        builder.Property(a => a.Hash).HasMaxLength(64);
        builder.Property(a => a.SourceDigest).HasMaxLength(64);
        builder.HasIndex(a => new { a.LaCode, a.AssessmentId, a.At });
        builder.HasIndex(a => a.ChainSequence).IsUnique();
    }
}

internal sealed class AuditChainHeadConfiguration : IEntityTypeConfiguration<AuditChainHead>
{
    public void Configure(EntityTypeBuilder<AuditChainHead> builder)
    {
        builder.ToTable("audit_chain_head");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.LastHash).HasMaxLength(64);
        builder.Property(h => h.Version).IsConcurrencyToken();
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OpenSend.Data.Notifications.OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OpenSend.Data.Notifications.OutboxMessage> builder)
    {
        builder.ToTable("notification_outbox");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Kind).HasMaxLength(40);
        builder.Property(m => m.Recipient).HasMaxLength(320);
        builder.Property(m => m.Subject).HasMaxLength(300);
        builder.Property(m => m.Body).HasMaxLength(20_000);
        builder.Property(m => m.LaCode).HasMaxLength(3);
        builder.Property(m => m.LastError).HasMaxLength(1000);
        builder.Property(m => m.ProviderReference).HasMaxLength(200);
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
    }
}

internal sealed class FormJourneyConfiguration : IEntityTypeConfiguration<FormJourney>
{
    public void Configure(EntityTypeBuilder<FormJourney> builder)
    {
        builder.ToTable("form_journeys");
        builder.HasKey(j => j.Id);
        builder.Property(j => j.Id).HasMaxLength(64);
        builder.Property(j => j.Kind).HasMaxLength(40);
        builder.Property(j => j.LaCode).HasMaxLength(3);
        builder.HasIndex(j => j.UpdatedAt);
    }
}

internal sealed class ReferenceCounterConfiguration : IEntityTypeConfiguration<ReferenceCounter>
{
    public void Configure(EntityTypeBuilder<ReferenceCounter> builder)
    {
        builder.ToTable("reference_counters");
        builder.HasKey(r => new { r.LaCode, r.Year });
        builder.Property(r => r.LaCode).HasMaxLength(3);
    }
}

internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKeyRow>
{
    public void Configure(EntityTypeBuilder<DataProtectionKeyRow> builder)
    {
        builder.ToTable("data_protection_keys");
        builder.HasKey(k => k.Id);
    }
}
