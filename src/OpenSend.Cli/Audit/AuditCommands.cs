using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using OpenSend.Data.Audit;

namespace OpenSend.Cli.Audit;

public static class AuditCommands
{
    public static Command Audit(CliHost host)
    {
        var audit = new Command("audit", "The tamper-evident audit log of every read and change of a child's record.");
        var verify = new Command("verify", "Seal any settled records into the chain, then recompute every hash: exits 1 naming the first record that was altered or removed.");
        verify.SetAction(async (_, cancellationToken) =>
        {
            await using var scope = await host.OpenAsync(cancellationToken);
            var chain = scope.ServiceProvider.GetRequiredService<AuditChain>();
            var sealedNow = 0;
            int batch;
            while ((batch = await chain.SealAsync(cancellationToken: cancellationToken)) > 0)
            {
                sealedNow += batch;
            }

            var result = await chain.VerifyAsync(cancellationToken);
            if (!result.Intact)
            {
                throw new InvalidOperationException(result.Problem);
            }

            await host.Output.WriteLineAsync($"Audit chain intact: {result.Verified} records verified ({sealedNow} sealed now, {result.Unsealed} too recent to seal).");
            return 0;
        });
        audit.Subcommands.Add(verify);
        return audit;
    }
}
