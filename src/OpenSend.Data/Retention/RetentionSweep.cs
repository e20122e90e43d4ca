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

/// <summary>What a retention run did: cases anonymised, cases that failed (each left as it was, with why), and what was purged.</summary>
public sealed record RetentionRun(int Anonymised, IReadOnlyList<string> Failures, RetentionPurge Purged);

/// <summary>Rows removed because their purpose has passed.</summary>
public sealed record RetentionPurge(int OutboxMessages, int OneTimeCodes, int FamilyAccounts, int AuditAddresses)
{
    public static RetentionPurge None { get; } = new(0, 0, 0, 0);
}

/// <summary>
/// Anonymises every case past the retention period (daily in the web app; `opensend retention run`).
/// The case keeps its dates, stages and legal bases for statistics; its plan (free text in every
/// section, in every version) and its documents are deleted, files included, because nothing in
/// them can be kept without the child's story. Each case is anonymised in a transaction of its own,
/// with its audit record, so a failure leaves that case as it was and the others go ahead. The run
/// also removes what has outlived its purpose: sent and failed emails after
/// <see cref="OutboxKeptFor"/>, one-time codes a day after they expired, and family accounts with no
/// request that have not signed in for <see cref="UnusedFamilyAccountsKeptFor"/>, and the client
/// addresses in the audit log after <see cref="AuditAddressesKeptFor"/> (records sealed in the keyed
/// form hold a digest of the address instead, so the chain still verifies).
/// </summary>
public sealed class RetentionSweep(OpenSendDbContext db, RetentionPolicy policy, DocumentStorage documents, TimeProvider time)
{
    /// <summary>Who an email went to and when, kept as evidence of delivery (its content goes once delivered).</summary>
    public static readonly TimeSpan OutboxKeptFor = TimeSpan.FromDays(90);

    /// <summary>A family account that never followed a request, or whose requests were all removed, unused this long.</summary>
    public static readonly TimeSpan UnusedFamilyAccountsKeptFor = TimeSpan.FromDays(365);

    /// <summary>Long enough to look into a misuse reported within a quarter; an address is personal data.</summary>
    public static readonly TimeSpan AuditAddressesKeptFor = TimeSpan.FromDays(90);

    /// <summary>Cases due for anonymisation (or anonymised, unless <paramref name="dryRun"/>) and what is purged.</summary>
    public async Task<RetentionRun> RunAsync(bool dryRun = false, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var cutoff = policy.BornOnOrBefore(UkCalendar.DateOf(now));
        var due = db.Assessments.Where(a => a.AnonymisedAt == null && a.Child.DateOfBirth <= cutoff);
        if (dryRun)
        {
            return new RetentionRun(await due.CountAsync(cancellationToken), [], RetentionPurge.None);
        }

        var ids = await due.Select(a => a.Id).ToListAsync(cancellationToken);
        var failures = new List<string>();
        var anonymised = 0;
        foreach (var id in ids)
        {
            try
            {
                await AnonymiseAsync(id, now, cancellationToken);
                anonymised++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failures.Add($"Case {id}: {ex.GetType().Name}: {ex.Message}");
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }

        return new RetentionRun(anonymised, failures, await PurgeAsync(now, cancellationToken));
    }

    private async Task AnonymiseAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var assessment = await db.Assessments
            .Include(a => a.Timeline).Include(a => a.Exceptions).Include(a => a.PanelRecommendations).Include(a => a.AdviceRequests)
            .AsSplitQuery()
            .SingleAsync(a => a.Id == id, cancellationToken);
        var system = new RequestContext(Actor.System, OpenSend.Domain.Identity.Viewer.Public, null);
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

        foreach (var amendment in await db.PlanAmendments.Where(a => a.LaCode == assessment.LaCode && a.AssessmentId == assessment.Id).ToListAsync(cancellationToken))
        {
            amendment.Anonymise();
        }

        var onCase = db.Set<CaseDocument>().Where(d => d.LaCode == assessment.LaCode && d.AssessmentId == assessment.Id);
        var files = await onCase.Select(d => d.Sha256).ToListAsync(cancellationToken);
        await onCase.ExecuteDeleteAsync(cancellationToken);
        db.AuditRecords.Add(AuditRecord.For(system, assessment.LaCode, assessment.Id, AuditActions.Anonymised, now,
            $"Retention period ({policy.YearsAfterBirth} years after birth) ended"));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        // Files only once the rows are gone for good; the same file may also be on a case still within its retention period.
        foreach (var sha256 in files.Distinct())
        {
            if (!await db.Set<CaseDocument>().AnyAsync(d => d.Sha256 == sha256, cancellationToken))
            {
                File.Delete(documents.PathFor(sha256));
            }
        }
    }

    private async Task<RetentionPurge> PurgeAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var outboxBefore = now - OutboxKeptFor;
        var outbox = await db.Outbox.Where(m => m.Status != OpenSend.Data.Notifications.OutboxStatus.Pending && m.CreatedAt < outboxBefore).ExecuteDeleteAsync(cancellationToken);
        var expired = now.AddDays(-1);
        var codes = await db.OneTimeCodes.Where(c => c.ExpiresAt < expired).ExecuteDeleteAsync(cancellationToken);
        var unusedSince = now - UnusedFamilyAccountsKeptFor;
        var accounts = await db.People
            .Where(p => p.Kind == OpenSend.Domain.Identity.PersonKind.Family
                && (p.LastSignedInAt ?? p.CreatedAt) < unusedSince
                && !db.FamilyLinks.Any(l => l.PersonId == p.Id))
            .ExecuteDeleteAsync(cancellationToken);
        var addressesBefore = now - AuditAddressesKeptFor;
        var addresses = await db.AuditRecords
            .Where(a => a.ChainForm == AuditRecord.KeyedForm && a.SourceAddress != null && a.At < addressesBefore)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.SourceAddress, (string?)null), cancellationToken);
        return new RetentionPurge(outbox, codes, accounts, addresses);
    }
}
