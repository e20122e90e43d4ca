using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Notify.Client;
using OpenSend.Data.Notifications;

namespace OpenSend.Web.Notifications;

/// <summary>How the outbox is delivered (Notifications:Sender).</summary>
public enum SenderKind
{
    /// <summary>Held in the outbox, visible at /development/outbox in Development. The default.</summary>
    Outbox,

    Smtp,

    GovUkNotify,
}

public sealed class NotificationOptions
{
    public SenderKind Sender { get; set; } = SenderKind.Outbox;

    /// <summary>How often the outbox is checked.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    public SmtpOptions Smtp { get; set; } = new();

    public GovUkNotifyOptions GovUkNotify { get; set; } = new();

    public sealed class SmtpOptions
    {
        public string Host { get; set; } = "localhost";

        public int Port { get; set; } = 587;

        public bool UseStartTls { get; set; } = true;

        public string? UserName { get; set; }

        public string? Password { get; set; }

        public string From { get; set; } = "OpenSEND <no-reply@opensend.invalid>";
    }

    /// <summary>A GOV.UK Notify email template whose subject is ((subject)) and body ((body)).</summary>
    public sealed class GovUkNotifyOptions
    {
        public string? ApiKey { get; set; }

        public string? TemplateId { get; set; }
    }
}

/// <summary>Sends through an SMTP relay with MailKit.</summary>
public sealed class SmtpEmailSender(NotificationOptions.SmtpOptions options) : IEmailSender
{
    public async Task<string?> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var email = new MimeMessage();
        email.From.Add(MailboxAddress.Parse(options.From));
        email.To.Add(MailboxAddress.Parse(message.Recipient));
        email.Subject = message.Subject;
        email.Body = new TextPart("plain") { Text = message.Body };
        using var client = new SmtpClient();
        await client.ConnectAsync(options.Host, options.Port, options.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, cancellationToken);
        if (!string.IsNullOrEmpty(options.UserName))
        {
            await client.AuthenticateAsync(options.UserName, options.Password ?? string.Empty, cancellationToken);
        }

        var response = await client.SendAsync(email, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
        return response;
    }
}

/// <summary>Sends through GOV.UK Notify, the government's notification service.</summary>
public sealed class GovUkNotifyEmailSender(NotificationOptions.GovUkNotifyOptions options) : IEmailSender
{
    private readonly NotificationClient _client = new(options.ApiKey ?? throw new InvalidOperationException("Notifications:GovUkNotify:ApiKey is not set."));

    public async Task<string?> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var response = await _client.SendEmailAsync(message.Recipient, options.TemplateId,
            new Dictionary<string, dynamic> { ["subject"] = message.Subject, ["body"] = message.Body },
            clientReference: message.Id.ToString(), emailReplyToId: null);
        return response.id;
    }
}

/// <summary>Delivers the outbox in the background with the configured sender.</summary>
public sealed class NotificationDelivery(IServiceScopeFactory scopes, NotificationOptions options, TimeProvider time, ILogger<NotificationDelivery> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        IEmailSender? sender = options.Sender switch
        {
            SenderKind.Smtp => new SmtpEmailSender(options.Smtp),
            SenderKind.GovUkNotify => new GovUkNotifyEmailSender(options.GovUkNotify),
            _ => null,
        };
        if (sender is null)
        {
            logger.LogWarning("Notifications are held in the outbox and not sent (Notifications:Sender is Outbox)");
            return;
        }

        using var timer = new PeriodicTimer(options.PollInterval, time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var (sent, failed) = await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DeliverDueAsync(sender, cancellationToken: stoppingToken);
                if (sent + failed > 0)
                {
                    logger.LogInformation("Outbox: {Sent} sent, {Failed} failed", sent, failed);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Delivering the outbox failed; it will try again");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
