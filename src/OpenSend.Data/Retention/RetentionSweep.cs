using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using OpenSend.Data.Assessments;
using OpenSend.Data.Audit;
using OpenSend.Data.Database;
using OpenSend.Data.Documents;
using OpenSend.Domain.Common;
using OpenSend.Domain.Documents;

namespace OpenSend.Data.Retention;

/// <summary>
/// How long a child's SEND record is kept: by default until 31 years after their date of birth
/// (the period commonly used for SEN files: to age 25 plus six years, Limitation Act 1980).
/// Configurable (OpenSend:Retention:YearsAfterBirth).
/// </summary>
public sealed record RetentionPolicy(int YearsAfterBirth)
{
    public const int DefaultYearsAfterBirth = 31;

    /// <summary>Children born on or before this date have passed the retention period.</summary>
    public DateOnly BornOnOrBefore(DateOnly today) => today.AddYears(-YearsAfterBirth);
}

/// <summary>
/// Anonymises every case past the retention period (daily in the web app; `opensend retention run`).
/// The case keeps its dates, stages and legal bases for statistics; its plan (free text in every
/// section, in every version) and its documents are deleted, files included, because nothing in
/// them can be kept without the child's story.
/// </summary>
public sealed class RetentionSweep(OpenSendDbContext db, RetentionPolicy policy, DocumentStorage documents, TimeProvider time)
{
    /// <summary>Cases due for anonymisation (or anonymised, unless <paramref name="dryRun"/>); returns how many.</summary>
    public async Task<int> RunAsync(bool dryRun = false, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var cutoff = policy.BornOnOrBefore(UkCalendar.DateOf(now));
        var due = db.Assessments.Where(a => a.AnonymisedAt == null && a.Child.DateOfBirth <= cutoff);
        if (dryRun)
        {
            return await due.CountAsync(cancellationToken);
        }

        var cases = await due
            .Include(a => a.Timeline).Include(a => a.Exceptions).Include(a => a.PanelRecommendations).Include(a => a.AdviceRequests)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var system = new RequestContext(Actor.System, OpenSend.Domain.Identity.Viewer.Public, null);
        var files = new HashSet<string>();
        foreach (var assessment in cases)
        {
            assessment.Anonymise(now, AssessmentCases.HashTrackingToken(Convert.ToHexString(RandomNumberGenerator.GetBytes(24))));
            await db.FamilyLinks.Where(l => l.AssessmentId == assessment.Id).ExecuteDeleteAsync(cancellationToken);
            // Versions and comments go with the plan (cascade).
            await db.Plans.Where(p => p.LaCode == assessment.LaCode && p.AssessmentId == assessment.Id).ExecuteDeleteAsync(cancellationToken);
            await db.AdviceContributions.Where(c => c.LaCode == assessment.LaCode && c.AssessmentId == assessment.Id).ExecuteDeleteAsync(cancellationToken);
            await db.FamilyViews.Where(v => v.LaCode == assessment.LaCode && v.AssessmentId == assessment.Id).ExecuteDeleteAsync(cancellationToken);
            await db.ReviewContributions.Where(c => c.LaCode == assessment.LaCode && c.AssessmentId == assessment.Id).ExecuteDeleteAsync(cancellationToken);
            foreach (var review in await db.AnnualReviews.Where(r => r.LaCode == assessment.LaCode && r.AssessmentId == assessment.Id).ToListAsync(cancellationToken))
            {
                review.Anonymise();
            }

            var onCase = db.Set<CaseDocument>().Where(d => d.LaCode == assessment.LaCode && d.AssessmentId == assessment.Id);
            files.UnionWith(await onCase.Select(d => d.Sha256).ToListAsync(cancellationToken));
            await onCase.ExecuteDeleteAsync(cancellationToken);
            db.AuditRecords.Add(AuditRecord.For(system, assessment.LaCode, assessment.Id, "case.anonymised", now,
                $"Retention period ({policy.YearsAfterBirth} years after birth) ended"));
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var sha256 in files)
        {
            // The same file may also be on a case still within its retention period.
            if (!await db.Set<CaseDocument>().AnyAsync(d => d.Sha256 == sha256, cancellationToken))
            {
                File.Delete(documents.PathFor(sha256));
            }
        }

        return cases.Count;
    }
}
