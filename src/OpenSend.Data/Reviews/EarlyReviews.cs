using Microsoft.EntityFrameworkCore;
using OpenSend.Data.Access;
using OpenSend.Data.Assessments;
using OpenSend.Data.Audit;
using OpenSend.Data.Database;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Common;
using OpenSend.Domain.Identity;
using OpenSend.Domain.Reviews;

namespace OpenSend.Data.Reviews;

/// <summary>
/// Requests for an early review of the plan in force, from the family or the child's setting, and the
/// council's decision with its reasons (issue 22). Written through <see cref="CaseSteps"/>.
/// </summary>
public sealed class EarlyReviews(OpenSendDbContext db, CaseSteps steps)
{
    /// <summary>The family, or staff of a setting linked to the case now, ask for the plan to be reviewed early.</summary>
    public async Task<EarlyReviewRequest> AskAsync(RequestContext context, Guid assessmentId, string? reasons, CancellationToken cancellationToken = default)
    {
        var writing = await steps.BeginAsync(context, assessmentId, StepBy.AnyoneWhoSeesTheCase, cancellationToken);
        var (askedBy, name, organisationId) = await db.SpeakerForChildAsync(context.Viewer, assessmentId, cancellationToken);
        var found = writing.Case;
        if (found.Stage != AssessmentStage.PlanIssued)
        {
            throw new StepRefusedException("no-plan-in-force", "There is no plan in force to review.");
        }

        var days = await db.LocalAuthorities.Where(l => l.Code == found.LaCode).Select(l => l.EarlyReviewDecisionDays).SingleAsync(cancellationToken);
        var pending = await db.EarlyReviewRequests.AnyAsync(r => r.LaCode == found.LaCode && r.AssessmentId == assessmentId && r.Decision == null, cancellationToken);
        var request = EarlyReviewRequest.Ask(assessmentId, found.LaCode, askedBy, name, context.Viewer.PersonId, organisationId,
            reasons, days, pending, writing.Now);
        db.EarlyReviewRequests.Add(request);
        await writing.CommitAsync(AuditActions.EarlyReviewAsked, $"Asked by {name}; the council decides by {UkCalendar.InWords(request.DecideBy)}.", "review", cancellationToken);
        return request;
    }

    /// <summary>
    /// The council decides: agreed, bringing the open review forward to <paramref name="reviewBy"/> in
    /// the same transaction, or refused; with reasons either way.
    /// </summary>
    public async Task DecideAsync(RequestContext context, Guid assessmentId, Guid requestId, EarlyReviewDecision decision, string? reasons, DateOnly? reviewBy,
        CancellationToken cancellationToken = default)
    {
        var writing = await steps.BeginAsync(context, assessmentId, StepBy.Council, cancellationToken);
        var laCode = writing.Case.LaCode;
        var request = await db.EarlyReviewRequests.SingleOrDefaultAsync(r => r.LaCode == laCode && r.AssessmentId == assessmentId && r.Id == requestId, cancellationToken)
            ?? throw new StepRefusedException("early-review-not-found", "That request is not on this case.");
        var due = decision == EarlyReviewDecision.Agreed
            ? await db.AnnualReviews.Where(AnnualReview.Open).SingleOrDefaultAsync(r => r.LaCode == laCode && r.AssessmentId == assessmentId, cancellationToken)
            : null;
        request.Decide(decision, reasons, due, reviewBy, context.Actor.DisplayName, writing.Now);
        await writing.CommitAsync(AuditActions.EarlyReviewDecided,
            decision == EarlyReviewDecision.Agreed ? $"Agreed: the review is to be held by {UkCalendar.InWords(reviewBy!.Value)}." : "Refused, with reasons.", "review", cancellationToken);
    }

    /// <summary>
    /// Every request on a case the viewer may see, the latest first; whether the plan is in force (so
    /// one may be asked for); and the days the council gives itself to decide.
    /// </summary>
    public async Task<CaseEarlyReviews> ForCaseAsync(RequestContext context, Guid assessmentId, CancellationToken cancellationToken = default)
    {
        var found = await db.ReadableBy(context.Viewer).Where(a => a.Id == assessmentId)
            .Select(a => new { a.LaCode, a.Stage, a.Reference, a.Child })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new CaseNotFoundException();
        var requests = await db.EarlyReviewRequests.AsNoTracking()
            .Where(r => r.LaCode == found.LaCode && r.AssessmentId == assessmentId)
            .OrderByDescending(r => r.AskedAt)
            .ToListAsync(cancellationToken);
        var days = await db.LocalAuthorities.Where(l => l.Code == found.LaCode).Select(l => l.EarlyReviewDecisionDays).SingleAsync(cancellationToken);
        var viewer = context.Viewer;
        var speaksForChild = await db.SpeaksForChildAsync(viewer, assessmentId, cancellationToken) is not null;
        return new CaseEarlyReviews(found.Reference, found.Child.FullName, requests, days, speaksForChild, found.Stage == AssessmentStage.PlanIssued, viewer.IsLaStaff);
    }

    /// <summary>Requests awaiting the council's decision on the cases the viewer sees, the earliest due first.</summary>
    public async Task<IReadOnlyList<(EarlyReviewRequest Request, string Reference, string ChildName)>> AwaitingDecisionAsync(RequestContext context, CancellationToken cancellationToken = default)
    {
        var rows = await (
            from r in db.EarlyReviewRequests.AsNoTracking()
            join a in db.ReadableBy(context.Viewer, db.Assessments.AsNoTracking()) on r.AssessmentId equals a.Id
            where r.Decision == null
            orderby r.DecideBy
            select new { Request = r, a.Reference, a.Child.GivenName, a.Child.FamilyName })
            .ToListAsync(cancellationToken);
        return rows.Select(x => (x.Request, x.Reference, $"{x.GivenName} {x.FamilyName}")).ToList();
    }
}

/// <summary>
/// A case's requests for an early review, as the viewer may see them and act on them:
/// <see cref="SpeaksForChild"/> is the family or the child's setting (who may ask), <see cref="MayDecide"/> the council.
/// </summary>
public sealed record CaseEarlyReviews(string Reference, string ChildName, IReadOnlyList<EarlyReviewRequest> Requests, int DecisionDays, bool SpeaksForChild,
    bool PlanInForce, bool MayDecide)
{
    public EarlyReviewRequest? Pending => Requests.FirstOrDefault(r => r.AwaitsDecision);

    /// <summary>The viewer may ask now: they speak for the child, the plan is in force, and no request awaits a decision.</summary>
    public bool CanAskNow => SpeaksForChild && PlanInForce && Pending is null;
}
