using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenSend.Data.Database;

namespace OpenSend.Web.Startup;

/// <summary>
/// Readiness (/health/ready): the database answers and has every migration this build expects, so a
/// load balancer sends no traffic to an instance that cannot serve it. /health stays liveness only.
/// </summary>
public sealed class DatabaseReadiness(OpenSendDbContext db) : IHealthCheck
{
    public const string Tag = "ready";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("The database does not answer.");
            }

            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            return pending.Count == 0
                ? HealthCheckResult.Healthy("The database answers and is up to date.")
                : HealthCheckResult.Unhealthy($"{pending.Count} database migrations are not applied.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database cannot be reached.", ex);
        }
    }
}
