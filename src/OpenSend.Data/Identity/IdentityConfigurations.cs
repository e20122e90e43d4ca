using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Identity;

namespace OpenSend.Data.Identity;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.ToTable("organisations");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Code).HasMaxLength(20);
        builder.Property(o => o.Name).HasMaxLength(200);
        builder.Property(o => o.LaCode).HasMaxLength(3);
        builder.HasIndex(o => new { o.Kind, o.Code }).IsUnique();
        builder.HasIndex(o => o.LaCode);
    }
}

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ToTable("people");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Email).HasMaxLength(320);
        builder.Property(p => p.DisplayName).HasMaxLength(200);
        builder.Property(p => p.PasswordHash).HasMaxLength(200);
        builder.Property(p => p.ProtectedTotpSecret).HasMaxLength(1000);
        builder.HasIndex(p => p.Email).IsUnique();
    }
}

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> builder)
    {
        builder.ToTable("memberships");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.AddedBy).HasMaxLength(200);
        builder.Property(m => m.RemovedBy).HasMaxLength(200);
        builder.HasOne<Person>().WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.PersonId, m.OrganisationId, m.Role });
        builder.Ignore(m => m.IsActive);
    }
}

internal sealed class FamilyLinkConfiguration : IEntityTypeConfiguration<FamilyLink>
{
    public void Configure(EntityTypeBuilder<FamilyLink> builder)
    {
        builder.ToTable("family_links");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.LaCode).HasMaxLength(3);
        builder.HasOne<EhcCase>().WithMany().HasForeignKey(l => l.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(l => l.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => new { l.PersonId, l.AssessmentId });
        builder.HasIndex(l => new { l.LaCode, l.AssessmentId });
    }
}

internal sealed class SettingLinkConfiguration : IEntityTypeConfiguration<SettingLink>
{
    public void Configure(EntityTypeBuilder<SettingLink> builder)
    {
        builder.ToTable("setting_links");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.LaCode).HasMaxLength(3);
        builder.Property(l => l.LinkedBy).HasMaxLength(200);
        builder.HasOne<EhcCase>().WithMany().HasForeignKey(l => l.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(l => l.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => new { l.OrganisationId, l.AssessmentId });
        builder.HasIndex(l => new { l.LaCode, l.AssessmentId });
    }
}

internal sealed class OneTimeCodeConfiguration : IEntityTypeConfiguration<OneTimeCode>
{
    public void Configure(EntityTypeBuilder<OneTimeCode> builder)
    {
        builder.ToTable("one_time_codes");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Email).HasMaxLength(320);
        builder.Property(c => c.CodeHash).HasMaxLength(64);
        builder.HasIndex(c => new { c.Email, c.Purpose, c.CreatedAt });
        builder.HasIndex(c => c.CodeHash);
    }
}
