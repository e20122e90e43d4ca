using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using OpenSend.Data.Assessments;
using OpenSend.Data.Database;
using OpenSend.Domain.Common;
using OpenSend.Domain.Timescales;
using Spectre.Console;

namespace OpenSend.Cli.Assessments;

public static class DeadlineCommands
{
    public static Command Deadlines(CliHost host)
    {
        var la = new Option<string[]>("--la") { Description = "Only these LAs (DfE 3-digit codes); every LA with open cases if left out.", AllowMultipleArgumentsPerToken = true };
        var on = new Option<string?>("--on") { Description = "The day to classify the clocks on (yyyy-mm-dd); today in England by default." };
        var command = new Command("deadlines", "Count every open statutory clock of every open EHC needs assessment, by step: overdue, due within 7 days, not yet due.")
        {
            la, on,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var today = UkCalendar.Today(host.Time);
            if (parse.GetValue(on) is { } given && !DateOnly.TryParseExact(given, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out today))
            {
                throw new ArgumentException($"--on must be a date written yyyy-mm-dd, for example {UkCalendar.Today(host.Time):yyyy-MM-dd}; '{given}' is not.");
            }

            await using var scope = await host.OpenAsync(cancellationToken);
            var clock = Stopwatch.StartNew();
            var result = await new DeadlineSweep(scope.ServiceProvider.GetRequiredService<OpenSendDbContext>()).RunAsync(today, parse.GetValue(la), cancellationToken);
            clock.Stop();

            var table = new Table().AddColumns("Statutory step", "Overdue", "Due within 7 days", "Not yet due");
            foreach (var step in result.Tallies.Select(t => t.Step).Distinct().Order())
            {
                table.AddRow(StepName(step),
                    result.Count(DeadlineState.Overdue, step: step).ToString("N0", CultureInfo.InvariantCulture),
                    result.Count(DeadlineState.DueSoon, step: step).ToString("N0", CultureInfo.InvariantCulture),
                    result.Count(DeadlineState.NotYetDue, step: step).ToString("N0", CultureInfo.InvariantCulture));
            }

            host.Console.Write(table);
            await host.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"On {UkCalendar.InWords(today)}: {result.OpenClocks:N0} open clocks on {result.OpenCases:N0} open cases and {result.OpenReviews:N0} open reviews in {result.Tallies.Select(t => t.LaCode).Distinct().Count()} LAs; {result.Count(DeadlineState.Overdue):N0} overdue, {result.Count(DeadlineState.DueSoon):N0} due within 7 days ({clock.Elapsed.TotalSeconds:N1} s)."));
            return 0;
        });
        return command;
    }

    // The clocks' durations do not differ between rule sets, only who takes part, so the titles
    // and regulations of the 2014 Regulations name the rows.
    private static string StepName(StatutoryStep step)
    {
        if (step == StatutoryStep.PhaseTransferAmendment)
        {
            return "Review and amend the plan before a phase transfer (SEND Regulations 2014 reg 18)";
        }

        var rule = RuleSetCatalogue.SendRegulations2014.Rule(step);
        return $"{rule.Title} ({rule.Basis})";
    }
}
