using Microsoft.EntityFrameworkCore;
using OpenSend.Data.Access;
using OpenSend.Data.Assessments;
using OpenSend.Data.Audit;
using OpenSend.Data.Database;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Common;
using OpenSend.Domain.Identity;
using OpenSend.Domain.Plans;

namespace OpenSend.Data.Plans;

/// <summary>
/// The family's and the setting's say on whether the provision in the plan in force is delivered,
/// and the council's answer (issue 22; decision 0019). Written through <see cref="CaseSteps"/>.
/// </summary>
public sealed class ProvisionDelivery(OpenSendDbContext db, CaseSteps steps)
{
    /// <summary>
    /// The family, or staff of a setting linked to the case now, say whether one piece of provision in
    /// the plan in force is being delivered. Anyone else who sees the case (the council, an adviser, a
    /// setting only consulted) cannot: the council answers, it does not report to itself.
    /// </summary>
    public async Task<ProvisionDeliveryReport> ReportAsync(RequestContext context, Guid assessmentId, Guid provisionId, DeliveryState state, string? note,
        CancellationToken cancellationToken = default)
    {
        var writing = await steps.BeginAsync(context, assessmentId, StepBy.AnyoneWhoSeesTheCase, cancellationToken);
        var (reporter, reportedBy, organisationId) = await db.SpeakerForChildAsync(context.Viewer, assessmentId, cancellationToken);
        if (writing.Case.Stage != AssessmentStage.PlanIssued)
        {
            throw new StepRefusedException("no-plan-in-force", writing.Case.Stage == AssessmentStage.PlanCeased
                ? "The plan has ceased, so there is no provision to report on."
                : "There is no plan in force yet. You can say whether provision is delivered once the final plan is issued.");
        }

        var plan = await db.Plans.AsNoTracking().Include(p => p.Versions).SingleOrDefaultAsync(p => p.AssessmentId == assessmentId, cancellationToken)
            ?? throw new StepRefusedException("no-plan-in-force", "The plan in force is not held in OpenSEND, so its provision cannot be reported on here. Contact the council's SEND team.");
        var report = ProvisionDeliveryReport.Make(plan, provisionId, reporter, reportedBy, context.Viewer.PersonId, organisationId, state, note, writing.Now);
        db.ProvisionDeliveryReports.Add(report);
        await writing.CommitAsync(AuditActions.DeliveryReported, $"{report.State.Title()}: section {report.Section}, \"{Shorten(report.What)}\".", "plan", cancellationToken);
        return report;
    }

    /// <summary>The council answers a report of missing provision: what it is doing to secure it (s.42). Its staff only.</summary>
    public async Task AnswerAsync(RequestContext context, Guid assessmentId, Guid reportId, string? answer, CancellationToken cancellationToken = default)
    {
        var writing = await steps.BeginAsync(context, assessmentId, StepBy.Council, cancellationToken);
        var report = await db.ProvisionDeliveryReports
            .SingleOrDefaultAsync(r => r.LaCode == writing.Case.LaCode && r.AssessmentId == assessmentId && r.Id == reportId, cancellationToken)
            ?? throw new StepRefusedException("delivery-report-not-found", "That report is not on this case.");
        report.AnswerWith(answer, context.Actor.DisplayName, writing.Now);
        await writing.CommitAsync(AuditActions.DeliveryAnswered, $"Answered the report of {report.State.Title().ToLowerInvariant()} provision in section {report.Section}.", "plan", cancellationToken);
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 77), "...");
}

/// <summary>One piece of provision in the plan in force, with what each reporter says of it now and every report on it.</summary>
public sealed record ProvisionDeliveryLine(PlanProvision Provision, IReadOnlyList<ProvisionDeliveryReport> Latest, IReadOnlyList<ProvisionDeliveryReport> Reports)
{
    public ProvisionDeliveryReport? LatestFrom(FamilyOrSetting reporter, Guid? organisationId = null) =>
        Latest.FirstOrDefault(r => r.Reporter == reporter && (organisationId is null || r.OrganisationId == organisationId));

    /// <summary>Someone says now that it is missing in full or in part.</summary>
    public bool ReportedUndelivered => Latest.Any(r => r.IsUndelivered);
}

/// <summary>
/// A case's provision and its delivery, as the viewer may see it. <see cref="Reporter"/> is how the
/// viewer may report once there is a plan in force (null when they may not); <see cref="CanAnswer"/> is the council.
/// </summary>
public sealed record CaseDelivery(ViewedPlan Viewed, PlanVersion? InForce, IReadOnlyList<ProvisionDeliveryLine> Lines, FamilyOrSetting? Reporter, bool CanAnswer)
{
    public ProvisionDeliveryLine? Line(Guid provisionId) => Lines.FirstOrDefault(l => l.Provision.Id == provisionId);
}

/// <summary>A report of missing provision across the cases the viewer sees, for the council's (or the setting's) list.</summary>
public sealed record UndeliveredProvision(Guid AssessmentId, string Reference, string ChildName, ProvisionDeliveryReport Report);

public sealed class ProvisionDeliveryQueries(OpenSendDbContext db, PlanQueries plans)
{
    /// <summary>The plan in force's provision with what the family and settings say of it. Audited as a read of the plan.</summary>
    public async Task<CaseDelivery> ForCaseAsync(RequestContext context, Guid assessmentId, CancellationToken cancellationToken = default, bool forStep = false)
    {
        var viewed = await plans.GetAsync(context, assessmentId, cancellationToken, forStep);
        var inForce = viewed.Assessment.Stage == AssessmentStage.PlanIssued ? viewed.Plan?.LatestFinal : null;
        var reports = await db.ProvisionDeliveryReports.AsNoTracking()
            .Where(r => r.LaCode == viewed.Assessment.LaCode && r.AssessmentId == assessmentId)
            .OrderByDescending(r => r.ReportedAt)
            .ToListAsync(cancellationToken);
        var lines = (inForce?.Content.Provision ?? [])
            .OrderBy(p => p.Section)
            .Select(p =>
            {
                var onThis = reports.Where(r => r.ProvisionId == p.Id).ToList();
                return new ProvisionDeliveryLine(p, ProvisionDeliveryReport.Latest(onThis), onThis);
            })
            .ToList();
        var reporter = await db.SpeaksForChildAsync(context.Viewer, assessmentId, cancellationToken);
        return new CaseDelivery(viewed, inForce, lines, reporter, context.Viewer.IsLaStaff);
    }

    /// <summary>
    /// Provision someone says now is missing, on every plan in force the viewer sees: the council's
    /// whole caseload, or a setting's own pupils. Unanswered first, then the longest waiting.
    /// </summary>
    public async Task<IReadOnlyList<UndeliveredProvision>> UndeliveredAsync(RequestContext context, int limit, CancellationToken cancellationToken = default)
    {
        var reports = db.ProvisionDeliveryReports.AsNoTracking();
        var rows = await (
            from r in reports
            join a in db.ReadableBy(context.Viewer, db.Assessments.AsNoTracking()) on r.AssessmentId equals a.Id
            where a.Stage == AssessmentStage.PlanIssued && r.State != DeliveryState.BeingDelivered
                && !reports.Any(later => later.AssessmentId == r.AssessmentId && later.ProvisionId == r.ProvisionId && later.Reporter == r.Reporter
                    && later.OrganisationId == r.OrganisationId && later.ReportedAt > r.ReportedAt)
            orderby r.Answer != null, r.ReportedAt
            select new { a.Id, a.Reference, a.Child.GivenName, a.Child.FamilyName, Report = r })
            .Take(limit)
            .ToListAsync(cancellationToken);
        return rows.Select(x => new UndeliveredProvision(x.Id, x.Reference, $"{x.GivenName} {x.FamilyName}", x.Report)).ToList();
    }
}
