using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Plans;
using OpenSend.Domain.Reviews;

namespace OpenSend.Data.Reviews;

internal sealed class EarlyReviewRequestConfiguration : IEntityTypeConfiguration<EarlyReviewRequest>
{
    public void Configure(EntityTypeBuilder<EarlyReviewRequest> builder)
    {
        builder.ToTable("early_review_requests");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.LaCode).HasMaxLength(3);
        builder.Property(r => r.AskedByName).HasMaxLength(200);
        builder.Property(r => r.Reasons).HasMaxLength(EarlyReviewRequest.ReasonsLimit);
        builder.Property(r => r.DecisionReasons).HasMaxLength(EarlyReviewRequest.ReasonsLimit);
        builder.Property(r => r.DecidedBy).HasMaxLength(200);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => new { r.LaCode, r.AssessmentId });
    }
}

internal sealed class AnnualReviewConfiguration : IEntityTypeConfiguration<AnnualReview>
{
    public void Configure(EntityTypeBuilder<AnnualReview> builder)
    {
        builder.ToTable("annual_reviews");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.LaCode).HasMaxLength(3);
        builder.Property(r => r.RuleSetId).HasMaxLength(40);
        builder.Property(r => r.DecisionReasons).HasMaxLength(5_000);
        builder.Property(r => r.Report).HasColumnName("report").HasConversion(
            report => report == null ? null : PlanJson.Serialize(report),
            json => json == null ? null : PlanJson.Deserialize<ReviewReport>(json));
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Ignore(r => r.RuleSet);
        builder.Ignore(r => r.IsOpen);
        builder.HasOne<EhcCase>().WithMany().HasForeignKey(r => r.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.LaCode, r.Stage, r.DueBy });
        builder.HasIndex(r => new { r.SettingOrganisationId, r.Stage });
        builder.HasIndex(r => r.AssessmentId);
        // The deadline sweep's: only the open reviews (a fifth of them; the rest are decided), holding
        // every fact their clocks depend on, so England's are counted from the index alone rather than
        // by reading 3.5 GB of reviews with their reports (docs/benchmarks.md, benchmark 2).
        builder.HasIndex(r => new
        {
            r.LaCode,
            r.RuleSetId,
            r.DueBy,
            r.MeetingOn,
            r.InvitationsSentOn,
            r.PapersCirculatedOn,
            r.MeetingHeldOn,
            r.ReportSentOn,
            r.DecidedOn,
            r.Decision,
            r.AmendmentNoticeOn,
            r.AmendedPlanIssuedOn,
            r.PhaseTransfer,
            r.PhaseTransferDueBy,
        })
            .HasDatabaseName("ix_annual_reviews_open_clock_facts")
            .HasFilter("stage <> 'Completed' AND stage <> 'Ended'");
    }
}

internal sealed class ReviewContributionConfiguration : IEntityTypeConfiguration<ReviewContribution>
{
    public void Configure(EntityTypeBuilder<ReviewContribution> builder)
    {
        builder.ToTable("review_contributions");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.LaCode).HasMaxLength(3);
        builder.Property(c => c.AuthorName).HasMaxLength(200);
        builder.Property(c => c.OrganisationName).HasMaxLength(200);
        builder.Property(c => c.ChildViews).HasMaxLength(ReviewContribution.MaxLength);
        builder.Property(c => c.Text).HasMaxLength(ReviewContribution.MaxLength);
        builder.HasOne<AnnualReview>().WithMany().HasForeignKey(c => c.ReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.LaCode, c.ReviewId });
        builder.HasIndex(c => c.AssessmentId);
    }
}
