using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Plans;
using OpenSend.Domain.Redress;

namespace OpenSend.Data.Redress;

internal sealed class MediationConfiguration : IEntityTypeConfiguration<Mediation>
{
    public void Configure(EntityTypeBuilder<Mediation> builder)
    {
        builder.ToTable("mediations");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.LaCode).HasMaxLength(3);
        builder.Property(m => m.RuleSetId).HasMaxLength(40);
        builder.Property(m => m.Decision).HasConversion<string>().HasMaxLength(40);
        builder.Property(m => m.Stage).HasConversion<string>().HasMaxLength(40);
        builder.Property(m => m.Outcome).HasConversion<string>().HasMaxLength(40);
        builder.Property(m => m.Issues).HasMaxLength(Mediation.TextLimit);
        builder.Property(m => m.AgreementSummary).HasMaxLength(Mediation.TextLimit);
        builder.Property(m => m.MediationServiceName).HasMaxLength(200);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.Ignore(m => m.RuleSet);
        builder.Ignore(m => m.AppealBy);
        builder.Ignore(m => m.AllowedActions);
        builder.HasOne<EhcCase>().WithMany().HasForeignKey(m => m.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.LaCode, m.AssessmentId });
        // A mediation service's mediators list the cases referred to them.
        builder.HasIndex(m => new { m.MediationServiceId, m.Stage });
    }
}

internal sealed class TribunalAppealConfiguration : IEntityTypeConfiguration<TribunalAppeal>
{
    public void Configure(EntityTypeBuilder<TribunalAppeal> builder)
    {
        builder.ToTable("tribunal_appeals");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.LaCode).HasMaxLength(3);
        builder.Property(a => a.RuleSetId).HasMaxLength(40);
        builder.Property(a => a.Decision).HasConversion<string>().HasMaxLength(40);
        builder.Property(a => a.Stage).HasConversion<string>().HasMaxLength(40);
        builder.Property(a => a.TribunalReference).HasMaxLength(40);
        builder.Property(a => a.OutcomeDetail).HasMaxLength(TribunalAppeal.TextLimit);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Property<List<PlanSection>>("_sections").HasColumnName("sections").JsonList();
        builder.Property<List<TribunalOrderKind>>("_orders").HasColumnName("orders").JsonList();
        builder.Property<List<TribunalRecommendation>>("_recommendations").HasColumnName("recommendations").JsonList();
        builder.Ignore(a => a.Sections);
        builder.Ignore(a => a.Orders);
        builder.Ignore(a => a.Recommendations);
        builder.Ignore(a => a.RuleSet);
        builder.Ignore(a => a.IsPending);
        builder.Ignore(a => a.IsLate);
        builder.Ignore(a => a.SectionIOnly);
        builder.Ignore(a => a.Dismissed);
        builder.Ignore(a => a.AllowedActions);
        builder.HasOne<EhcCase>().WithMany().HasForeignKey(a => a.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.LaCode, a.AssessmentId });
        builder.HasIndex(a => new { a.LaCode, a.Stage });
    }
}

internal sealed class ComplaintConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> builder)
    {
        builder.ToTable("complaints");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.LaCode).HasMaxLength(3);
        builder.Property(c => c.MadeBy).HasMaxLength(200);
        builder.Property(c => c.Stage).HasConversion<string>().HasMaxLength(40);
        builder.Property(c => c.Summary).HasMaxLength(Complaint.TextLimit);
        builder.Property(c => c.StageOneAnswer).HasMaxLength(Complaint.TextLimit);
        builder.Property(c => c.StageTwoAnswer).HasMaxLength(Complaint.TextLimit);
        builder.Property(c => c.OmbudsmanDecision).HasMaxLength(Complaint.TextLimit);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.IsOpen);
        builder.Ignore(c => c.AllowedActions);
        builder.HasOne<EhcCase>().WithMany().HasForeignKey(c => c.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.LaCode, c.AssessmentId });
        builder.HasIndex(c => new { c.LaCode, c.Stage });
    }
}

internal static class JsonColumns
{
    /// <summary>A list kept as one JSON document in the national format's conventions (enums by name), compared by content.</summary>
    public static PropertyBuilder<List<T>> JsonList<T>(this PropertyBuilder<List<T>> property) =>
        property.HasConversion(
                list => PlanJson.Serialize(list),
                json => PlanJson.Deserialize<List<T>>(json),
                new ValueComparer<List<T>>(
                    (a, b) => a != null && b != null && a.SequenceEqual(b),
                    list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item)),
                    list => list.ToList()))
            .HasMaxLength(20_000);

    /// <summary>The same for a read-only list the aggregate replaces whole.</summary>
    public static PropertyBuilder<IReadOnlyList<T>> JsonList<T>(this PropertyBuilder<IReadOnlyList<T>> property) =>
        property.HasConversion(
                list => PlanJson.Serialize(list),
                json => PlanJson.Deserialize<List<T>>(json),
                new ValueComparer<IReadOnlyList<T>>(
                    (a, b) => a != null && b != null && a.SequenceEqual(b),
                    list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item)),
                    list => list.ToList()))
            .HasMaxLength(20_000);
}
