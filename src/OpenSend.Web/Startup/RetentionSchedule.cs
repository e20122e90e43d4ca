using OpenSend.Data.Retention;

namespace OpenSend.Web.Startup;

/// <summary>Once a day, anonymises the cases past the retention period.</summary>
public sealed class RetentionSchedule(IServiceScopeFactory scopes, TimeProvider time, ILogger<RetentionSchedule> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromDays(1), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var anonymised = await scope.ServiceProvider.GetRequiredService<RetentionSweep>().RunAsync(cancellationToken: stoppingToken);
                if (anonymised > 0)
                {
                    logger.LogInformation("Anonymised {Count} cases past the retention period", anonymised);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "The retention sweep failed; it will try again tomorrow");
            }
        }
    }
}
