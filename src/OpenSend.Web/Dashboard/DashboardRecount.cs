using OpenSend.Data.Dashboard;

namespace OpenSend.Web.Dashboard;

/// <summary>
/// Keeps every live LA's dashboard counts up to date: shortly after the app starts, then every few
/// minutes (OpenSend:Dashboard:RecountMinutes, 5 by default), recounts each LA whose records have
/// changed, whose year to date is from an earlier day, or whose counts are missing, one LA at a
/// time in its own scope (the largest LA's records are read whole, then let go). Pages read the
/// kept counts, so no visitor waits for a count.
/// </summary>
public sealed class DashboardRecount(IServiceScopeFactory scopes, TimeProvider time, IConfiguration configuration, ILogger<DashboardRecount> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromMinutes(configuration.GetValue("OpenSend:Dashboard:RecountMinutes", 5.0));
        await Task.Delay(TimeSpan.FromSeconds(10), time, stoppingToken);
        using var timer = new PeriodicTimer(every, time);
        do
        {
            try
            {
                await RecountOutOfDateAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Recounting the dashboard failed; it will try again in {Minutes} minutes", every.TotalMinutes);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task RecountOutOfDateAsync(CancellationToken stoppingToken)
    {
        IReadOnlyList<string> outOfDate;
        await using (var scope = scopes.CreateAsyncScope())
        {
            outOfDate = await scope.ServiceProvider.GetRequiredService<DashboardCounts>().OutOfDateAsync(cancellationToken: stoppingToken);
        }

        foreach (var la in outOfDate)
        {
            var started = time.GetTimestamp();
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DashboardCounts>().RecountAsync(la, stoppingToken);
            logger.LogInformation("Recounted the dashboard of LA {LaCode} in {Milliseconds:N0} ms", la, time.GetElapsedTime(started).TotalMilliseconds);
        }

        if (outOfDate.Count > 0)
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DashboardCounts>().PruneChangesAsync(stoppingToken);
        }
    }
}
