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
/// (1, 2, 4, 8 minutes; failed after 5 attempts). A message is marked before the next is sent, so
/// a crash resends at most one.
/// </summary>
public sealed class OutboxDispatcher(OpenSendDbContext db, TimeProvider time)
{
    public async Task<(int Sent, int Failed)> DeliverDueAsync(IEmailSender sender, int batchSize = 50, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var due = await db.Outbox
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now)
            .OrderBy(m => m.CreatedAt)
            .Take(batchSize)
            .ToListAsync(cancellationToken);
        int sent = 0, failed = 0;
        foreach (var message in due)
        {
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
        }

        return (sent, failed);
    }
}
