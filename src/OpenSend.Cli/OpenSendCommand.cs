using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using OpenSend.Data.Assessments;
using OpenSend.Data.Database;
using OpenSend.Data.Demo;
using OpenSend.Data.LocalAuthorities;
using Spectre.Console;

namespace OpenSend.Cli;

/// <summary>
/// The `opensend` command line. The database is the same as the web app's: ConnectionStrings__OpenSend
/// (a PostgreSQL connection string selects PostgreSQL), else SQLite at data/opensend.db under the
/// current directory. Pending migrations are applied first. Exit code 0 on success; otherwise 1 and
/// a one-line reason on standard error.
/// </summary>
public static class OpenSendCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, string? connectionString = null, TimeProvider? time = null)
    {
        var root = new RootCommand("OpenSEND: England's SEND and alternative provision system. Commands to seed, import and export data.");
        var seed = new Command("seed", "Load data into the database.");
        var demo = new Command("demo", "Create the demo local authority, Demoshire (999), with about 60 invented EHC needs assessments at every stage. Does nothing if it already has cases.");
        demo.SetAction(async (_, cancellationToken) =>
        {
            await using var services = Services(connectionString, time);
            await using var scope = services.CreateAsyncScope();
            var db = await OpenAsync(scope, output, cancellationToken);
            var demoData = scope.ServiceProvider.GetRequiredService<DemoData>();
            if (!await demoData.IsEmptyAsync(cancellationToken))
            {
                await output.WriteLineAsync("Demoshire (999) already has cases; nothing to do.");
                return 0;
            }

            var created = 0;
            await Console(output).Progress().StartAsync(async progress =>
            {
                var task = progress.AddTask("Seeding Demoshire (999)");
                created = await demoData.SeedAsync(new Progress<(int Done, int Total)>(p =>
                {
                    task.MaxValue = p.Total;
                    task.Value = p.Done;
                }), cancellationToken);
            });
            await output.WriteLineAsync($"Seeded Demoshire (999) with {created} EHC needs assessments.");
            return 0;
        });
        seed.Subcommands.Add(demo);
        root.Subcommands.Add(seed);

        var migrate = new Command("migrate", "Apply pending database migrations and load England's local authorities.");
        migrate.SetAction(async (_, cancellationToken) =>
        {
            await using var services = Services(connectionString, time);
            await using var scope = services.CreateAsyncScope();
            await OpenAsync(scope, output, cancellationToken);
            await output.WriteLineAsync("The database is up to date.");
            return 0;
        });
        root.Subcommands.Add(migrate);

        try
        {
            var parsed = root.Parse(args);
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            await error.WriteLineAsync($"opensend: {OneLine(ex)}");
            return 1;
        }
    }

    private static ServiceProvider Services(string? connectionString, TimeProvider? time)
    {
        var settings = DatabaseSettings.Resolve(
            connectionString ?? Environment.GetEnvironmentVariable($"ConnectionStrings__{DatabaseSettings.ConnectionStringName}"),
            Directory.GetCurrentDirectory());
        var services = new ServiceCollection();
        services.AddOpenSendDatabase(settings);
        services.AddSingleton(time ?? TimeProvider.System);
        services.AddScoped<AssessmentCases>();
        services.AddScoped<DemoData>();
        return services.BuildServiceProvider();
    }

    private static async Task<OpenSendDbContext> OpenAsync(AsyncServiceScope scope, TextWriter output, CancellationToken cancellationToken)
    {
        var db = scope.ServiceProvider.GetRequiredService<OpenSendDbContext>();
        await output.WriteLineAsync($"Database: {scope.ServiceProvider.GetRequiredService<DatabaseSettings>().Describe()}");
        await OpenSendDatabase.MigrateAsync(db, cancellationToken);
        await LocalAuthorityRegister.EnsureLoadedAsync(db, cancellationToken);
        return db;
    }

    private static IAnsiConsole Console(TextWriter output) =>
        AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });

    private static string OneLine(Exception ex)
    {
        var innermost = ex;
        while (innermost.InnerException is not null)
        {
            innermost = innermost.InnerException;
        }

        var message = innermost == ex ? ex.Message : $"{ex.Message} ({innermost.Message})";
        return message.ReplaceLineEndings(" ");
    }
}
