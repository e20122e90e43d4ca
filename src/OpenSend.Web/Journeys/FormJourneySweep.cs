using OpenSend.Data.Journeys;

namespace OpenSend.Web.Journeys;

/// <summary>Every hour, deletes form answers nobody submitted within a day (they hold children's details).</summary>
public sealed class FormJourneySweep(IServiceScopeFactory scopes, TimeProvider time, ILogger<FormJourneySweep> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var removed = await scope.ServiceProvider.GetRequiredService<FormJourneyStore>().PurgeExpiredAsync(stoppingToken);
                if (removed > 0)
                {
                    logger.LogInformation("Deleted {Count} unfinished form journeys older than {Hours} hours", removed, FormJourney.Lifetime.TotalHours);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "The form journey sweep failed; it will try again in an hour");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
