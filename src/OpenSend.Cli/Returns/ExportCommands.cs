using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using OpenSend.Data.Audit;
using OpenSend.Data.Returns;
using OpenSend.Domain.Common;
using OpenSend.Domain.Identity;
using OpenSend.Domain.Returns;

namespace OpenSend.Cli.Returns;

/// <summary>`opensend export ...`: the returns the DfE collects, made from OpenSEND's own records.</summary>
public static class ExportCommands
{
    public static Command Export(CliHost host)
    {
        var export = new Command("export", "Make the returns the DfE collects from OpenSEND's records.");
        export.Subcommands.Add(Sen2(host));
        return export;
    }

    private static Command Sen2(CliHost host)
    {
        var la = CliHost.Required<string>("--la", "The LA's 3-digit code, e.g. 886.");
        var census = new Option<string?>("--census") { Description = "The census date, yyyy-mm-dd; the third Thursday of this January if left out." };
        var output = CliHost.Required<FileInfo>("--out", "Where to write the XML file.");
        var sen2 = new Command("sen2", "Make the LA's SEN2 return for a census date: every child in scope, validated first. Errors stop the file being written; queries are listed and the file is written.")
        {
            la, census, output,
        };
        sen2.SetAction(async (parse, cancellationToken) =>
        {
            var today = Domain.Common.UkCalendar.Today(host.Time);
            var on = Sen2Extract.CensusDay(today.Year);
            if (parse.GetValue(census) is { } given && !DateOnly.TryParseExact(given, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out on))
            {
                throw new ArgumentException($"--census must be a date written yyyy-mm-dd; '{given}' is not.");
            }

            await using var scope = await host.OpenAsync(cancellationToken);
            var laCode = parse.GetValue(la)!;
            var returns = scope.ServiceProvider.GetRequiredService<Sen2Returns>();
            var made = await returns.MakeAsync(laCode, on, cancellationToken);
            foreach (var finding in made.Findings)
            {
                await host.Output.WriteLineAsync($"{(finding.Severity == Sen2Severity.Error ? "error" : "query")}: {finding.Person}: {finding.Message} [{finding.Code}]");
            }

            var counts = made.Counts;
            await host.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"SEN2 {on.Year} for {laCode}, census {on:yyyy-MM-dd}: {made.Return.Persons.Count} children, {counts.RequestsInYear} requests received in {on.Year - 1}, {counts.PlansIssuedInYear} plans issued in {on.Year - 1} ({counts.PlansWithin20Weeks} within 20 weeks), {counts.ActivePlans} plans active on census day; {made.Errors} errors, {made.Queries} queries."));
            if (made.Errors > 0)
            {
                throw new InvalidOperationException($"The return has {made.Errors} error{(made.Errors == 1 ? "" : "s")} and was not written. Correct them on the cases and export again.");
            }

            var path = parse.GetValue(output)!;
            await using (var file = File.Create(path.FullName))
            {
                await returns.WriteAsync(new RequestContext(Actor.System, Viewer.Public, null), made, file, cancellationToken);
            }

            await host.Output.WriteLineAsync($"Written to {path.FullName}.");
            return 0;
        });
        return sen2;
    }
}
