using OpenSend.Data.Audit;

namespace OpenSend.Web.Startup;

/// <summary>Seals new audit records into the tamper-evident chain every few seconds.</summary>
public sealed class AuditSealing(IServiceScopeFactory scopes, TimeProvider time, ILogger<AuditSealing> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(5), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var chain = scope.ServiceProvider.GetRequiredService<AuditChain>();
                while (await chain.SealAsync(cancellationToken: stoppingToken) > 0)
                {
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Sealing the audit log failed; it will try again");
            }
        }
    }
}
