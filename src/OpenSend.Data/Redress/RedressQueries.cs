using Microsoft.EntityFrameworkCore;
using OpenSend.Data.Access;
using OpenSend.Data.Assessments;
using OpenSend.Data.Audit;
using OpenSend.Data.Database;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Common;
using OpenSend.Domain.Identity;
using OpenSend.Domain.Redress;
using OpenSend.Domain.Timescales;

namespace OpenSend.Data.Redress;

/// <summary>A decision on the case the family can appeal, with the day it was made and the last day to appeal it.</summary>
public sealed record AppealableDecisionOn(AppealableDecision Decision, DateOnly DecidedOn, DateOnly AppealBy)
{
    /// <summary>The form value that names it: "NotToAssess:2026-10-06".</summary>
    public string Key => $"{Decision}:{DecidedOn:yyyy-MM-dd}";

    public static bool TryParse(string? key, out AppealableDecision decision, out DateOnly decidedOn)
    {
        decision = default;
        decidedOn = default;
        var parts = (key ?? string.Empty).Split(':');
        return parts.Length == 2 && Enum.TryParse(parts[0], out decision) && Enum.IsDefined(decision)
            && DateOnly.TryParseExact(parts[1], "yyyy-MM-dd", out decidedOn);
    }
}

/// <summary>
/// Everything about redress on one case that the viewer may see: the decisions that can be appealed,
/// each mediation and appeal with its clocks, and the orders (or unopposed appeals) the council is
/// carrying out with theirs.
/// </summary>
public sealed record CaseRedress(
    Guid CaseId,
    string Reference,
    string ChildName,
    AssessmentStage Stage,
    StatutoryRuleSet Rules,
    IReadOnlyList<AppealableDecisionOn> Decisions,
    IReadOnlyList<Mediation> Mediations,
    IReadOnlyList<TribunalAppeal> Appeals,
    IReadOnlyList<Complaint> Complaints,
    IReadOnlyList<DeadlineProgress> OrderClocks,
    IReadOnlyList<OrderClock> Orders,
    DateOnly Today,
    bool IsCouncil,
    bool IsFamily,
    Guid? MediatorServiceId,
    int ComplaintStageOneDays = 10,
    int ComplaintStageTwoDays = 20,
    (DisagreementPlacement Placement, DateOnly Since, string? Setting)? DuringDisagreement = null)
{
    public bool MayRecordFamilySteps => IsCouncil || IsFamily;

    public bool MayRecordMediationMeeting(Mediation mediation) => IsCouncil || (MediatorServiceId is { } id && mediation.MediationServiceId == id);

    /// <summary>An order to assess or re-assess waits for the family to be told (reg 44(2)(b)).</summary>
    public bool AwaitsNotice => Orders.Any(o => o.Anchor is ClockAnchor.OrderToAssess or ClockAnchor.UnopposedRefusalToAssess && o.NotifiedOn is null);
}

/// <summary>The council's open redress: mediations not yet certified and appeals with the tribunal, each with its case.</summary>
public sealed record RedressBoard(IReadOnlyList<ReferredMediation> Mediations, IReadOnlyList<(TribunalAppeal Appeal, string Reference, string ChildName)> Appeals,
    IReadOnlyList<(Complaint Complaint, string Reference, string ChildName)> Complaints, int InTemporaryPlacements = 0, int OutOfEducation = 0);

/// <summary>A mediation referred to a mediation service, as its mediators list them.</summary>
public sealed record ReferredMediation(Mediation Mediation, string Reference, string ChildName, string LaCode);

public sealed class RedressQueries(OpenSendDbContext db, TimeProvider time)
{
    /// <summary>The case's redress as the viewer may see it; a case they may not see is not found.</summary>
    public async Task<CaseRedress> ForCaseAsync(RequestContext context, Guid assessmentId, CancellationToken cancellationToken = default)
    {
        var found = await db.ReadableBy(context.Viewer, db.WholeCases).AsNoTracking().SingleOrDefaultAsync(a => a.Id == assessmentId, cancellationToken)
            ?? throw new CaseNotFoundException();
        var mediations = await db.Mediations.AsNoTracking().Where(m => m.LaCode == found.LaCode && m.AssessmentId == assessmentId)
            .OrderByDescending(m => m.CreatedAt).ToListAsync(cancellationToken);
        var appeals = await db.TribunalAppeals.AsNoTracking().Where(a => a.LaCode == found.LaCode && a.AssessmentId == assessmentId)
            .OrderByDescending(a => a.CreatedAt).ToListAsync(cancellationToken);
        var complaints = await db.Complaints.AsNoTracking().Where(c => c.LaCode == found.LaCode && c.AssessmentId == assessmentId)
            .OrderByDescending(c => c.CreatedAt).ToListAsync(cancellationToken);
        var days = await db.LocalAuthorities.AsNoTracking().Where(l => l.Code == found.LaCode)
            .Select(l => new { StageOne = l.ComplaintStageOneWorkingDays, StageTwo = l.ComplaintStageTwoWorkingDays }).SingleAsync(cancellationToken);
        var today = UkCalendar.Today(time);
        var viewer = context.Viewer;
        var family = viewer.IsFamily && await db.SpeaksForChildAsync(viewer, assessmentId, cancellationToken) == FamilyOrSetting.Family;
        var mediator = viewer is { IsStaff: true, Role: Role.Mediator, OrganisationKind: OrganisationKind.MediationService } ? viewer.OrganisationId : null;
        var orderSteps = found.Orders.Count == 0 ? [] : found.Orders.SelectMany(o => o.Evaluate(found.RuleSet, [], today)).OrderBy(d => d.Deadline.Due).ToList();
        return new CaseRedress(found.Id, found.Reference, found.Child.FullName, found.Stage, found.RuleSet, Decisions(found), mediations, appeals,
            complaints, orderSteps, found.Orders, today, viewer.IsLaStaff, family, mediator, days.StageOne, days.StageTwo,
            found.DuringDisagreement is { } placement ? (placement, found.DuringDisagreementSince!.Value, found.DuringDisagreementSetting) : null);
    }

    /// <summary>The council's mediations still open and appeals still with the tribunal, on the cases the viewer sees, the oldest first.</summary>
    public async Task<RedressBoard> BoardAsync(RequestContext context, CancellationToken cancellationToken = default)
    {
        var cases = db.ReadableBy(context.Viewer, db.Assessments.AsNoTracking());
        var mediations = await (
            from m in db.Mediations.AsNoTracking()
            join a in cases on m.AssessmentId equals a.Id
            where m.Stage != MediationStage.Certified
            orderby m.CreatedAt
            select new { Mediation = m, a.Reference, a.Child.GivenName, a.Child.FamilyName, a.LaCode })
            .ToListAsync(cancellationToken);
        var appeals = await (
            from t in db.TribunalAppeals.AsNoTracking()
            join a in cases on t.AssessmentId equals a.Id
            where t.Stage == AppealStage.Registered || t.Stage == AppealStage.Opposed
            orderby t.RegisteredOn
            select new { Appeal = t, a.Reference, a.Child.GivenName, a.Child.FamilyName })
            .ToListAsync(cancellationToken);
        var open = new[] { ComplaintStage.StageOne, ComplaintStage.StageOneAnswered, ComplaintStage.StageTwo, ComplaintStage.StageTwoAnswered, ComplaintStage.WithOmbudsman };
        var complaints = await (
            from c in db.Complaints.AsNoTracking()
            join a in cases on c.AssessmentId equals a.Id
            where open.Contains(c.Stage)
            orderby c.MadeOn
            select new { Complaint = c, a.Reference, a.Child.GivenName, a.Child.FamilyName })
            .ToListAsync(cancellationToken);
        var during = await cases.Where(a => a.DuringDisagreement != null).GroupBy(a => a.DuringDisagreement).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return new RedressBoard(
            mediations.Select(r => new ReferredMediation(r.Mediation, r.Reference, $"{r.GivenName} {r.FamilyName}", r.LaCode)).ToList(),
            appeals.Select(r => (r.Appeal, r.Reference, $"{r.GivenName} {r.FamilyName}")).ToList(),
            complaints.Select(r => (r.Complaint, r.Reference, $"{r.GivenName} {r.FamilyName}")).ToList(),
            during.Where(d => d.Key == DisagreementPlacement.TemporaryPlacement).Sum(d => d.Count),
            during.Where(d => d.Key == DisagreementPlacement.OutOfEducation).Sum(d => d.Count));
    }

    /// <summary>The mediation services a council can arrange mediation with, by name.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> MediationServicesAsync(CancellationToken cancellationToken = default) =>
        (await db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationKind.MediationService).OrderBy(o => o.Name)
            .Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken))
        .Select(o => (o.Id, o.Name)).ToList();

    /// <summary>The mediations referred to the viewer's mediation service, those still to be held or certified first.</summary>
    public async Task<IReadOnlyList<ReferredMediation>> ReferredToMyServiceAsync(RequestContext context, CancellationToken cancellationToken = default)
    {
        if (context.Viewer is not { IsStaff: true, Role: Role.Mediator, OrganisationKind: OrganisationKind.MediationService, OrganisationId: { } serviceId })
        {
            return [];
        }

        var rows = await (
            from m in db.Mediations.AsNoTracking()
            join a in db.ReadableBy(context.Viewer, db.Assessments.AsNoTracking()) on m.AssessmentId equals a.Id
            where m.MediationServiceId == serviceId
            orderby m.Stage == MediationStage.Certified, m.CouncilToldOn
            select new { Mediation = m, a.Reference, a.Child.GivenName, a.Child.FamilyName, a.LaCode })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new ReferredMediation(r.Mediation, r.Reference, $"{r.GivenName} {r.FamilyName}", r.LaCode)).ToList();
    }

    /// <summary>
    /// The decisions on the case's timeline that s.51 lets the family appeal, the latest first: refusals to
    /// assess and to issue, the final and amended plans, decisions not to amend, and decisions to cease.
    /// </summary>
    public static IReadOnlyList<AppealableDecisionOn> Decisions(EhcCase found)
    {
        var rules = found.RuleSet;
        var result = new List<AppealableDecisionOn>();
        foreach (var entry in found.Timeline)
        {
            AppealableDecision? decision = entry.Action switch
            {
                PathwayAction.DecideNotToAssess => AppealableDecision.NotToAssess,
                PathwayAction.DecideNotToIssue => AppealableDecision.NotToIssue,
                PathwayAction.IssueFinalPlan => AppealableDecision.FinalPlanContents,
                PathwayAction.IssueAmendedPlan => AppealableDecision.AmendedPlanContents,
                PathwayAction.DecideNotToAmend => AppealableDecision.NotToAmendAfterNotice,
                PathwayAction.DecideToCease => AppealableDecision.ToCease,
                PathwayAction.DecideNotToReassess => AppealableDecision.NotToReassess,
                PathwayAction.NotifyNoChangeAfterReassessment => AppealableDecision.NotToAmend,
                // Reg 20(10): a review's decision to keep the plan as it is, or to cease it, carries appeal rights; one to amend does not yet.
                PathwayAction.RecordReviewDecision when entry.Summary.Contains("cease the plan", StringComparison.Ordinal) => AppealableDecision.ToCease,
                PathwayAction.RecordReviewDecision when entry.Summary.Contains("keep the plan", StringComparison.Ordinal) => AppealableDecision.NotToAmend,
                _ => null,
            };
            if (decision is { } d)
            {
                result.Add(new AppealableDecisionOn(d, entry.OccurredOn, rules.AppealBy(entry.OccurredOn)));
            }
        }

        return [.. result.DistinctBy(r => r.Key).OrderByDescending(r => r.DecidedOn)];
    }
}
