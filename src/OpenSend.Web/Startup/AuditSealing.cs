using OpenSend.Data.Audit;

namespace OpenSend.Web.Startup;

/// <summary>
/// Seals new audit records into the tamper-evident chain every few seconds; on start, first keys a
/// chain sealed before it was keyed (once; <see cref="AuditChain.KeyLegacyChainAsync"/>).
/// </summary>
public sealed class AuditSealing(IServiceScopeFactory scopes, TimeProvider time, AuditKey key, ILogger<AuditSealing> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (key.IsDevelopment)
        {
            logger.LogWarning("The audit chain is keyed with the development key: set OpenSend:Audit:Key for real records");
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            if (await scope.ServiceProvider.GetRequiredService<AuditChain>().KeyLegacyChainAsync(stoppingToken) is > 0 and var resealed)
            {
                logger.LogInformation("Sealed the audit chain's {Count} earlier records again with the audit key", resealed);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Keying the audit chain's earlier records failed; verification will report them");
        }

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
