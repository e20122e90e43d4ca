using OpenSend.Data.Database;
using OpenSend.Data.Demo;
using OpenSend.Data.LocalAuthorities;

namespace OpenSend.Web.Startup;

public static class DatabaseStartup
{
    /// <summary>
    /// Applies pending migrations, loads England's local authorities, and on a first start with no
    /// demo cases seeds Demoshire (unless OpenSend:SeedDemoData is false).
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OpenSendDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("OpenSend.Startup");
        logger.LogInformation("Using {Database}", scope.ServiceProvider.GetRequiredService<DatabaseSettings>().Describe());
        await OpenSendDatabase.MigrateAsync(db);
        await LocalAuthorityRegister.EnsureLoadedAsync(db);
        if (app.Configuration.GetValue("OpenSend:SeedDemoData", true))
        {
            var demo = scope.ServiceProvider.GetRequiredService<DemoData>();
            if (await demo.IsEmptyAsync())
            {
                var created = await demo.SeedAsync();
                logger.LogInformation("Seeded the demo local authority, Demoshire (999), with {Count} cases", created);
            }
        }
    }
}
