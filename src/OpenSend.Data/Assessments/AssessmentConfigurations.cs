using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenSend.Data.Redress;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.LocalAuthorities;

namespace OpenSend.Data.Assessments;

internal sealed class EhcCaseConfiguration : IEntityTypeConfiguration<EhcCase>
{
    public void Configure(EntityTypeBuilder<EhcCase> builder)
    {
        builder.ToTable("ehc_needs_assessments");
        builder.HasKey(a => a.Id);
        // Ids are made by the domain, so EF must insert new rows it finds in collections rather than update them.
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.LaCode).HasMaxLength(3);
        builder.HasOne<LocalAuthority>().WithMany().HasForeignKey(a => a.LaCode).OnDelete(DeleteBehavior.Restrict);
        builder.Property(a => a.Reference).HasMaxLength(20);
        builder.Property(a => a.ReasonForRequest).HasMaxLength(10_000);
        builder.Property(a => a.RuleSetId).HasMaxLength(40);
        builder.Property(a => a.RequestedSetting).HasMaxLength(200);
        builder.Property(a => a.NamedSetting).HasMaxLength(200);
        builder.Property(a => a.CaseworkerName).HasMaxLength(200);
        builder.Property(a => a.CaseworkerEmail).HasMaxLength(320);
        // "My cases" and "unassigned" on the caseload, and the manager's workload by caseworker.
        builder.HasIndex(a => new { a.LaCode, a.CaseworkerPersonId });
        builder.Property(a => a.TransferredToLaCode).HasMaxLength(3);
        builder.Property(a => a.TransferredFromLaCode).HasMaxLength(3);
        builder.Property(a => a.TrackingTokenHash).HasMaxLength(64);
        builder.Property(a => a.Version).IsConcurrencyToken();

        builder.ComplexProperty(a => a.Child, child =>
        {
            child.Property(c => c.GivenName).HasColumnName("child_given_name").HasMaxLength(100);
            child.Property(c => c.FamilyName).HasColumnName("child_family_name").HasMaxLength(100);
            child.Property(c => c.DateOfBirth).HasColumnName("child_date_of_birth");
            child.Ignore(c => c.FullName);
        });
        builder.ComplexProperty(a => a.ChildDetails, details =>
        {
            details.Property(d => d.Sex).HasColumnName("child_sex");
            details.Property(d => d.Ethnicity).HasColumnName("child_ethnicity").HasMaxLength(4);
            details.Property(d => d.Postcode).HasColumnName("child_postcode").HasMaxLength(10);
            details.Property(d => d.Upn).HasColumnName("child_upn").HasMaxLength(13);
            details.Property(d => d.Uln).HasColumnName("child_uln").HasMaxLength(10);
            details.Property(d => d.UpnUnknownReason).HasColumnName("child_upn_unknown_reason").HasMaxLength(3);
        });
        builder.ComplexProperty(a => a.Requester, requester =>
        {
            requester.Property(r => r.Kind).HasColumnName("requester_kind");
            requester.Property(r => r.Name).HasColumnName("requester_name").HasMaxLength(200);
            requester.Property(r => r.Email).HasColumnName("requester_email").HasMaxLength(320);
            requester.Property(r => r.Phone).HasColumnName("requester_phone").HasMaxLength(40);
            requester.Property(r => r.Organisation).HasColumnName("requester_organisation").HasMaxLength(200);
        });

        builder.HasMany(a => a.AdviceRequests).WithOne().HasForeignKey(r => r.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.PanelRecommendations).WithOne().HasForeignKey(r => r.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Exceptions).WithOne().HasForeignKey(r => r.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Timeline).WithOne().HasForeignKey(r => r.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        foreach (var navigation in new[] { nameof(EhcCase.AdviceRequests), nameof(EhcCase.PanelRecommendations), nameof(EhcCase.Exceptions), nameof(EhcCase.Timeline) })
        {
            builder.Navigation(navigation).UsePropertyAccessMode(PropertyAccessMode.Field);
        }

        builder.Ignore(a => a.RuleSet);
        builder.Ignore(a => a.IsOpen);
        builder.Ignore(a => a.RepresentationsCloseOn);
        builder.Ignore(a => a.AllowedActions);
        builder.Ignore(a => a.YoungPersonFrom);
        builder.Ignore(a => a.RequesterAccessEnded);
        builder.Ignore(a => a.ReassessmentOpen);
        builder.Property(a => a.ReassessmentRequestedBy).HasMaxLength(200);
        builder.Property(a => a.DuringDisagreementSetting).HasMaxLength(200);
        builder.Property(a => a.Contact).HasColumnName("contact_preferences").HasConversion(
            contact => contact == null ? null : OpenSend.Domain.Plans.PlanJson.Serialize(contact),
            json => json == null ? null : OpenSend.Domain.Plans.PlanJson.Deserialize<ContactPreferences>(json));
        builder.Property(a => a.Orders).HasColumnName("tribunal_orders").JsonList();
        builder.Property(a => a.LacksCapacity).HasColumnName("lacks_capacity").HasConversion(
            record => record == null ? null : OpenSend.Domain.Plans.PlanJson.Serialize(record),
            json => json == null ? null : OpenSend.Domain.Plans.PlanJson.Deserialize<CapacityRecord>(json));

        // Every query is scoped by LA; the caseload sorts open cases by their next deadline.
        builder.HasIndex(a => new { a.LaCode, a.Reference }).IsUnique();
        builder.HasIndex(a => a.TrackingTokenHash).IsUnique();
        builder.HasIndex(a => new { a.LaCode, a.Stage, a.NextDeadlineOn });
        builder.HasIndex(a => new { a.LaCode, a.NextDeadlineOn });
    }
}

internal sealed class AdviceRequestConfiguration : IEntityTypeConfiguration<AdviceRequest>
{
    public void Configure(EntityTypeBuilder<AdviceRequest> builder)
    {
        builder.ToTable("advice_requests");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.LaCode).HasMaxLength(3);
        builder.Property(a => a.AdviserName).HasMaxLength(200);
        builder.HasIndex(a => new { a.LaCode, a.AssessmentId });
        // An adviser's caseload (CaseAccess) finds the cases their organisation was asked to advise on across LAs;
        // without this every adviser page read all of England's advice requests (bench/load.sh, docs/benchmarks.md).
        builder.HasIndex(a => new { a.AdviserOrganisationId, a.AssessmentId });
    }
}

internal sealed class PanelRecommendationConfiguration : IEntityTypeConfiguration<PanelRecommendation>
{
    public void Configure(EntityTypeBuilder<PanelRecommendation> builder)
    {
        builder.ToTable("panel_recommendations");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.LaCode).HasMaxLength(3);
        builder.Property(p => p.Notes).HasMaxLength(10_000);
        builder.HasIndex(p => new { p.LaCode, p.AssessmentId });
    }
}

internal sealed class PathwayExceptionConfiguration : IEntityTypeConfiguration<PathwayException>
{
    public void Configure(EntityTypeBuilder<PathwayException> builder)
    {
        builder.ToTable("pathway_exceptions");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.LaCode).HasMaxLength(3);
        builder.Property(e => e.Explanation).HasMaxLength(10_000);
        builder.Property(e => e.Basis).HasMaxLength(500);
        builder.Property(e => e.RecordedByName).HasMaxLength(200);
        builder.PrimitiveCollection(e => e.Steps).ElementType(step => step.HasConversion<string>());
        builder.HasIndex(e => new { e.LaCode, e.AssessmentId });
    }
}

internal sealed class PathwayEventConfiguration : IEntityTypeConfiguration<PathwayEvent>
{
    public void Configure(EntityTypeBuilder<PathwayEvent> builder)
    {
        builder.ToTable("pathway_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.LaCode).HasMaxLength(3);
        builder.Property(e => e.RecordedById).HasMaxLength(100);
        builder.Property(e => e.RecordedByName).HasMaxLength(200);
        builder.Property(e => e.RecordedByRole).HasMaxLength(40);
        builder.Property(e => e.LegalBasis).HasMaxLength(500);
        builder.Property(e => e.Summary).HasMaxLength(1_000);
        builder.Property(e => e.FamilySummary).HasMaxLength(1_000);
        builder.Property(e => e.Detail).HasMaxLength(20_000);
        builder.HasIndex(e => new { e.LaCode, e.AssessmentId, e.OccurredOn });
    }
}
