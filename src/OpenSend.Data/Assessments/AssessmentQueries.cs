using Microsoft.EntityFrameworkCore;
using OpenSend.Data.Access;
using OpenSend.Data.Audit;
using OpenSend.Data.Dashboard;
using OpenSend.Data.Database;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Common;
using OpenSend.Domain.Identity;
using OpenSend.Domain.LocalAuthorities;
using OpenSend.Domain.Timescales;

namespace OpenSend.Data.Assessments;

/// <summary>Which cases a caseload shows: one stage, every case (<see cref="AllStages"/>), or by default every open case.</summary>
/// <summary>Whose cases a caseload shows: everyone's, the viewer's own, or those with no caseworker named.</summary>
public enum CaseloadOwner
{
    Anyone,
    Mine,
    Unassigned,
}

public sealed record CaseloadFilter(AssessmentStage? Stage = null, int Page = 1, bool AllStages = false, CaseloadOwner Owner = CaseloadOwner.Anyone)
{
    public const int PageSize = 50;
}

/// <summary>One line of a caseload: the case and its next statutory deadline as of today.</summary>
public sealed record CaseloadRow(
    Guid Id,
    string Reference,
    string ChildName,
    DateOnly ReceivedOn,
    AssessmentStage Stage,
    string? Caseworker,
    StatutoryStep? NextStep,
    string? NextStepTitle,
    DateOnly? NextDue,
    DeadlineState? NextState,
    int DaysFromToday);

public sealed record CaseloadPage(
    IReadOnlyList<CaseloadRow> Rows,
    int TotalMatching,
    int Page,
    IReadOnlyDictionary<AssessmentStage, int> CountsByStage,
    int Overdue,
    int DueSoon,
    DateOnly Today)
{
    public int PageCount => Math.Max(1, (TotalMatching + CaseloadFilter.PageSize - 1) / CaseloadFilter.PageSize);
}

/// <summary>A member of the council's staff who may hold cases.</summary>
public sealed record Caseworker(Guid PersonId, string Name, string Email);

/// <summary>Who may hold a case.</summary>
internal static class CaseworkerQueries
{
    /// <summary>
    /// The council's caseworkers and SEND managers (one row per membership, so a person with both
    /// roles comes twice), or only <paramref name="personId"/> among them. The one definition of who
    /// may be named a case's caseworker, for the list to choose from and the check on naming.
    /// </summary>
    internal static IQueryable<Caseworker> CaseworkersOf(this OpenSendDbContext db, Guid? organisationId, Guid? personId = null) =>
        db.Memberships.AsNoTracking()
            .Where(m => m.OrganisationId == organisationId && m.RemovedAt == null && (m.Role == Role.LaCaseworker || m.Role == Role.LaSendManager)
                && (personId == null || m.PersonId == personId))
            .Join(db.People.AsNoTracking(), m => m.PersonId, p => p.Id, (_, p) => new Caseworker(p.Id, p.DisplayName, p.Email));
}

/// <summary>What one caseworker holds (<see cref="PersonId"/> null: no caseworker named).</summary>
public sealed record CaseworkerLoad(Guid? PersonId, string? Name, int OpenAssessments, int PlansInForce);

/// <summary>A case as a family sees it through the private tracking link.</summary>
public sealed record TrackedCase(EhcCase Assessment, LocalAuthority LocalAuthority);

/// <summary>A case and what the viewer may do with it.</summary>
public sealed record ViewedCase(EhcCase Assessment, CaseAccessLevel Access, LocalAuthority LocalAuthority)
{
    public bool CanManage => Access == CaseAccessLevel.Manage;
}

/// <summary>One line of a case's access log: who looked or changed what, when (what families see).</summary>
/// <summary>One entry of "Who has looked at this record": <paramref name="What"/> is the action in the viewer's words (a family's own, or staff's).</summary>
public sealed record AccessLogEntry(DateTimeOffset At, string ActorId, string Who, string Role, string? Organisation, string Action, string What);

/// <summary>Reads of cases, always within the reader's LA (or by the family's tracking token), each read audited.</summary>
public sealed class AssessmentQueries(OpenSendDbContext db, TimeProvider time, CaseloadSnapshots snapshots)
{
    public async Task<CaseloadPage> CaseloadAsync(RequestContext context, CaseloadFilter filter, CancellationToken cancellationToken = default)
    {
        var today = UkCalendar.Today(time);
        // "My cases" differs for each viewer, so it is never kept for the LA as a whole.
        if (!context.Viewer.IsLaStaff || filter.Owner == CaseloadOwner.Mine)
        {
            return await ReadCaseloadAsync(context, filter, today, cancellationToken);
        }

        // The mark is read before the page, so a change saved meanwhile makes the page kept here out of date at once.
        var key = new CaseloadKey(context.Viewer.LaCode!, today, filter);
        var mark = await db.LastChangeAsync(key.LaCode, cancellationToken);
        if (snapshots.TryGet(key, mark, out var kept))
        {
            return kept;
        }

        var page = await ReadCaseloadAsync(context, filter, today, cancellationToken);
        snapshots.Keep(key, mark, page);
        return page;
    }

    private async Task<CaseloadPage> ReadCaseloadAsync(RequestContext context, CaseloadFilter filter, DateOnly today, CancellationToken cancellationToken)
    {
        var inLa = db.ReadableBy(context.Viewer).AsNoTracking();

        // One grouped read gives the counts by stage and the overdue and due-soon counts (which only
        // open cases have): 2 round trips per page instead of 5 (bench/load.sh, docs/benchmarks.md).
        var soonLimit = today.AddDays(DeadlineProgress.DueSoonDays);
        var byStage = await inLa.GroupBy(a => a.Stage)
            .Select(g => new
            {
                Stage = g.Key,
                Count = g.Count(),
                Overdue = g.Count(a => a.NextDeadlineOn < today),
                DueSoon = g.Count(a => a.NextDeadlineOn >= today && a.NextDeadlineOn <= soonLimit),
            })
            .ToListAsync(cancellationToken);
        var counts = byStage.ToDictionary(g => g.Stage, g => g.Count);
        var openStages = AssessmentStageText.Open.ToArray();
        var overdue = byStage.Where(g => g.Stage.IsOpen()).Sum(g => g.Overdue);
        var dueSoon = byStage.Where(g => g.Stage.IsOpen()).Sum(g => g.DueSoon);
        var open = inLa.Where(a => openStages.Contains(a.Stage));

        var matching = filter.Stage is { } stage ? inLa.Where(a => a.Stage == stage) : filter.AllStages ? inLa : open;
        var total = filter.Stage is { } only ? counts.GetValueOrDefault(only) : filter.AllStages ? counts.Values.Sum() : byStage.Where(g => g.Stage.IsOpen()).Sum(g => g.Count);
        if (filter.Owner != CaseloadOwner.Anyone)
        {
            var me = context.Viewer.PersonId;
            matching = filter.Owner == CaseloadOwner.Mine ? matching.Where(a => a.CaseworkerPersonId == me) : matching.Where(a => a.CaseworkerPersonId == null);
            total = await matching.CountAsync(cancellationToken);
        }

        var page = Math.Clamp(filter.Page, 1, Math.Max(1, (total + CaseloadFilter.PageSize - 1) / CaseloadFilter.PageSize));
        var rows = await matching
            .OrderBy(a => a.NextDeadlineOn == null)
            .ThenBy(a => a.NextDeadlineOn)
            .ThenBy(a => a.RequestReceivedOn)
            .ThenBy(a => a.Reference)
            .Skip((page - 1) * CaseloadFilter.PageSize)
            .Take(CaseloadFilter.PageSize)
            .Select(a => new
            {
                a.Id,
                a.Reference,
                a.Child.GivenName,
                a.Child.FamilyName,
                a.RequestReceivedOn,
                a.Stage,
                a.NextDeadlineStep,
                a.NextDeadlineOn,
                a.RuleSetId,
                a.CaseworkerName,
            })
            .ToListAsync(cancellationToken);

        var result = rows.Select(r =>
        {
            if (r.NextDeadlineOn is not { } due || r.NextDeadlineStep is not { } step)
            {
                return new CaseloadRow(r.Id, r.Reference, $"{r.GivenName} {r.FamilyName}", r.RequestReceivedOn, r.Stage, r.CaseworkerName, null, null, null, null, 0);
            }

            var rule = RuleSetCatalogue.Get(r.RuleSetId).Rule(step);
            var progress = DeadlineProgress.Evaluate(new StatutoryDeadline(step, due, rule.Title, rule.Duty, rule.Basis), null, today);
            return new CaseloadRow(r.Id, r.Reference, $"{r.GivenName} {r.FamilyName}", r.RequestReceivedOn, r.Stage, r.CaseworkerName, step, rule.Title, due, progress.State, progress.DaysFromToday);
        }).ToList();

        return new CaseloadPage(result, total, page, counts, overdue, dueSoon, today);
    }

    /// <summary>The council's caseworkers and SEND managers, who may be named as a case's caseworker.</summary>
    public async Task<IReadOnlyList<Caseworker>> CaseworkersAsync(RequestContext context, CancellationToken cancellationToken = default)
    {
        if (!context.Viewer.IsLaStaff)
        {
            return [];
        }

        var caseworkers = await db.CaseworkersOf(context.Viewer.OrganisationId).ToListAsync(cancellationToken);
        return caseworkers.DistinctBy(c => c.PersonId).OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The SEND manager's view of who holds what: open cases and plans in force by caseworker, with
    /// those no one holds, most first. Counted on view from an indexed column, one grouped read.
    /// </summary>
    public async Task<IReadOnlyList<CaseworkerLoad>> WorkloadAsync(RequestContext context, CancellationToken cancellationToken = default)
    {
        if (!context.Viewer.IsLaStaff)
        {
            return [];
        }

        var openStages = AssessmentStageText.Open.ToArray();
        var rows = await db.ReadableBy(context.Viewer).AsNoTracking()
            .Where(a => openStages.Contains(a.Stage) || a.Stage == AssessmentStage.PlanIssued)
            .GroupBy(a => a.CaseworkerPersonId)
            .Select(g => new { g.Key, Name = g.Max(a => a.CaseworkerName), Open = g.Count(a => a.Stage != AssessmentStage.PlanIssued), Plans = g.Count(a => a.Stage == AssessmentStage.PlanIssued) })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new CaseworkerLoad(r.Key, r.Name, r.Open, r.Plans))
            .OrderByDescending(l => l.OpenAssessments + l.PlansInForce).ThenBy(l => l.Name).ToList();
    }

    /// <summary>A case the viewer may see, with its history and their access level. The read is audited.</summary>
    /// <remarks>
    /// With <paramref name="forStep"/> (a page's POST, about to record a step the write audits) the read
    /// writes no "viewed" row and saves nothing, so a step is one audit row and one commit.
    /// </remarks>
    public async Task<ViewedCase> GetCaseAsync(RequestContext context, Guid id, CancellationToken cancellationToken = default, bool forStep = false)
    {
        var assessment = await db.ReadableBy(context.Viewer, LoadFull()).SingleOrDefaultAsync(a => a.Id == id, cancellationToken)
            ?? throw new CaseNotFoundException();
        var access = await db.LevelAsync(context.Viewer, id, cancellationToken);
        var la = await db.LocalAuthorities.AsNoTracking().SingleAsync(l => l.Code == assessment.LaCode, cancellationToken);
        if (!forStep)
        {
            await AuditReadAsync(context, assessment, AuditActions.CaseViewed, cancellationToken);
        }

        return new ViewedCase(assessment, access, la);
    }

    /// <summary>Who has looked at or changed a case the viewer may see, newest first ("Who has looked at this record").</summary>
    public async Task<IReadOnlyList<AccessLogEntry>> AccessLogAsync(RequestContext context, Guid id, CancellationToken cancellationToken = default)
    {
        var laCode = await db.ReadableBy(context.Viewer).Where(a => a.Id == id).Select(a => a.LaCode).SingleOrDefaultAsync(cancellationToken)
            ?? throw new CaseNotFoundException();

        // By LA as well as case: the audit log's index starts with the LA code (the log grows with every read).
        var entries = await db.AuditRecords.AsNoTracking()
            .Where(r => r.LaCode == laCode && r.AssessmentId == id)
            .OrderByDescending(r => r.Id)
            .Select(r => new { r.At, r.ActorId, r.ActorName, r.ActorRole, r.ActorOrganisation, r.Action })
            .ToListAsync(cancellationToken);
        // A family reads its own words and never an action not meant for families; staff read theirs.
        return entries
            .Select(e => (Entry: e, What: context.Viewer.IsFamily ? AuditActions.FamilyWords(e.Action) : AuditActions.StaffWords(e.Action)))
            .Where(e => e.What is not null)
            .Select(e => new AccessLogEntry(e.Entry.At, e.Entry.ActorId, e.Entry.ActorName, e.Entry.ActorRole, e.Entry.ActorOrganisation, e.Entry.Action, e.What!))
            .ToList();
    }

    /// <summary>The case behind a family's tracking link, or null for an unknown token. The read is audited.</summary>
    public async Task<TrackedCase?> FindByTrackingTokenAsync(RequestContext context, string token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return null;
        }

        var hash = AssessmentCases.HashTrackingToken(token);
        var assessment = await LoadFull().SingleOrDefaultAsync(a => a.TrackingTokenHash == hash, cancellationToken);
        if (assessment is null)
        {
            return null;
        }

        var la = await db.LocalAuthorities.AsNoTracking().SingleAsync(l => l.Code == assessment.LaCode, cancellationToken);
        await AuditReadAsync(context, assessment, AuditActions.CaseViewedByTrackingLink, cancellationToken);
        return new TrackedCase(assessment, la);
    }

    public Task<List<LocalAuthority>> LocalAuthoritiesAsync(CancellationToken cancellationToken = default) =>
        db.LocalAuthorities.AsNoTracking().OrderBy(l => l.Name).ToListAsync(cancellationToken);

    private IQueryable<EhcCase> LoadFull() => db.WholeCases.AsNoTracking();

    private async Task AuditReadAsync(RequestContext context, EhcCase assessment, AuditAction action, CancellationToken cancellationToken)
    {
        db.AuditRecords.Add(AuditRecord.For(context, assessment.LaCode, assessment.Id, action, time.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
    }
}
