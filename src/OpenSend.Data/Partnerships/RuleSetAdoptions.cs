using Microsoft.EntityFrameworkCore;
using OpenSend.Data.Access;
using OpenSend.Data.Audit;
using OpenSend.Data.Database;
using OpenSend.Domain.Common;
using OpenSend.Domain.Identity;
using OpenSend.Domain.LocalAuthorities;
using OpenSend.Domain.Partnerships;
using OpenSend.Domain.Timescales;

namespace OpenSend.Data.Partnerships;

/// <summary>An area, the rules it runs now, and the decisions that led there, newest first.</summary>
public sealed record AreaRules(LocalAuthority Area, IReadOnlyList<RuleSetAdoption> Decisions);

/// <summary>
/// The DfE decides which areas run the green paper's rules, and from when (issue 24): a dated, audited
/// decision through its page or `opensend adopt-rules`, never only demo data. Only the DfE (or the
/// command line, run by whoever runs the service) may decide.
/// </summary>
public sealed class RuleSetAdoptions(OpenSendDbContext db, TimeProvider time)
{
    public async Task<RuleSetAdoption> AdoptAsync(RequestContext context, string laCode, string ruleSetId, DateOnly from, string? reason,
        CancellationToken cancellationToken = default)
    {
        if (context.Actor != Actor.System && context.Viewer is not { IsStaff: true, Role: Role.DfeAnalyst, OrganisationKind: OrganisationKind.DepartmentForEducation })
        {
            throw new CaseAccessDeniedException();
        }

        var area = await db.LocalAuthorities.SingleOrDefaultAsync(l => l.Code == laCode, cancellationToken)
            ?? throw new StepRefusedException("la-unknown", $"There is no local authority {laCode}");
        var now = time.GetUtcNow();
        var adoption = RuleSetAdoption.Decide(area, ruleSetId, from, reason, context.Actor.DisplayName, now);
        db.RuleSetAdoptions.Add(adoption);
        db.AuditRecords.Add(AuditRecord.For(context, laCode, null, AuditActions.RuleSetAdopted, now,
            $"{RuleSetCatalogue.Get(ruleSetId).Name} from {from:yyyy-MM-dd}: {adoption.Reason}"));
        await db.SaveChangesAsync(cancellationToken);
        return adoption;
    }

    /// <summary>Every area that runs, or is to run, a rule set of its own, with the decisions recorded.</summary>
    public async Task<IReadOnlyList<AreaRules>> AreasAsync(CancellationToken cancellationToken = default)
    {
        var areas = await db.LocalAuthorities.AsNoTracking().Where(l => l.AdoptedRuleSetId != null).OrderBy(l => l.Name).ToListAsync(cancellationToken);
        var codes = areas.Select(a => a.Code).ToList();
        var decisions = (await db.RuleSetAdoptions.AsNoTracking().Where(a => codes.Contains(a.LaCode)).ToListAsync(cancellationToken))
            .ToLookup(a => a.LaCode);
        return [.. areas.Select(a => new AreaRules(a, [.. decisions[a.Code].OrderByDescending(d => d.RecordedAt)]))];
    }
}
