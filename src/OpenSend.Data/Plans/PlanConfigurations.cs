using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Plans;

namespace OpenSend.Data.Plans;

internal sealed class EhcPlanConfiguration : IEntityTypeConfiguration<EhcPlan>
{
    public void Configure(EntityTypeBuilder<EhcPlan> builder)
    {
        builder.ToTable("ehc_plans");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.LaCode).HasMaxLength(3);
        builder.HasOne<EhcCase>().WithOne().HasForeignKey<EhcPlan>(p => p.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        // The working copy is one JSON document: the plan is structured data edited as a whole
        // (decision 0008), and it is never queried by its parts.
        builder.Property(p => p.Working).HasColumnName("working_content").HasConversion(PlanContentJson.Converter, PlanContentJson.Comparer);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasMany(p => p.Versions).WithOne().HasForeignKey(v => v.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Versions).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(p => p.Latest);
        builder.Ignore(p => p.LatestFinal);
        builder.Ignore(p => p.LatestDraft);
        builder.Ignore(p => p.IsInForce);
        builder.Ignore(p => p.Stage);
        builder.Ignore(p => p.NextIssue);
        builder.HasIndex(p => p.AssessmentId).IsUnique();
        builder.HasIndex(p => new { p.LaCode, p.AssessmentId });
    }
}

internal sealed class PlanVersionConfiguration : IEntityTypeConfiguration<PlanVersion>
{
    public void Configure(EntityTypeBuilder<PlanVersion> builder)
    {
        builder.ToTable("ehc_plan_versions");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.LaCode).HasMaxLength(3);
        builder.Property(v => v.IssuedBy).HasMaxLength(200);
        builder.Property(v => v.Reason).HasMaxLength(2_000);
        builder.Property(v => v.Content).HasConversion(PlanContentJson.Converter, PlanContentJson.Comparer);
        builder.Property(v => v.Warnings).HasConversion(
            w => PlanJson.Serialize(w),
            json => PlanJson.Deserialize<List<PlanDefect>>(json),
            new ValueComparer<IReadOnlyList<PlanDefect>>((a, b) => a!.SequenceEqual(b!), w => w.Count, w => w));
        builder.Ignore(v => v.Label);
        builder.HasIndex(v => new { v.PlanId, v.Number }).IsUnique();
        builder.HasIndex(v => new { v.LaCode, v.PlanId });
    }
}

/// <summary>Plan content stored as its JSON form (<see cref="PlanJson"/>); compared by that form, since its lists compare by reference.</summary>
internal static class PlanContentJson
{
    public static readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<PlanContent, string> Converter =
        new(content => PlanJson.Serialize(content), json => PlanJson.Deserialize<PlanContent>(json));

    public static readonly ValueComparer<PlanContent> Comparer = new(
        (a, b) => ReferenceEquals(a, b) || (a != null && b != null && PlanJson.Serialize(a) == PlanJson.Serialize(b)),
        content => PlanJson.Serialize(content).GetHashCode(StringComparison.Ordinal),
        content => content);
}

internal sealed class PlanCommentConfiguration : IEntityTypeConfiguration<PlanComment>
{
    public void Configure(EntityTypeBuilder<PlanComment> builder)
    {
        builder.ToTable("ehc_plan_comments");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.LaCode).HasMaxLength(3);
        builder.Property(c => c.Text).HasMaxLength(5_000);
        builder.Property(c => c.MadeBy).HasMaxLength(100);
        builder.HasOne<EhcPlan>().WithMany().HasForeignKey(c => c.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.LaCode, c.PlanId, c.VersionNumber });
    }
}

internal sealed class ProvisionDeliveryReportConfiguration : IEntityTypeConfiguration<ProvisionDeliveryReport>
{
    public void Configure(EntityTypeBuilder<ProvisionDeliveryReport> builder)
    {
        builder.ToTable("provision_delivery_reports");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.LaCode).HasMaxLength(3);
        builder.Property(r => r.ReportedBy).HasMaxLength(200);
        builder.Property(r => r.Note).HasMaxLength(ProvisionDeliveryReport.NoteLimit);
        builder.Property(r => r.Answer).HasMaxLength(ProvisionDeliveryReport.NoteLimit);
        builder.Property(r => r.AnsweredBy).HasMaxLength(200);
        builder.HasOne<EhcPlan>().WithMany().HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.LaCode, r.AssessmentId, r.ProvisionId, r.ReportedAt });
    }
}

internal sealed class PlanAmendmentConfiguration : IEntityTypeConfiguration<PlanAmendment>
{
    public void Configure(EntityTypeBuilder<PlanAmendment> builder)
    {
        builder.ToTable("plan_amendments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.LaCode).HasMaxLength(3);
        builder.Property(a => a.RuleSetId).HasMaxLength(40);
        builder.Property(a => a.Reason).HasMaxLength(2_000);
        builder.Property(a => a.DecisionReasons).HasMaxLength(PlanAmendment.MaxReasonsLength);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Ignore(a => a.RuleSet);
        builder.Ignore(a => a.IsOpen);
        builder.Ignore(a => a.CommentsCloseOn);
        builder.Ignore(a => a.DueBy);
        builder.HasOne<EhcCase>().WithMany().HasForeignKey(a => a.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.LaCode, a.AssessmentId });
        // The deadline sweep's: the open amendments outside a review (a review's own clocks count the rest).
        builder.HasIndex(a => new { a.LaCode, a.RuleSetId, a.NoticeOn })
            .HasDatabaseName("ix_plan_amendments_open_outside_review")
            .HasFilter("concluded_on IS NULL AND review_id IS NULL");
    }
}
