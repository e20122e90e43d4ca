using Microsoft.EntityFrameworkCore;
using OpenSend.Data.Access;
using OpenSend.Data.Assessments;
using OpenSend.Data.Audit;
using OpenSend.Data.Database;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Common;
using OpenSend.Domain.Identity;
using OpenSend.Domain.Plans;
using OpenSend.Domain.Reviews;
using OpenSend.Domain.Timescales;

namespace OpenSend.Data.Reviews;

/// <summary>
/// A review with its case and plan, what the viewer may do with it, and the advice and views given
/// for it that the viewer may read: all of them for the council and the leading setting; for anyone
/// else their own, and everyone's once the papers are circulated (reg 20(4)).
/// </summary>
public sealed record ViewedReview(AnnualReview Review, EhcCase Assessment, EhcPlan? Plan, string? SettingName, bool CanManage, bool CanLead,
    IReadOnlyList<ReviewContribution> Contributions)
{
    public PlanContent PlanContent => Plan?.LatestFinal?.Content ?? PlanContent.Empty;

    /// <summary>Whether the viewer may give advice or views now: anyone who can see the case, while the meeting is ahead.</summary>
    public bool CanContribute => ReviewTransitions.IsAllowed(Review.Stage, ReviewAction.Contribute);
}

/// <summary>One outcome's progress at one review.</summary>
public sealed record ProgressPoint(DateOnly ReviewedOn, OutcomeProgress Progress, string Evidence);

/// <summary>An outcome of the plan and its progress across reviews, oldest first ("celebrating progress").</summary>
public sealed record OutcomeTimeline(Guid OutcomeId, string Outcome, IReadOnlyList<ProgressPoint> Points);

/// <summary>One row of a review list: the SENCO's reviews and the LA's board.</summary>
public sealed record ReviewRow(
    Guid Id,
    Guid AssessmentId,
    string CaseReference,
    string ChildName,
    string? SettingName,
    ReviewStage Stage,
    DateOnly DueBy,
    DateOnly? MeetingOn,
    PhaseTransferKind? PhaseTransfer,
    DateOnly? PhaseTransferDueBy,
    DateOnly? NextDeadline,
    string? NextDeadlineTitle,
    bool Overdue);

/// <summary>A review with the case details a list shows.</summary>
internal sealed record ReviewedCase(AnnualReview Review, string Reference, Child Child);

/// <summary>
/// Reading reviews: one review with what the viewer may do, a case's reviews and its outcomes'
/// progress, a setting's list and the LA's board. Reading one review is audited.
/// </summary>
public sealed class ReviewQueries(OpenSendDbContext db, TimeProvider time)
{
    /// <remarks>
    /// With <paramref name="forStep"/> (a page's POST, about to record a step the write audits) the read
    /// writes no "viewed" row and saves nothing, so a step is one audit row and one commit.
    /// </remarks>
    public async Task<ViewedReview> GetAsync(RequestContext context, Guid reviewId, CancellationToken cancellationToken = default, bool forStep = false)
    {
        var viewed = await LoadAsync(context, reviewId, cancellationToken);
        if (!forStep)
        {
            db.AuditRecords.Add(AuditRecord.For(context, viewed.Assessment.LaCode, viewed.Assessment.Id, AuditActions.ReviewViewed, time.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
        }

        return viewed;
    }

    /// <summary>The review a family or professional is most likely looking for: the open one, else the latest. Null when none is scheduled. Audited.</summary>
    public async Task<ViewedReview?> CurrentOfCaseAsync(RequestContext context, Guid assessmentId, CancellationToken cancellationToken = default)
    {
        var laCode = await db.ReadableBy(context.Viewer).Where(a => a.Id == assessmentId).Select(a => a.LaCode).SingleOrDefaultAsync(cancellationToken)
            ?? throw new CaseNotFoundException();
        var reviewId = await db.AnnualReviews.AsNoTracking().Where(r => r.LaCode == laCode && r.AssessmentId == assessmentId)
            .OrderBy(r => r.Stage == ReviewStage.Completed || r.Stage == ReviewStage.Ended).ThenByDescending(r => r.DueBy)
            .Select(r => (Guid?)r.Id).FirstOrDefaultAsync(cancellationToken);
        return reviewId is { } id ? await GetAsync(context, id, cancellationToken) : null;
    }

    /// <summary>The reviews of a case the viewer may see, newest first.</summary>
    public async Task<IReadOnlyList<AnnualReview>> OfCaseAsync(RequestContext context, Guid assessmentId, CancellationToken cancellationToken = default)
    {
        var laCode = await db.ReadableBy(context.Viewer).Where(a => a.Id == assessmentId).Select(a => a.LaCode).SingleOrDefaultAsync(cancellationToken)
            ?? throw new CaseNotFoundException();
        return await db.AnnualReviews.AsNoTracking().Where(r => r.LaCode == laCode && r.AssessmentId == assessmentId)
            .OrderByDescending(r => r.DueBy).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Each outcome's progress across the reviews whose reports are in, for anyone who may see the
    /// case, the family included. Outcomes are matched by their id, which stays the same across
    /// versions of the plan.
    /// </summary>
    public async Task<IReadOnlyList<OutcomeTimeline>> ProgressAsync(RequestContext context, Guid assessmentId, CancellationToken cancellationToken = default)
    {
        var laCode = await db.ReadableBy(context.Viewer).Where(a => a.Id == assessmentId).Select(a => a.LaCode).SingleOrDefaultAsync(cancellationToken)
            ?? throw new CaseNotFoundException();
        var reported = await db.AnnualReviews.AsNoTracking()
            .Where(r => r.LaCode == laCode && r.AssessmentId == assessmentId && r.ReportSentOn != null)
            .ToListAsync(cancellationToken);
        return reported
            .Where(r => r.Report is not null)
            .SelectMany(r => r.Report!.Progress.Select(p => (p.OutcomeId, p.Outcome, Point: new ProgressPoint(r.MeetingHeldOn ?? r.ReportSentOn!.Value, p.Progress, p.Evidence))))
            .GroupBy(p => p.OutcomeId)
            .Select(g => new OutcomeTimeline(g.Key, g.OrderBy(p => p.Point.ReviewedOn).Last().Outcome, g.Select(p => p.Point).OrderBy(p => p.ReviewedOn).ToList()))
            .OrderBy(t => t.Outcome, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The reviews a setting leads, open and due within 12 weeks or already under way.</summary>
    public async Task<IReadOnlyList<ReviewRow>> ForSettingAsync(RequestContext context, CancellationToken cancellationToken = default)
    {
        if (context.Viewer is not { IsStaff: true, OrganisationKind: OrganisationKind.Setting, OrganisationId: { } settingId })
        {
            return [];
        }

        var today = UkCalendar.DateOf(time.GetUtcNow());
        var horizon = today.AddDays(7 * ReviewMeasures.SettingHorizonWeeks);
        var reviews = await WithCasesAsync(db.ReadableBy(context.Viewer), db.AnnualReviews.AsNoTracking().Where(AnnualReview.Open).Where(r => r.SettingOrganisationId == settingId
            && (r.DueBy <= horizon || r.Stage != ReviewStage.Due)), cancellationToken);
        return Rows(reviews, await SettingNamesAsync(reviews, cancellationToken), today);
    }

    /// <summary>The LA's review board: every open review, overdue first, and the counts for the LA and each setting.</summary>
    public async Task<(IReadOnlyList<ReviewRow> Rows, IReadOnlyList<ReviewCounts> Counts)> BoardAsync(RequestContext context, CancellationToken cancellationToken = default)
    {
        var laCode = context.LaCode ?? throw new CaseAccessDeniedException();
        var today = UkCalendar.DateOf(time.GetUtcNow());
        // One read of the LA's reviews serves both the open rows and the counts, which need the closed ones too.
        var all = await WithCasesAsync(db.Assessments.Where(a => a.LaCode == laCode), db.AnnualReviews.AsNoTracking().Where(r => r.LaCode == laCode), cancellationToken);
        var names = await SettingNamesAsync(all, cancellationToken);
        var reviews = all.Select(c => c.Review).ToList();
        var counts = new List<ReviewCounts> { ReviewMeasures.Count("All settings", reviews, today) };
        counts.AddRange(reviews.Where(r => r.SettingOrganisationId is not null).GroupBy(r => r.SettingOrganisationId!.Value)
            .Select(g => ReviewMeasures.Count(names.GetValueOrDefault(g.Key, "A setting"), g.ToList(), today))
            .OrderBy(c => c.Scope, StringComparer.Ordinal));
        return (Rows(all.Where(c => c.Review.IsOpen), names, today), counts);
    }

    private async Task<List<ReviewedCase>> WithCasesAsync(IQueryable<EhcCase> cases, IQueryable<AnnualReview> reviews, CancellationToken cancellationToken) =>
        await reviews.Join(cases, r => r.AssessmentId, a => a.Id, (r, a) => new ReviewedCase(r, a.Reference, a.Child)).ToListAsync(cancellationToken);

    private static IReadOnlyList<ReviewRow> Rows(IEnumerable<ReviewedCase> reviews, IReadOnlyDictionary<Guid, string> settingNames, DateOnly today) =>
        reviews
            .Select(c =>
            {
                var next = c.Review.Deadlines(today).Where(d => d.IsOpen).MinBy(d => d.Deadline.Due);
                return new ReviewRow(c.Review.Id, c.Review.AssessmentId, c.Reference, c.Child.FullName,
                    c.Review.SettingOrganisationId is { } s ? settingNames.GetValueOrDefault(s) : null, c.Review.Stage, c.Review.DueBy, c.Review.MeetingOn,
                    c.Review.PhaseTransfer, c.Review.PhaseTransferDueBy, next?.Deadline.Due, next?.Deadline.Title, next?.State == DeadlineState.Overdue);
            })
            .OrderByDescending(r => r.Overdue)
            .ThenBy(r => r.NextDeadline ?? r.DueBy)
            .ToList();

    private async Task<Dictionary<Guid, string>> SettingNamesAsync(IReadOnlyCollection<ReviewedCase> reviews, CancellationToken cancellationToken)
    {
        var ids = reviews.Select(c => c.Review.SettingOrganisationId).OfType<Guid>().Distinct().ToList();
        return ids.Count == 0 ? [] : await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
    }

    private async Task<ViewedReview> LoadAsync(RequestContext context, Guid reviewId, CancellationToken cancellationToken)
    {
        var review = await db.AnnualReviews.AsNoTracking().SingleOrDefaultAsync(r => r.Id == reviewId, cancellationToken) ?? throw new CaseNotFoundException();
        var assessment = await db.ReadableBy(context.Viewer, db.WholeCases).AsNoTracking().SingleOrDefaultAsync(a => a.Id == review.AssessmentId, cancellationToken)
            ?? throw new CaseNotFoundException();
        return await ViewAsync(context, review, assessment, cancellationToken);
    }

    /// <summary>The review on <paramref name="assessment"/>, a case the viewer may see, with what goes with it and what the viewer may do.</summary>
    internal async Task<ViewedReview> ViewAsync(RequestContext context, AnnualReview review, EhcCase assessment, CancellationToken cancellationToken)
    {
        var plan = await db.Plans.AsNoTracking().Include(p => p.Versions).SingleOrDefaultAsync(p => p.LaCode == review.LaCode && p.AssessmentId == review.AssessmentId, cancellationToken);
        var settingName = review.SettingOrganisationId is { } settingId
            ? await db.Organisations.AsNoTracking().Where(o => o.Id == settingId).Select(o => o.Name).SingleOrDefaultAsync(cancellationToken)
            : null;
        var canLead = context.Viewer.LeadsReview(review);
        var seesAll = context.Viewer.ReadsAllContributions(review);
        var personId = context.Viewer.PersonId;
        var contributions = await db.ReviewContributions.AsNoTracking()
            .Where(c => c.LaCode == review.LaCode && c.ReviewId == review.Id && (seesAll || (personId != null && c.PersonId == personId)))
            .OrderBy(c => c.SubmittedAt).ToListAsync(cancellationToken);
        return new ViewedReview(review, assessment, plan, settingName, context.Viewer.IsLaStaff, canLead, contributions);
    }
}
