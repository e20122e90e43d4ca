using Microsoft.EntityFrameworkCore;
using OpenSend.Data.Database;
using OpenSend.Data.Demo;
using OpenSend.Data.LocalAuthorities;
using OpenSend.Data.Statistics;

namespace OpenSend.Web.Startup;

public static class DatabaseStartup
{
    /// <summary>
    /// Applies pending migrations, loads England's local authorities, and on a first start with no
    /// demo cases seeds Demoshire when OpenSend:SeedDemoData is true in Development (appsettings.Development.json), never elsewhere. With no published
    /// statistics loaded it loads the DfE's release when it can find it (OpenSend:Statistics:Path, or
    /// ../shared/data beside the working directory), so the dashboard has England's and every LA's
    /// published figures from the first start; OpenSend:Statistics:Import false turns this off.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OpenSendDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("OpenSend.Startup");
        logger.LogInformation("Using {Database}", scope.ServiceProvider.GetRequiredService<DatabaseSettings>().Describe());
        await OpenSendDatabase.MigrateAsync(db);
        await LocalAuthorityRegister.EnsureLoadedAsync(db);
        if (DeploymentSettings.SeedDemoData(app.Configuration, app.Environment))
        {
            var demo = scope.ServiceProvider.GetRequiredService<DemoData>();
            if (await demo.IsEmptyAsync())
            {
                var created = await demo.SeedAsync();
                logger.LogInformation("Seeded the demo local authority, Demoshire (999), with {Count} cases", created);
            }
        }

        if (app.Configuration.GetValue("OpenSend:Statistics:Import", true) && !await db.PublishedRows.AnyAsync())
        {
            if (PublishedStatistics.Locate(app.Configuration["OpenSend:Statistics:Path"]) is { } release)
            {
                logger.LogInformation("Loading the DfE's published statistics from {Release} (about 20 seconds, first start only)", release);
                var summary = await scope.ServiceProvider.GetRequiredService<StatisticsImport>().RunAsync(release);
                logger.LogInformation("{Summary}", summary.Line);
            }
            else
            {
                logger.LogWarning("No published statistics found: the dashboard shows only what OpenSEND records. Load them with: opensend import statistics <zip>");
            }
        }
    }
}
