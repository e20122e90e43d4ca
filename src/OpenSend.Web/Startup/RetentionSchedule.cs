using OpenSend.Data.Retention;

namespace OpenSend.Web.Startup;

/// <summary>
/// Anonymises the cases past the retention period and purges what has outlived its purpose: a few
/// minutes after start (an app restarted more often than daily would otherwise never run it), then
/// once a day. A case that fails is logged and left; the others go ahead.
/// </summary>
public sealed class RetentionSchedule(IServiceScopeFactory scopes, TimeProvider time, ILogger<RetentionSchedule> logger) : BackgroundService
{
    public static readonly TimeSpan FirstRunAfterStart = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Delay(FirstRunAfterStart, time, stoppingToken);
        using var timer = new PeriodicTimer(TimeSpan.FromDays(1), time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var result = await scope.ServiceProvider.GetRequiredService<RetentionSweep>().RunAsync(cancellationToken: stoppingToken);
                logger.LogInformation("Retention: anonymised {Count} cases; removed {Emails} old email records, {Codes} expired codes, {Accounts} unused family accounts, {Addresses} old audit addresses",
                    result.Anonymised, result.Purged.OutboxMessages, result.Purged.OneTimeCodes, result.Purged.FamilyAccounts, result.Purged.AuditAddresses);
                foreach (var failure in result.Failures)
                {
                    logger.LogError("Retention: a case was not anonymised and is left as it was: {Failure}", failure);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "The retention sweep failed; it will try again tomorrow");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
