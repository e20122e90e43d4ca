using Microsoft.EntityFrameworkCore;
using OpenSend.Data.Database;
using OpenSend.Domain.Common;

namespace OpenSend.Data.Audit;

public sealed record AuditSearchQuery(string? Reference = null, string? Person = null, DateOnly? From = null, DateOnly? To = null, int Page = 1)
{
    public const int PageSize = 50;
}

public sealed record AuditSearchRow(long Id, DateTimeOffset At, string Who, string Role, string? Organisation, string Action, string? CaseReference, Guid? AssessmentId, string? SourceAddress, string? Detail, bool Sealed);

public sealed record AuditSearchResult(IReadOnlyList<AuditSearchRow> Rows, int Total, int Page)
{
    public int PageCount => Math.Max(1, (Total + AuditSearchQuery.PageSize - 1) / AuditSearchQuery.PageSize);
}

/// <summary>An LA SEND manager's search of their own LA's audit log: by case, by person, by date.</summary>
public sealed class AuditSearch(OpenSendDbContext db)
{
    public async Task<AuditSearchResult> SearchAsync(RequestContext context, AuditSearchQuery query, CancellationToken cancellationToken = default)
    {
        if (context.Viewer is not { IsLaStaff: true, Role: OpenSend.Domain.Identity.Role.LaSendManager, LaCode: { } laCode })
        {
            throw new StepRefusedException("not-a-send-manager", "Only an LA SEND manager can search the audit log.");
        }

        var records = db.AuditRecords.AsNoTracking().Where(r => r.LaCode == laCode);
        if (!string.IsNullOrWhiteSpace(query.Reference))
        {
            var reference = query.Reference.Trim();
            records = records.Where(r => db.Assessments.Any(a => a.Id == r.AssessmentId && a.Reference == reference));
        }

        if (!string.IsNullOrWhiteSpace(query.Person))
        {
            var person = query.Person.Trim().ToLowerInvariant();
            records = records.Where(r => r.ActorName.ToLower().Contains(person));
        }

        if (query.From is { } from)
        {
            var start = UkCalendar.StartOf(from);
            records = records.Where(r => r.At >= start);
        }

        if (query.To is { } to)
        {
            var end = UkCalendar.StartOf(to.AddDays(1));
            records = records.Where(r => r.At < end);
        }

        var total = await records.CountAsync(cancellationToken);
        var page = Math.Clamp(query.Page, 1, Math.Max(1, (total + AuditSearchQuery.PageSize - 1) / AuditSearchQuery.PageSize));
        var rows = await records.OrderByDescending(r => r.Id)
            .Skip((page - 1) * AuditSearchQuery.PageSize)
            .Take(AuditSearchQuery.PageSize)
            .Select(r => new
            {
                r.Id,
                r.At,
                r.ActorName,
                r.ActorRole,
                r.ActorOrganisation,
                r.Action,
                r.AssessmentId,
                r.SourceAddress,
                r.Detail,
                r.ChainSequence,
                Reference = db.Assessments.Where(a => a.Id == r.AssessmentId).Select(a => a.Reference).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return new AuditSearchResult(
            rows.Select(r => new AuditSearchRow(r.Id, r.At, r.ActorName, r.ActorRole, r.ActorOrganisation, r.Action, r.Reference, r.AssessmentId, r.SourceAddress, r.Detail, r.ChainSequence is not null)).ToList(),
            total, page);
    }
}
