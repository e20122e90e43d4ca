using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenSend.Data.Access;
using OpenSend.Data.Assessments;
using OpenSend.Data.Database;
using OpenSend.Data.Notifications;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Identity;
using OpenSend.Testing;

namespace OpenSend.Data.Tests;

/// <summary>The family hears of each outcome by email, through a durable outbox, without the child's name.</summary>
public abstract class NotificationTests(TestProvider provider, PostgresServer postgres) : DataTest(provider, postgres)
{
    /// <summary>A stand-in for the mail service (an external system): records what it is asked to send, or fails.</summary>
    private sealed class RecordingSender(int failures = 0) : IEmailSender
    {
        private int _failuresLeft = failures;

        public List<OutboxMessage> Sent { get; } = [];

        /// <summary>Each message's body as it was handed over (the row's own is removed once sent).</summary>
        public List<string> Bodies { get; } = [];

        public Task<string?> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            if (_failuresLeft-- > 0)
            {
                throw new IOException("SMTP server unavailable");
            }

            Sent.Add(message);
            Bodies.Add(message.Body);
            return Task.FromResult<string?>($"ref-{Sent.Count}");
        }
    }

    [Fact]
    public async Task ADecision_IsEmailedToTheRequesterAndLinkedFamily_WithoutTheChildsName()
    {
        var submitted = await ReceiveAsync(givenName: "Zephyrine");
        await InScope(sp => sp.GetRequiredService<CaseLinks>().LinkFamilyAsync(In999, submitted.Id, "carer@example.com", Role.Parent));

        await InScope(sp => sp.GetRequiredService<AssessmentCases>().DecideToAssessAsync(In999, submitted.Id, new DateOnly(2026, 6, 15), "Evidence."));

        var updates = await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().Outbox.Where(m => m.Kind == CaseNotifications.Kind && m.Subject == $"Update on your request {submitted.Reference}").ToListAsync());
        var decision = updates.Where(m => m.Body.Contains("decided to carry out an EHC needs assessment", StringComparison.Ordinal)).ToList();
        Assert.Equal(["carer@example.com", "pat@example.com"], decision.Select(m => m.Recipient).Order());
        Assert.All(updates, m => Assert.DoesNotContain("Zephyrine", m.Body + m.Subject));
        Assert.All(decision, m => Assert.Contains("Next: ", m.Body));
    }

    [Fact]
    public async Task ARequestForAdvice_IsNotEmailed()
    {
        var submitted = await ReceiveAsync();
        await InScope(sp => sp.GetRequiredService<AssessmentCases>().DecideToAssessAsync(In999, submitted.Id, new DateOnly(2026, 6, 15), ""));
        var before = await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().Outbox.CountAsync());

        await InScope(sp => sp.GetRequiredService<AssessmentCases>().RequestAdviceAsync(In999, submitted.Id, AdviserKind.Health, "Paediatrics", new DateOnly(2026, 6, 15)));

        Assert.Equal(before, await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().Outbox.CountAsync()));
    }

    [Fact]
    public async Task TheDispatcher_SendsEachDueMessageOnce()
    {
        await ReceiveAsync();
        var sender = new RecordingSender();

        var first = await InScope(sp => sp.GetRequiredService<OutboxDispatcher>().DeliverDueAsync(sender));
        var second = await InScope(sp => sp.GetRequiredService<OutboxDispatcher>().DeliverDueAsync(sender));

        Assert.Equal((1, 0), first);
        Assert.Equal((0, 0), second);
        var message = await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().Outbox.SingleAsync());
        Assert.Equal(OutboxStatus.Sent, message.Status);
        Assert.Equal("ref-1", message.ProviderReference);
        Assert.Contains("request", sender.Bodies.Single(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal((OutboxMessage.Removed, OutboxMessage.Removed), (message.Subject, message.Body));
    }

    [Fact]
    public async Task AFailedSend_IsRetriedWithBackOff_AndGivenUpAfterFiveAttempts()
    {
        await ReceiveAsync();
        var sender = new RecordingSender(failures: 10);

        Assert.Equal((0, 1), await InScope(sp => sp.GetRequiredService<OutboxDispatcher>().DeliverDueAsync(sender)));
        Assert.Equal((0, 0), await InScope(sp => sp.GetRequiredService<OutboxDispatcher>().DeliverDueAsync(sender)));
        foreach (var wait in new[] { 1, 2, 4, 8 })
        {
            Time.Advance(TimeSpan.FromMinutes(wait));
            await InScope(sp => sp.GetRequiredService<OutboxDispatcher>().DeliverDueAsync(sender));
        }

        var message = await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().Outbox.SingleAsync());
        Assert.Equal(OutboxStatus.Failed, message.Status);
        Assert.Equal(5, message.Attempts);
        Assert.Contains("SMTP server unavailable", message.LastError);
        Assert.Equal(OutboxMessage.Removed, message.Body);
    }
}

/// <summary>Two instances of the app deliver the same PostgreSQL outbox: each message is sent once.</summary>
public sealed class OutboxClaimTests(PostgresServer postgres) : DataTest(TestProvider.PostgreSql, postgres)
{
    private sealed class SlowSender : IEmailSender
    {
        public System.Collections.Concurrent.ConcurrentBag<Guid> Sent { get; } = [];

        public async Task<string?> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            await Task.Delay(100, cancellationToken);
            Sent.Add(message.Id);
            return null;
        }
    }

    [Fact]
    public async Task TwoDispatchersAtOnce_SendEachMessageExactlyOnce()
    {
        await InScope(async sp =>
        {
            var db = sp.GetRequiredService<OpenSendDbContext>();
            for (var i = 0; i < 20; i++)
            {
                db.Outbox.Add(new OutboxMessage(Guid.NewGuid(), "case-update", $"family{i}@example.com", "Update", "Body", "999", Time.GetUtcNow().AddSeconds(-i)));
            }

            return await db.SaveChangesAsync();
        });
        var sender = new SlowSender();

        var results = await Task.WhenAll(
            InScope(sp => sp.GetRequiredService<OutboxDispatcher>().DeliverDueAsync(sender)),
            InScope(sp => sp.GetRequiredService<OutboxDispatcher>().DeliverDueAsync(sender)));

        Assert.Equal(20, sender.Sent.Count);
        Assert.Equal(20, sender.Sent.Distinct().Count());
        Assert.All(results, r => Assert.True(r.Sent > 0, "Both dispatchers took a share of the work."));
    }
}

public sealed class NotificationTests_Sqlite(PostgresServer postgres) : NotificationTests(TestProvider.Sqlite, postgres);

public sealed class NotificationTests_PostgreSql(PostgresServer postgres) : NotificationTests(TestProvider.PostgreSql, postgres);
