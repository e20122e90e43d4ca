using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenSend.Data.Audit;

namespace OpenSend.Cli.Audit;

public static class AuditCommands
{
    public static Command Audit(CliHost host)
    {
        var audit = new Command("audit", "The tamper-evident audit log of every read and change of a child's record (keyed with OpenSend__Audit__Key).");
        var checkpointFile = new Option<FileInfo?>("--checkpoint") { Description = "A checkpoint written by `opensend audit checkpoint`: the chain must still hold it." };
        var verify = new Command("verify", "Seal any settled records into the chain, then recompute every hash: exits 1 naming the first record that was altered or removed.") { checkpointFile };
        verify.SetAction(async (parse, cancellationToken) =>
        {
            var checkpoint = parse.GetValue(checkpointFile) is { } file
                ? JsonSerializer.Deserialize<AuditCheckpoint>(await File.ReadAllTextAsync(file.FullName, cancellationToken))
                : null;
            await using var scope = await host.OpenAsync(cancellationToken);
            var chain = scope.ServiceProvider.GetRequiredService<AuditChain>();
            var sealedNow = await SealSettledAsync(chain, cancellationToken);
            var result = await chain.VerifyAsync(checkpoint, cancellationToken);
            if (!result.Intact)
            {
                throw new InvalidOperationException(result.Problem);
            }

            await host.Output.WriteLineAsync($"Audit chain intact: {result.Verified} records verified ({sealedNow} sealed now, {result.Unsealed} too recent to seal)"
                + (checkpoint is null ? "." : $"; it still holds the checkpoint of {checkpoint.At:u} (record number {checkpoint.Sequence})."));
            return 0;
        });
        audit.Subcommands.Add(verify);

        var output = CliHost.Required<FileInfo>("--out", "Where to write the checkpoint: keep it off the database server (another machine, write-once storage).");
        var checkpointCommand = new Command("checkpoint", "Seal settled records, then write the chain's head signed with the audit key, so a chain rewritten or cut short later is caught by `audit verify --checkpoint`.") { output };
        checkpointCommand.SetAction(async (parse, cancellationToken) =>
        {
            await using var scope = await host.OpenAsync(cancellationToken);
            var chain = scope.ServiceProvider.GetRequiredService<AuditChain>();
            await SealSettledAsync(chain, cancellationToken);
            var checkpoint = await chain.CheckpointAsync(cancellationToken);
            var file = parse.GetValue(output)!;
            await File.WriteAllTextAsync(file.FullName, JsonSerializer.Serialize(checkpoint), cancellationToken);
            await host.Output.WriteLineAsync($"Checkpoint written to {file.FullName}: record number {checkpoint.Sequence} at {checkpoint.At:u}.");
            return 0;
        });
        audit.Subcommands.Add(checkpointCommand);
        return audit;
    }

    private static async Task<int> SealSettledAsync(AuditChain chain, CancellationToken cancellationToken)
    {
        await chain.KeyLegacyChainAsync(cancellationToken);
        var sealedNow = 0;
        int batch;
        while ((batch = await chain.SealAsync(cancellationToken: cancellationToken)) > 0)
        {
            sealedNow += batch;
        }

        return sealedNow;
    }
}
