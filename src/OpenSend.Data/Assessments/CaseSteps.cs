using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using OpenSend.Data.Access;
using OpenSend.Data.Audit;
using OpenSend.Data.Database;
using OpenSend.Data.Notifications;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Common;

namespace OpenSend.Data.Assessments;

/// <summary>Who may take a step on a case, beyond being able to see it.</summary>
public enum StepBy
{
    /// <summary>The responsible LA's staff: the statutory steps are theirs to record (s.36–s.40, s.44, s.45).</summary>
    Council,

    /// <summary>Anyone who may see the case; the service then checks their part (the adviser, the family, the consulted setting).</summary>
    AnyoneWhoSeesTheCase,
}

/// <summary>
/// The one way a step is written to a child's case (convention 3, ../shared/spec/code-style.md):
/// <see cref="BeginAsync(RequestContext, Guid, StepBy, CancellationToken)"/> loads the case within
/// the caller's LA and checks who may write, the service applies one named step, and
/// <see cref="CaseStep.CommitAsync"/> appends the audit record, queues the family's update when the
/// step added to their timeline, and saves once, turning someone else's change meanwhile into the
/// one refusal. AssessmentCases, PlanDrafting, PlanReviews, PlacementNaming and AdviceGiving all
/// write through it.
/// </summary>
public sealed class CaseSteps(OpenSendDbContext db, CaseNotifications notifications, TimeProvider time)
{
    public Task<CaseStep> BeginAsync(RequestContext context, Guid caseId, StepBy by, CancellationToken cancellationToken) =>
        BeginAsync(context, a => a.Id == caseId, by, cancellationToken);

    /// <summary>The case found by <paramref name="which"/> (e.g. the case an advice request belongs to), as the other overload.</summary>
    public async Task<CaseStep> BeginAsync(RequestContext context, Expression<Func<EhcCase, bool>> which, StepBy by, CancellationToken cancellationToken)
    {
        // A case outside the viewer's LA or relationship is not found, the same as one that does not exist (decision 0005).
        var found = await db.ReadableBy(context.Viewer, db.WholeCases).SingleOrDefaultAsync(which, cancellationToken)
            ?? throw new CaseNotFoundException();
        if (by == StepBy.Council && !context.Viewer.IsLaStaff)
        {
            throw new CaseAccessDeniedException();
        }

        return new CaseStep(db, notifications, context, found, time.GetUtcNow());
    }
}

/// <summary>One step on one case, begun by <see cref="CaseSteps"/>: the case (tracked), the moment of the step, and its commit.</summary>
public sealed class CaseStep
{
    private readonly OpenSendDbContext db;
    private readonly CaseNotifications notifications;
    private readonly int timelineAtStart;

    internal CaseStep(OpenSendDbContext db, CaseNotifications notifications, RequestContext context, EhcCase found, DateTimeOffset now)
    {
        this.db = db;
        this.notifications = notifications;
        Context = context;
        Case = found;
        Now = now;
        timelineAtStart = found.Timeline.Count;
    }

    public RequestContext Context { get; }

    public EhcCase Case { get; }

    /// <summary>When the step happens: every record it writes carries this one moment.</summary>
    public DateTimeOffset Now { get; }

    public DateOnly Today => UkCalendar.DateOf(Now);

    /// <summary>
    /// Audits the step as <paramref name="action"/>, tells the family of a new entry on their timeline,
    /// and saves everything the step changed at once. <paramref name="record"/> names what someone else
    /// may have changed meanwhile ("case", "plan", "review", "advice", "placement").
    /// </summary>
    public async Task CommitAsync(AuditAction action, string? detail, string record, CancellationToken cancellationToken)
    {
        db.AuditRecords.Add(AuditRecord.For(Context, Case.LaCode, Case.Id, action, Now, detail));
        if (Case.Timeline.Count > timelineAtStart)
        {
            await notifications.QueueUpdateAsync(Case, Now, cancellationToken);
        }

        await db.SaveOrRefuseAsync(() => StepRefusedException.ChangedBySomeoneElse(record), cancellationToken);
    }
}
