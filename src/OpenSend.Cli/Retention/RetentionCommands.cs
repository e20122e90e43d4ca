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
            var result = await sweep.RunAsync(parse.GetValue(dryRun), cancellationToken);
            if (parse.GetValue(dryRun))
            {
                await host.Output.WriteLineAsync($"{result.Anonymised} cases are past the retention period (nothing changed).");
                return 0;
            }

            await host.Output.WriteLineAsync($"Anonymised {result.Anonymised} cases past the retention period.");
            await host.Output.WriteLineAsync($"Removed {result.Purged.OutboxMessages} old emails' records, {result.Purged.OneTimeCodes} expired codes, {result.Purged.FamilyAccounts} unused family accounts and {result.Purged.AuditAddresses} old addresses in the audit log.");
            foreach (var failure in result.Failures)
            {
                await host.Output.WriteLineAsync($"Not anonymised (left as it was): {failure}");
            }

            return result.Failures.Count == 0 ? 0 : 1;
        });
        retention.Subcommands.Add(run);
        return retention;
    }
}
