using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using OpenSend.Data.Demo;
using Spectre.Console;

namespace OpenSend.Cli.Demo;

public static class SeedCommands
{
    public static Command Seed(CliHost host)
    {
        var seed = new Command("seed", "Load data into the database.");
        var demo = new Command("demo", "Create the demo local authority, Demoshire (999), with its organisations, invented staff and about 60 invented EHC needs assessments at every stage. Does nothing if it already has cases.");
        demo.SetAction(async (_, cancellationToken) =>
        {
            await using var scope = await host.OpenAsync(cancellationToken);
            var demoData = scope.ServiceProvider.GetRequiredService<DemoData>();
            if (!await demoData.IsEmptyAsync(cancellationToken))
            {
                await host.Output.WriteLineAsync("Demoshire (999) already has cases; nothing to do.");
                return 0;
            }

            var created = 0;
            await host.Console.Progress().StartAsync(async progress =>
            {
                var task = progress.AddTask("Seeding Demoshire (999)");
                created = await demoData.SeedAsync(new Progress<(int Done, int Total)>(p =>
                {
                    task.MaxValue = p.Total;
                    task.Value = p.Done;
                }), cancellationToken);
            });
            await host.Output.WriteLineAsync($"Seeded Demoshire (999) with {created} EHC needs assessments.");
            return 0;
        });
        seed.Subcommands.Add(demo);
        return seed;
    }

    public static Command Migrate(CliHost host)
    {
        var migrate = new Command("migrate", "Apply pending database migrations and load England's local authorities.");
        migrate.SetAction(async (_, cancellationToken) =>
        {
            await using var scope = await host.OpenAsync(cancellationToken);
            await host.Output.WriteLineAsync("The database is up to date.");
            return 0;
        });
        return migrate;
    }
}
