using Microsoft.EntityFrameworkCore;
using OpenSend.Data.Audit;
using OpenSend.Data.Database;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Common;
using OpenSend.Domain.LocalAuthorities;
using OpenSend.Domain.Timescales;

namespace OpenSend.Data.Assessments;

/// <summary>Which cases a caseload shows. No stage means every open case.</summary>
public sealed record CaseloadFilter(AssessmentStage? Stage = null, int Page = 1)
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

/// <summary>A case as a family sees it through the private tracking link.</summary>
public sealed record TrackedCase(EhcNeedsAssessment Assessment, LocalAuthority LocalAuthority);

/// <summary>Reads of cases, always within the reader's LA (or by the family's tracking token), each read audited.</summary>
public sealed class AssessmentQueries(OpenSendDbContext db, TimeProvider time)
{
    public async Task<CaseloadPage> CaseloadAsync(RequestContext context, CaseloadFilter filter, CancellationToken cancellationToken = default)
    {
        var laCode = context.RequireLaCode();
        var today = UkCalendar.Today(time);
        var inLa = db.Assessments.AsNoTracking().Where(a => a.LaCode == laCode);

        var counts = await inLa.GroupBy(a => a.Stage)
            .Select(g => new { Stage = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Stage, g => g.Count, cancellationToken);
        var openStages = AssessmentStageText.Open.ToArray();
        var open = inLa.Where(a => openStages.Contains(a.Stage));
        var overdue = await open.CountAsync(a => a.NextDeadlineOn < today, cancellationToken);
        var soonLimit = today.AddDays(DeadlineProgress.DueSoonDays);
        var dueSoon = await open.CountAsync(a => a.NextDeadlineOn >= today && a.NextDeadlineOn <= soonLimit, cancellationToken);

        var matching = filter.Stage is { } stage ? inLa.Where(a => a.Stage == stage) : open;
        var total = await matching.CountAsync(cancellationToken);
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
            })
            .ToListAsync(cancellationToken);

        var result = rows.Select(r =>
        {
            if (r.NextDeadlineOn is not { } due || r.NextDeadlineStep is not { } step)
            {
                return new CaseloadRow(r.Id, r.Reference, $"{r.GivenName} {r.FamilyName}", r.RequestReceivedOn, r.Stage, null, null, null, null, 0);
            }

            var rule = RuleSetCatalogue.Get(r.RuleSetId).Rule(step);
            var progress = DeadlineProgress.Evaluate(new StatutoryDeadline(step, due, rule.Title, rule.Duty, rule.Basis), null, today);
            return new CaseloadRow(r.Id, r.Reference, $"{r.GivenName} {r.FamilyName}", r.RequestReceivedOn, r.Stage, step, rule.Title, due, progress.State, progress.DaysFromToday);
        }).ToList();

        return new CaseloadPage(result, total, page, counts, overdue, dueSoon, today);
    }

    /// <summary>A case in the reader's LA, with its history. The read is audited.</summary>
    public async Task<EhcNeedsAssessment> GetCaseAsync(RequestContext context, Guid id, CancellationToken cancellationToken = default)
    {
        var laCode = context.RequireLaCode();
        var assessment = await LoadFull()
            .SingleOrDefaultAsync(a => a.Id == id && a.LaCode == laCode, cancellationToken)
            ?? throw new CaseNotFoundException();
        await AuditReadAsync(context, assessment, "case.viewed", cancellationToken);
        return assessment;
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
        await AuditReadAsync(context, assessment, "case.viewed-by-tracking-link", cancellationToken);
        return new TrackedCase(assessment, la);
    }

    public Task<List<LocalAuthority>> LocalAuthoritiesAsync(CancellationToken cancellationToken = default) =>
        db.LocalAuthorities.AsNoTracking().OrderBy(l => l.Name).ToListAsync(cancellationToken);

    private IQueryable<EhcNeedsAssessment> LoadFull() => db.Assessments.AsNoTracking()
        .Include(a => a.AdviceRequests)
        .Include(a => a.PanelRecommendations)
        .Include(a => a.Exceptions)
        .Include(a => a.Timeline)
        .AsSplitQuery();

    private async Task AuditReadAsync(RequestContext context, EhcNeedsAssessment assessment, string action, CancellationToken cancellationToken)
    {
        db.AuditRecords.Add(AuditRecord.For(context, assessment.LaCode, assessment.Id, action, time.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
    }
}
