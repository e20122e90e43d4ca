using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenSend.Data.Access;
using OpenSend.Data.Assessments;
using OpenSend.Data.Audit;
using OpenSend.Data.Database;
using OpenSend.Data.Plans;
using OpenSend.Domain.Advice;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Common;
using OpenSend.Domain.Documents;
using OpenSend.Domain.Plans;
using OpenSend.Domain.Timescales;

namespace OpenSend.Data.Advice;

/// <summary>One request for advice as its adviser sees it in their list: whose, from which LA, and when it is due (reg 8(1)).</summary>
public sealed record AdviceDue(
    Guid AdviceRequestId,
    Guid AssessmentId,
    string CaseReference,
    string ChildName,
    string LaName,
    AdviserKind Kind,
    string AdviserName,
    DateOnly RequestedOn,
    DateOnly DueOn,
    DateOnly? ReceivedOn,
    bool Started);

/// <summary>One request for advice with what the adviser has written so far, and the reports attached to it.</summary>
public sealed record AdviceInProgress(
    EhcCase Assessment,
    AdviceRequest Request,
    DateOnly DueOn,
    AdviceContribution? Contribution,
    IReadOnlyList<CaseDocument> Reports,
    bool CanWrite)
{
    public PlanContent Content => Contribution?.Content ?? PlanContent.Empty;

    public int Version => Contribution?.Version ?? 0;

    public AdviceSource Source => new(Request.Id, Request.AdviserName, Request.Kind, Request.ReceivedOn);
}

/// <summary>
/// Advisers giving advice through OpenSEND (reg 6, reg 8): their list of requests with due dates,
/// writing the advice, and sending it, which records it as received on the pathway in the same
/// transaction as the audit record. Only the organisation asked may write; the responsible LA's
/// staff may read what was sent. Advice already recorded as received (on paper, say) cannot be
/// written here.
/// </summary>
public sealed class AdviceGiving(OpenSendDbContext db, CaseSteps steps, TimeProvider time)
{
    /// <summary>Every request made of the viewer's organisation, open ones first by due date.</summary>
    public async Task<IReadOnlyList<AdviceDue>> ListAsync(RequestContext context, CancellationToken cancellationToken = default)
    {
        if (context.Viewer is not { IsStaff: true, OrganisationId: { } organisationId })
        {
            return [];
        }

        var rows = await db.ReadableBy(context.Viewer)
            .SelectMany(a => a.AdviceRequests.Where(r => r.AdviserOrganisationId == organisationId), (a, r) => new
            {
                r.Id,
                AssessmentId = a.Id,
                a.Reference,
                a.Child,
                a.LaCode,
                a.RuleSetId,
                r.Kind,
                r.AdviserName,
                r.RequestedOn,
                r.ReceivedOn,
                Started = db.AdviceContributions.Any(c => c.AdviceRequestId == r.Id),
            })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        var laNames = await db.LocalAuthorities.AsNoTracking().ToDictionaryAsync(l => l.Code, l => l.Name, cancellationToken);
        return rows
            .Select(r => new AdviceDue(r.Id, r.AssessmentId, r.Reference, r.Child.FullName, laNames.GetValueOrDefault(r.LaCode, r.LaCode),
                r.Kind, r.AdviserName, r.RequestedOn, DueOn(r.RuleSetId, r.RequestedOn), r.ReceivedOn, r.Started))
            .OrderBy(r => r.ReceivedOn is not null)
            .ThenBy(r => r.DueOn)
            .ThenBy(r => r.CaseReference, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The request and its advice, for its adviser or the responsible LA's staff; the read is audited.</summary>
    /// <remarks>
    /// With <paramref name="forStep"/> (a page's POST, about to record a step the write audits) the read
    /// writes no "viewed" row and saves nothing, so a step is one audit row and one commit.
    /// </remarks>
    public async Task<AdviceInProgress> GetAsync(RequestContext context, Guid adviceRequestId, CancellationToken cancellationToken = default, bool forStep = false)
    {
        var viewed = await LoadAsync(context, adviceRequestId, cancellationToken);
        if (!forStep)
        {
            db.AuditRecords.Add(AuditRecord.For(context, viewed.Assessment.LaCode, viewed.Assessment.Id, AuditActions.AdviceViewed, time.GetUtcNow(), viewed.Request.AdviserName));
            await db.SaveChangesAsync(cancellationToken);
        }

        return viewed;
    }

    /// <summary>Every piece of advice sent through OpenSEND on a case, for the caseworker drafting the plan.</summary>
    public async Task<IReadOnlyList<AdviceInProgress>> SentOnCaseAsync(EhcCase assessment, CancellationToken cancellationToken = default)
    {
        var sent = await db.AdviceContributions.AsNoTracking()
            .Where(c => c.LaCode == assessment.LaCode && c.AssessmentId == assessment.Id && c.SentAt != null)
            .ToListAsync(cancellationToken);
        return sent
            .Select(c => assessment.AdviceRequests.FirstOrDefault(r => r.Id == c.AdviceRequestId) is { } request
                ? new AdviceInProgress(assessment, request, DueOn(assessment.RuleSetId, request.RequestedOn), c, [], CanWrite: false)
                : null)
            .OfType<AdviceInProgress>()
            .OrderBy(a => a.Request.RequestedOn)
            .ToList();
    }

    public Task WriteSummaryAsync(RequestContext context, Guid adviceRequestId, int expectedVersion, string? summary, CancellationToken cancellationToken = default) =>
        ChangeAsync(context, adviceRequestId, expectedVersion, (c, now) => c.WriteSummary(summary, now), AuditActions.AdviceSummarySaved, "Summary saved.", cancellationToken);

    public Task ChangeContentAsync(RequestContext context, Guid adviceRequestId, int expectedVersion, Func<PlanContent, PlanContent> change, string detail, CancellationToken cancellationToken = default) =>
        ChangeAsync(context, adviceRequestId, expectedVersion, (c, now) => c.Change(change, now), AuditActions.AdviceChanged, detail, cancellationToken);

    /// <summary>
    /// Sends the advice: it can no longer change, and the request is recorded as received today on
    /// the pathway (reg 8(1)'s clock stops), with the audit record, in one transaction.
    /// </summary>
    public async Task SendAsync(RequestContext context, Guid adviceRequestId, int expectedVersion, CancellationToken cancellationToken = default)
    {
        var (writing, loaded) = await BeginAsync(context, adviceRequestId, cancellationToken);
        var contribution = loaded.Contribution ?? throw new StepRefusedException("advice-summary-missing", "Write a summary of your advice before you send it.");
        RequireVersion(contribution, expectedVersion);
        contribution.Send(context.Actor.DisplayName, writing.Now);
        loaded.Assessment.RecordAdviceReceived(adviceRequestId, writing.Today, context.Actor, writing.Now);
        await writing.CommitAsync(AuditActions.AdviceSent,
            $"{loaded.Request.Kind.Title()} from {loaded.Request.AdviserName}: {contribution.Content.Needs.Count} needs, {contribution.Content.Outcomes.Count} outcomes, {contribution.Content.Provision.Count} provision.", "advice", cancellationToken);
    }

    /// <summary>Whether <paramref name="context"/> may attach a report to this request now (its adviser, while the advice is due).</summary>
    public async Task<bool> MayAttachReportAsync(RequestContext context, Guid assessmentId, Guid adviceRequestId, CancellationToken cancellationToken = default) =>
        context.Viewer is { IsStaff: true, OrganisationId: { } organisationId }
        && await db.ReadableBy(context.Viewer).AnyAsync(a => a.Id == assessmentId
            && a.AdviceRequests.Any(r => r.Id == adviceRequestId && r.AdviserOrganisationId == organisationId && r.ReceivedOn == null), cancellationToken);

    private static DateOnly DueOn(string ruleSetId, DateOnly requestedOn) =>
        RuleSetCatalogue.Get(ruleSetId).Rule(StatutoryStep.AdviceProvided).DueFrom(requestedOn);

    private async Task ChangeAsync(RequestContext context, Guid adviceRequestId, int expectedVersion, Action<AdviceContribution, DateTimeOffset> change, AuditAction auditAction, string detail, CancellationToken cancellationToken)
    {
        var (writing, loaded) = await BeginAsync(context, adviceRequestId, cancellationToken);
        var now = writing.Now;
        var contribution = loaded.Contribution;
        if (contribution is null)
        {
            contribution = AdviceContribution.Start(loaded.Assessment.Id, loaded.Assessment.LaCode, adviceRequestId, now);
            db.AdviceContributions.Add(contribution);
        }
        else
        {
            RequireVersion(contribution, expectedVersion);
        }

        change(contribution, now);
        await writing.CommitAsync(auditAction, detail, "advice", cancellationToken);
    }

    /// <summary>A step on advice: the case through <see cref="CaseSteps"/>, and the advice, which only its adviser may write while it is due.</summary>
    private async Task<(CaseStep, AdviceInProgress)> BeginAsync(RequestContext context, Guid adviceRequestId, CancellationToken cancellationToken)
    {
        var writing = await steps.BeginAsync(context, a => a.AdviceRequests.Any(r => r.Id == adviceRequestId), StepBy.AnyoneWhoSeesTheCase, cancellationToken);
        var loaded = await InProgressAsync(context, writing.Case, adviceRequestId, tracked: true, cancellationToken);
        RequireWriter(loaded);
        return (writing, loaded);
    }

    private async Task<AdviceInProgress> LoadAsync(RequestContext context, Guid adviceRequestId, CancellationToken cancellationToken)
    {
        var assessment = await db.ReadableBy(context.Viewer, db.WholeCases).AsNoTracking()
            .SingleOrDefaultAsync(a => a.AdviceRequests.Any(r => r.Id == adviceRequestId), cancellationToken)
            ?? throw new CaseNotFoundException();
        return await InProgressAsync(context, assessment, adviceRequestId, tracked: false, cancellationToken);
    }

    private async Task<AdviceInProgress> InProgressAsync(RequestContext context, EhcCase assessment, Guid adviceRequestId, bool tracked, CancellationToken cancellationToken)
    {
        var request = assessment.AdviceRequests.Single(r => r.Id == adviceRequestId);
        var isAdviser = context.Viewer.IsStaff && context.Viewer.OrganisationId is { } organisationId && request.AdviserOrganisationId == organisationId;
        if (!isAdviser && !context.Viewer.IsLaStaff)
        {
            // A setting linked to the case, say, sees the case but not another adviser's work in progress.
            throw new CaseNotFoundException();
        }

        var contributions = db.AdviceContributions.Where(c => c.LaCode == assessment.LaCode && c.AdviceRequestId == adviceRequestId);
        var contribution = await (tracked ? contributions : contributions.AsNoTracking()).SingleOrDefaultAsync(cancellationToken);
        if (!isAdviser && contribution is { IsSent: false })
        {
            contribution = null;
        }

        var reports = await db.Set<CaseDocument>().AsNoTracking()
            .Where(d => d.LaCode == assessment.LaCode && d.AssessmentId == assessment.Id && d.AdviceRequestId == adviceRequestId)
            .OrderBy(d => d.UploadedAt).ToListAsync(cancellationToken);
        return new AdviceInProgress(assessment, request, DueOn(assessment.RuleSetId, request.RequestedOn), contribution, reports,
            CanWrite: isAdviser && request.ReceivedOn is null && contribution is not { IsSent: true });
    }

    private static void RequireWriter(AdviceInProgress loaded)
    {
        if (loaded.CanWrite)
        {
            return;
        }

        if (loaded.Contribution is { IsSent: true } || loaded.Request.ReceivedOn is not null)
        {
            throw new StepRefusedException("advice-already-sent",
                $"The council has had this advice since {UkCalendar.InWords(loaded.Request.ReceivedOn ?? UkCalendar.DateOf(loaded.Contribution!.SentAt!.Value))}, so it can no longer be changed here. Contact the council's caseworker to add to it.");
        }

        throw new CaseAccessDeniedException();
    }

    private static void RequireVersion(AdviceContribution contribution, int expectedVersion)
    {
        if (contribution.Version != expectedVersion)
        {
            throw ChangedMeanwhile();
        }
    }

    private static StepRefusedException ChangedMeanwhile() => StepRefusedException.ChangedBySomeoneElse("advice");
}

internal sealed class FamilyViewsConfiguration : IEntityTypeConfiguration<FamilyViews>
{
    public void Configure(EntityTypeBuilder<FamilyViews> builder)
    {
        builder.ToTable("family_views");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.LaCode).HasMaxLength(3);
        builder.Property(v => v.SentBy).HasMaxLength(100);
        builder.Property(v => v.Views).HasColumnName("views").HasConversion(
            views => PlanJson.Serialize(views),
            json => PlanJson.Deserialize<ViewsAndAspirations>(json));
        builder.HasOne<EhcCase>().WithOne().HasForeignKey<FamilyViews>(v => v.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(v => v.AssessmentId).IsUnique();
        builder.HasIndex(v => new { v.LaCode, v.AssessmentId });
    }
}

internal sealed class AdviceContributionConfiguration : IEntityTypeConfiguration<AdviceContribution>
{
    public void Configure(EntityTypeBuilder<AdviceContribution> builder)
    {
        builder.ToTable("advice_contributions");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.LaCode).HasMaxLength(3);
        builder.Property(c => c.Summary).HasMaxLength(20_000);
        builder.Property(c => c.SentBy).HasMaxLength(200);
        // The recommendations are plan-shaped content, stored as the plan's JSON (decision 0008).
        builder.Property(c => c.Content).HasColumnName("content").HasConversion(PlanContentJson.Converter, PlanContentJson.Comparer);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.IsSent);
        builder.Ignore(c => c.IsEmpty);
        builder.HasOne<EhcCase>().WithMany().HasForeignKey(c => c.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AdviceRequest>().WithOne().HasForeignKey<AdviceContribution>(c => c.AdviceRequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.AdviceRequestId).IsUnique();
        builder.HasIndex(c => new { c.LaCode, c.AssessmentId });
    }
}
