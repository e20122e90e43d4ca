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
/// The chain's head at a moment, signed with the audit key, written outside the database
/// (`opensend audit checkpoint`): a later chain that no longer has this hash at this number was
/// rewritten or cut short, even by someone able to recompute it.
/// </summary>
public sealed record AuditCheckpoint(long Sequence, string Hash, DateTimeOffset At, string Signature)
{
    public static string SignedText(long sequence, string hash, DateTimeOffset at) =>
        $"opensend-audit-checkpoint/1;{sequence};{hash};{at.UtcTicks}";
}

/// <summary>
/// Makes the audit log tamper-evident. Records are written with the change they describe (no
/// lock on the hot path); every few seconds the sealer gives the unsealed ones, in the order they
/// were written, the next sequence numbers and chains each to the previous with HMAC-SHA256 under
/// the audit key (<see cref="AuditKey"/>, kept outside the database). Verifying walks the chain: an
/// edited record breaks its hash, a deleted one leaves a gap; against a checkpoint kept outside the
/// database, a rewritten or shortened chain is caught too.
/// </summary>
public sealed class AuditChain(OpenSendDbContext db, TimeProvider time, AuditKey key)
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>Records newer than this are left for the next round, so slower transactions can commit first.</summary>
    public static readonly TimeSpan SettlingTime = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Once, when the chain was sealed before it was keyed: checks the first-form chain and, if it is
    /// intact, seals it again from the start in the keyed form, in one transaction. Verification then
    /// accepts only keyed records, so a chain rewritten in the unkeyed form (which anyone can compute)
    /// is caught. A broken first-form chain is left as it is, as evidence. Returns how many were re-sealed.
    /// </summary>
    public async Task<long> KeyLegacyChainAsync(CancellationToken cancellationToken = default)
    {
        if (!await db.AuditRecords.AnyAsync(r => r.ChainSequence != null && r.ChainForm != AuditRecord.KeyedForm, cancellationToken))
        {
            return 0;
        }

        if (!(await WalkAsync(null, acceptFirstForm: true, cancellationToken)).Intact)
        {
            return 0;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var head = await db.Set<AuditChainHead>().SingleAsync(h => h.Id == AuditChainHead.SingletonId, cancellationToken);
        var previous = GenesisHash;
        long resealed = 0;
        for (long from = 0; ; from += 5_000)
        {
            var batch = await db.AuditRecords.Where(r => r.ChainSequence > from && r.ChainSequence <= from + 5_000).OrderBy(r => r.ChainSequence).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var record in batch)
            {
                record.Reseal(previous, key);
                previous = record.Hash!;
            }

            resealed += batch.Count;
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            db.Attach(head);
        }

        head.LastHash = previous;
        head.Version++;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return resealed;
    }

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
            record.Seal(head.LastSequence + 1, head.LastHash, key);
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

    /// <summary>The head of the chain now, signed with the audit key, to keep outside the database.</summary>
    public async Task<AuditCheckpoint> CheckpointAsync(CancellationToken cancellationToken = default)
    {
        var head = await db.Set<AuditChainHead>().AsNoTracking().SingleOrDefaultAsync(cancellationToken) ?? new AuditChainHead();
        var at = time.GetUtcNow();
        return new AuditCheckpoint(head.LastSequence, head.LastHash, at, key.Mac(AuditCheckpoint.SignedText(head.LastSequence, head.LastHash, at)));
    }

    /// <summary>
    /// Recomputes every sealed record's hash in sequence order and checks the links and the head;
    /// with a <paramref name="checkpoint"/>, also that the chain still has the checkpoint's hash at its number.
    /// </summary>
    public Task<AuditVerification> VerifyAsync(AuditCheckpoint? checkpoint = null, CancellationToken cancellationToken = default) =>
        WalkAsync(checkpoint, acceptFirstForm: false, cancellationToken);

    private async Task<AuditVerification> WalkAsync(AuditCheckpoint? checkpoint, bool acceptFirstForm, CancellationToken cancellationToken)
    {
        if (checkpoint is not null && key.Mac(AuditCheckpoint.SignedText(checkpoint.Sequence, checkpoint.Hash, checkpoint.At)) != checkpoint.Signature)
        {
            return new AuditVerification(0, 0, "The checkpoint's signature is not the audit key's: the checkpoint was altered, or this is not the key the service seals with.");
        }

        string? hashAtCheckpoint = checkpoint is { Sequence: 0 } ? GenesisHash : null;
        var expectedPrevious = GenesisHash;
        long expectedSequence = 1;
        await foreach (var record in db.AuditRecords.AsNoTracking().Where(r => r.ChainSequence != null).OrderBy(r => r.ChainSequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (record.ChainSequence != expectedSequence)
            {
                return new AuditVerification(expectedSequence - 1, 0, $"Audit record number {expectedSequence} in the chain is missing (the next is number {record.ChainSequence}, record {record.Id}).");
            }

            if (record.ChainForm != AuditRecord.KeyedForm && !acceptFirstForm)
            {
                return new AuditVerification(expectedSequence - 1, 0, $"Audit record {record.Id} (number {expectedSequence} in the chain) is not sealed with the audit key: the chain was sealed before it was keyed and not yet re-sealed, or it was rewritten without the key.");
            }

            if (record.PreviousHash != expectedPrevious || !record.HashMatches(expectedSequence, expectedPrevious, key))
            {
                return new AuditVerification(expectedSequence - 1, 0, $"Audit record {record.Id} (number {expectedSequence} in the chain, {record.Action} at {record.At:u}) has been altered"
                    + (record.ChainForm == AuditRecord.KeyedForm ? ", or this is not the audit key the service seals with (OpenSend:Audit:Key)." : "."));
            }

            if (record.ChainSequence == checkpoint?.Sequence)
            {
                hashAtCheckpoint = record.Hash;
            }

            expectedPrevious = record.Hash!;
            expectedSequence++;
        }

        var head = await db.Set<AuditChainHead>().AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (head is not null && (head.LastSequence != expectedSequence - 1 || head.LastHash != expectedPrevious))
        {
            return new AuditVerification(expectedSequence - 1, 0, $"The chain ends at number {expectedSequence - 1} but its head says {head.LastSequence}: sealed records have been removed from the end.");
        }

        if (checkpoint is not null && hashAtCheckpoint != checkpoint.Hash)
        {
            return new AuditVerification(expectedSequence - 1, 0, hashAtCheckpoint is null
                ? $"The chain ends at number {expectedSequence - 1}, but the checkpoint of {checkpoint.At:u} recorded number {checkpoint.Sequence}: sealed records have been removed."
                : $"The chain was rewritten: record number {checkpoint.Sequence} no longer has the hash the checkpoint of {checkpoint.At:u} recorded.");
        }

        var unsealed = await db.AuditRecords.LongCountAsync(r => r.ChainSequence == null, cancellationToken);
        return new AuditVerification(expectedSequence - 1, unsealed, null);
    }
}
