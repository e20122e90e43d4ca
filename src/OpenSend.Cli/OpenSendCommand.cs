using System.CommandLine;
using OpenSend.Cli.Assessments;
using OpenSend.Cli.Audit;
using OpenSend.Cli.Demo;
using OpenSend.Cli.Generation;
using OpenSend.Cli.Identity;
using OpenSend.Cli.Placements;
using OpenSend.Cli.Retention;
using OpenSend.Cli.Returns;

namespace OpenSend.Cli;

/// <summary>
/// The `opensend` command line: exit code 0 on success; otherwise 1 and a one-line reason on
/// standard error. Every command applies pending migrations first.
/// </summary>
public static class OpenSendCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, string? connectionString = null, TimeProvider? time = null)
    {
        var host = new CliHost(output, connectionString, time);
        var root = new RootCommand("OpenSEND: England's SEND and alternative provision system. Commands to seed, import, export and administer its data.");
        root.Subcommands.Add(SeedCommands.Seed(host));
        root.Subcommands.Add(SeedCommands.Migrate(host));
        root.Subcommands.Add(AdminCommands.Admin(host));
        root.Subcommands.Add(AuditCommands.Audit(host));
        root.Subcommands.Add(RetentionCommands.Retention(host));
        root.Subcommands.Add(GenerateCommands.Generate(host));
        root.Subcommands.Add(DeadlineCommands.Deadlines(host));
        root.Subcommands.Add(ImportCommands.Import(host));
        root.Subcommands.Add(ExportCommands.Export(host));
        root.Subcommands.Add(OpenSend.Cli.Partnerships.RuleSetCommands.AdoptRules(host));

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
