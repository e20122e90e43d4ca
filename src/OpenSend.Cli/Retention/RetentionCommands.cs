using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using OpenSend.Data.Retention;

namespace OpenSend.Cli.Retention;

public static class RetentionCommands
{
    public static Command Retention(CliHost host)
    {
        var retention = new Command("retention", "Keep children's records only as long as the retention policy says (OpenSend__Retention__YearsAfterBirth, default 31).");
        var dryRun = new Option<bool>("--dry-run") { Description = "Count the cases due, without changing them." };
        var run = new Command("run", "Anonymise every case whose child was born more than the retention period ago.") { dryRun };
        run.SetAction(async (parse, cancellationToken) =>
        {
            await using var scope = await host.OpenAsync(cancellationToken);
            var sweep = scope.ServiceProvider.GetRequiredService<RetentionSweep>();
            var count = await sweep.RunAsync(parse.GetValue(dryRun), cancellationToken);
            await host.Output.WriteLineAsync(parse.GetValue(dryRun)
                ? $"{count} cases are past the retention period (nothing changed)."
                : $"Anonymised {count} cases past the retention period.");
            return 0;
        });
        retention.Subcommands.Add(run);
        return retention;
    }
}
