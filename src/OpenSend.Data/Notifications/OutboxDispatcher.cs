using Microsoft.EntityFrameworkCore;
using OpenSend.Data.Database;

namespace OpenSend.Data.Notifications;

/// <summary>Delivers one email (SMTP or GOV.UK Notify); returns the provider's reference.</summary>
public interface IEmailSender
{
    Task<string?> SendAsync(OutboxMessage message, CancellationToken cancellationToken);
}

/// <summary>
/// Sends the outbox: each due message once, recording success, or the error and the next attempt
/// (1, 2, 4, 8 minutes; failed after 5 attempts). Each message is claimed, sent and marked in a
/// transaction of its own, so a crash resends at most one; on PostgreSQL the claim is a row lock
/// taken with SKIP LOCKED, so two instances of the app never send the same message (SQLite is one
/// process's database, with one delivery loop).
/// </summary>
public sealed class OutboxDispatcher(OpenSendDbContext db, TimeProvider time)
{
    public async Task<(int Sent, int Failed)> DeliverDueAsync(IEmailSender sender, int batchSize = 50, CancellationToken cancellationToken = default)
    {
        int sent = 0, failed = 0;
        while (sent + failed < batchSize)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (await ClaimNextAsync(cancellationToken) is not { } message)
            {
                break;
            }

            try
            {
                message.MarkSent(time.GetUtcNow(), await sender.SendAsync(message, cancellationToken));
                sent++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                message.MarkFailed(time.GetUtcNow(), $"{ex.GetType().Name}: {ex.Message}");
                failed++;
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return (sent, failed);
    }

    private async Task<OutboxMessage?> ClaimNextAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (db.Database.IsNpgsql())
        {
            var pending = nameof(OutboxStatus.Pending);
            // Not composed further: FOR UPDATE must stay on the outer query EF sends.
            var claimed = await db.Outbox.FromSql(
                $"SELECT * FROM notification_outbox WHERE status = {pending} AND next_attempt_at <= {now} ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED")
                .ToListAsync(cancellationToken);
            return claimed.SingleOrDefault();
        }

        return await db.Outbox.Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now)
            .OrderBy(m => m.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);
    }
}
