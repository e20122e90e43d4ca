namespace OpenSend.Data.Notifications;

public enum OutboxStatus
{
    Pending,
    Sent,
    Failed,
}

/// <summary>
/// An email waiting to be sent, written in the same transaction as the change it reports so a
/// message is never lost or sent for something that did not happen. A sender delivers it later
/// (SMTP or GOV.UK Notify). Messages say what changed and what to do next, never the child's name.
/// </summary>
public sealed class OutboxMessage
{
    public const int MaximumAttempts = 5;

    private OutboxMessage()
    {
        Recipient = Subject = Body = Kind = string.Empty;
    }

    public OutboxMessage(Guid id, string kind, string recipient, string subject, string body, string? laCode, DateTimeOffset now)
    {
        Id = id;
        Kind = kind;
        Recipient = recipient;
        Subject = subject;
        Body = body;
        LaCode = laCode;
        CreatedAt = now;
        NextAttemptAt = now;
    }

    public Guid Id { get; private set; }

    /// <summary>What the message is for, e.g. "case-update", "sign-in-code", "staff-invitation".</summary>
    public string Kind { get; private set; }

    public string Recipient { get; private set; }

    public string Subject { get; private set; }

    public string Body { get; private set; }

    public string? LaCode { get; private set; }

    public OutboxStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public string? LastError { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    /// <summary>A reference from the delivery service (SMTP message id, Notify notification id).</summary>
    public string? ProviderReference { get; private set; }

    /// <summary>What a message's subject and body become once it has been delivered or given up.</summary>
    public const string Removed = "(removed once delivered)";

    /// <summary>
    /// Marks the message sent and removes its subject and body: they can hold a sign-in code or a
    /// set-password link, and the service has no need of a copy once the email has gone (the case's
    /// own record says what happened). Who it went to, what kind, when and the provider's
    /// reference stay, as evidence of delivery.
    /// </summary>
    public void MarkSent(DateTimeOffset now, string? providerReference)
    {
        Status = OutboxStatus.Sent;
        SentAt = now;
        ProviderReference = providerReference;
        Attempts++;
        RemoveContent();
    }

    public void RemoveContent()
    {
        Subject = Removed;
        Body = Removed;
    }

    /// <summary>Backs off 1, 2, 4, 8 minutes; gives up after <see cref="MaximumAttempts"/>.</summary>
    public void MarkFailed(DateTimeOffset now, string error)
    {
        Attempts++;
        LastError = error.Length > 1000 ? error[..1000] : error;
        if (Attempts >= MaximumAttempts)
        {
            Status = OutboxStatus.Failed;
            RemoveContent();
            return;
        }

        NextAttemptAt = now + TimeSpan.FromMinutes(Math.Pow(2, Attempts - 1));
    }
}
