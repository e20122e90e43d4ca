using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using OpenSend.Data.Audit;
using OpenSend.Data.Partnerships;
using OpenSend.Domain.Common;
using OpenSend.Domain.Identity;
using OpenSend.Domain.Timescales;

namespace OpenSend.Cli.Partnerships;

/// <summary>`opensend adopt-rules`: the DfE's decision that an area runs the green paper's rules from a date, recorded and audited as on its page.</summary>
public static class RuleSetCommands
{
    public static Command AdoptRules(CliHost host)
    {
        var la = CliHost.Required<string>("--la", "The local authority (DfE 3-digit code).");
        var ruleSet = CliHost.Required<string>("--rule-set", $"The rules it is to run: {string.Join(", ", RuleSetCatalogue.All.Where(r => r.AppliesOnlyWhereAdopted).Select(r => r.Id))}.");
        var from = CliHost.Required<string>("--from", "The first day a clock starts under them (yyyy-mm-dd): today or later.");
        var reason = CliHost.Required<string>("--reason", "Why: the pilot or decision this follows.");
        var command = new Command("adopt-rules", "Record the Department for Education's decision that an area runs a rule set (the green paper's proposals) for clocks that start on or after a date.")
        {
            la, ruleSet, from, reason,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var text = parse.GetValue(from)!;
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                throw new ArgumentException($"--from must be a date written yyyy-mm-dd, for example 2027-01-04; '{text}' is not.");
            }

            await using var scope = await host.OpenAsync(cancellationToken);
            var adopted = await scope.ServiceProvider.GetRequiredService<RuleSetAdoptions>().AdoptAsync(
                new RequestContext(Actor.System, Viewer.Public, null), parse.GetValue(la)!, parse.GetValue(ruleSet)!, day, parse.GetValue(reason), cancellationToken);
            await host.Output.WriteLineAsync($"{adopted.LaCode} runs the {RuleSetCatalogue.Get(adopted.RuleSetId).Name} for clocks starting on or after {UkCalendar.InWords(adopted.From)}.");
            return 0;
        });
        return command;
    }
}
