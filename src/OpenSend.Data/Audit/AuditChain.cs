using Microsoft.EntityFrameworkCore;
using OpenSend.Data.Database;

namespace OpenSend.Data.Audit;

/// <summary>The chain's head: the last sealed record. One row; optimistic concurrency makes sealing single-writer.</summary>
public sealed class AuditChainHead
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    public long LastSequence { get; set; }

    public string LastHash { get; set; } = AuditChain.GenesisHash;

    public int Version { get; set; }
}

public sealed record AuditVerification(long Verified, long Unsealed, string? Problem)
{
    public bool Intact => Problem is null;
}

/// <summary>
/// Makes the audit log tamper-evident. Records are written with the change they describe (no
/// lock on the hot path); every few seconds the sealer gives the unsealed ones, in the order they
/// were written, the next sequence numbers and chains each to the previous by SHA-256. Verifying
/// walks the chain: an edited record breaks its hash, a deleted one leaves a gap.
/// </summary>
public sealed class AuditChain(OpenSendDbContext db, TimeProvider time)
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>Records newer than this are left for the next round, so slower transactions can commit first.</summary>
    public static readonly TimeSpan SettlingTime = TimeSpan.FromSeconds(2);

    /// <summary>Seals unsealed records; returns how many. Safe to run from several instances at once.</summary>
    public async Task<int> SealAsync(int batchSize = 5_000, CancellationToken cancellationToken = default)
    {
        var head = await db.Set<AuditChainHead>().SingleOrDefaultAsync(h => h.Id == AuditChainHead.SingletonId, cancellationToken);
        if (head is null)
        {
            head = new AuditChainHead();
            db.Add(head);
        }

        var settledBefore = time.GetUtcNow() - SettlingTime;
        var records = await db.AuditRecords
            .Where(r => r.ChainSequence == null && r.At <= settledBefore)
            .OrderBy(r => r.Id)
            .Take(batchSize)
            .ToListAsync(cancellationToken);
        if (records.Count == 0)
        {
            db.ChangeTracker.Clear();
            return 0;
        }

        foreach (var record in records)
        {
            record.Seal(head.LastSequence + 1, head.LastHash);
            head.LastSequence = record.ChainSequence!.Value;
            head.LastHash = record.Hash!;
        }

        head.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another sealer moved the head first; this batch is sealed by it or by the next round.
            db.ChangeTracker.Clear();
            return 0;
        }

        return records.Count;
    }

    /// <summary>Recomputes every sealed record's hash in sequence order and checks the links and the head.</summary>
    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var expectedPrevious = GenesisHash;
        long expectedSequence = 1;
        await foreach (var record in db.AuditRecords.AsNoTracking().Where(r => r.ChainSequence != null).OrderBy(r => r.ChainSequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (record.ChainSequence != expectedSequence)
            {
                return new AuditVerification(expectedSequence - 1, 0, $"Audit record number {expectedSequence} in the chain is missing (the next is number {record.ChainSequence}, record {record.Id}).");
            }

            if (record.PreviousHash != expectedPrevious || AuditRecord.ComputeHash(record.Canonical(expectedSequence, expectedPrevious)) != record.Hash)
            {
                return new AuditVerification(expectedSequence - 1, 0, $"Audit record {record.Id} (number {expectedSequence} in the chain, {record.Action} at {record.At:u}) has been altered.");
            }

            expectedPrevious = record.Hash!;
            expectedSequence++;
        }

        var head = await db.Set<AuditChainHead>().AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (head is not null && (head.LastSequence != expectedSequence - 1 || head.LastHash != expectedPrevious))
        {
            return new AuditVerification(expectedSequence - 1, 0, $"The chain ends at number {expectedSequence - 1} but its head says {head.LastSequence}: sealed records have been removed from the end.");
        }

        var unsealed = await db.AuditRecords.LongCountAsync(r => r.ChainSequence == null, cancellationToken);
        return new AuditVerification(expectedSequence - 1, unsealed, null);
    }
}
