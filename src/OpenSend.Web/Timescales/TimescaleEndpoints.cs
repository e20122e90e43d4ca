using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenSend.Domain.Common;
using OpenSend.Domain.Timescales;

namespace OpenSend.Web.Timescales;

/// <summary>A statutory deadline as the API gives it.</summary>
public sealed record DeadlineContract(StatutoryStep Step, DateOnly Due, string Basis);

/// <summary>The answer of every timescale endpoint (shape fixed by the foundation issue).</summary>
public sealed record TimescalesContract(string RuleSet, IReadOnlyList<DeadlineContract> Deadlines);

/// <summary>
/// Public calculators of the law's clocks: GET /api/timescales/... Anyone may call them; they
/// hold no personal data. A bad or missing parameter is a 400 problem naming it.
/// </summary>
public static class TimescaleEndpoints
{
    private const string DateFormat = "YYYY-MM-DD, for example 2026-01-05";

    public static void MapTimescaleEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/timescales").WithTags("Timescales");

        group.MapGet("/needs-assessment", (string? requestReceived, string? ruleSet) =>
                Calculate("requestReceived", requestReceived, ruleSet, (rules, date) => rules.DeadlinesFrom(ClockAnchor.RequestReceived, date)))
            .WithSummary("Statutory dates of the 20-week EHC needs assessment pathway from the day the request was received")
            .ProducesValidationProblem();

        group.MapGet("/draft-plan", (string? served, string? ruleSet) =>
                Calculate("served", served, ruleSet, (rules, date) => rules.DeadlinesFrom(ClockAnchor.DraftPlanServed, date)))
            .WithSummary("The last day for representations on a draft plan (15 days, the day of service being day 1)")
            .ProducesValidationProblem();

        group.MapGet("/annual-review", (string? meeting, string? ruleSet) =>
                Calculate("meeting", meeting, ruleSet, (rules, date) => rules.DeadlinesFrom(ClockAnchor.ReviewMeeting, date)))
            .WithSummary("Annual review dates around the review meeting (reg 20; Devon [2022] for the amended plan)")
            .ProducesValidationProblem();

        group.MapGet("/phase-transfer", (string? transferYear, string? transferDate, string? transfer, string? ruleSet) => PhaseTransfer(transferYear, transferDate, transfer, ruleSet))
            .WithSummary("The reg 18 date by which a plan must be amended before a transfer: give transferYear for a transfer between phases, transferDate for a move between post-16 institutions")
            .ProducesValidationProblem();
    }

    public static string Key(this PhaseTransferKind kind) => JsonNamingPolicy.KebabCaseLower.ConvertName(kind.ToString());

    public static string Key(this StatutoryStep step) => JsonNamingPolicy.KebabCaseLower.ConvertName(step.ToString());

    /// <summary>Reads a YYYY-MM-DD date, or says what is wrong with it.</summary>
    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static Results<Ok<TimescalesContract>, ValidationProblem> Calculate(
        string parameter, string? value, string? ruleSetId, Func<StatutoryRuleSet, DateOnly, IReadOnlyList<StatutoryDeadline>> deadlines)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Invalid(parameter, $"Give {parameter} as a date in the form {DateFormat}.");
        }

        if (!TryParseDate(value, out var date))
        {
            return Invalid(parameter, $"'{value}' is not a valid date. Give {parameter} as a date in the form {DateFormat}.");
        }

        if (!TryRuleSet(ruleSetId, date, parameter, out var rules, out var problem))
        {
            return problem!;
        }

        return TypedResults.Ok(new TimescalesContract(rules!.Name, deadlines(rules, date).Select(d => new DeadlineContract(d.Step, d.Due, d.Basis)).ToList()));
    }

    private static Results<Ok<TimescalesContract>, ValidationProblem> PhaseTransfer(string? transferYear, string? transferDate, string? transfer, string? ruleSetId)
    {
        var kinds = Enum.GetValues<PhaseTransferKind>().ToDictionary(k => k.Key(), k => k);
        var errors = new Dictionary<string, string[]>();
        if (transfer is null || !kinds.TryGetValue(transfer, out var kind))
        {
            errors["transfer"] = [$"Give transfer as one of: {string.Join(", ", kinds.Keys)}."];
            kind = default;
        }

        // Reg 18(1)'s dates follow from the calendar year of a transfer at the start of the school
        // year; reg 18(2)'s move between post-16 institutions happens "at any other time", so its day is needed.
        DateOnly transferOn = default;
        if (kind == PhaseTransferKind.Post16ToPost16)
        {
            if (!TryParseDate(transferDate, out transferOn))
            {
                errors["transferDate"] = [$"Give transferDate, the day the young person moves, as {DateFormat}."];
            }
        }
        else if (int.TryParse(transferYear, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 2015 and <= 2100)
        {
            transferOn = new DateOnly(year, 9, 1);
        }
        else
        {
            errors["transferYear"] = [$"Give transferYear as the calendar year of the transfer, a 4-digit year from 2015, for example 2027."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, detail: string.Join(" ", errors.Values.SelectMany(v => v)), title: "One or more parameters are not valid");
        }

        if (!TryRuleSet(ruleSetId, kind == PhaseTransferKind.Post16ToPost16 ? transferOn : new DateOnly(transferOn.Year, 1, 1), kind == PhaseTransferKind.Post16ToPost16 ? "transferDate" : "transferYear", out var rules, out var problem))
        {
            return problem!;
        }

        // The step is the amended plan (naming the next setting), due on the last day on time: reg 18(1)'s "before".
        var deadline = rules!.PhaseTransferDeadline(kind, transferOn);
        return TypedResults.Ok(new TimescalesContract(rules.Name, [new DeadlineContract(StatutoryStep.AmendedPlanBy, deadline.Due, deadline.Basis)]));
    }

    private static bool TryRuleSet(string? ruleSetId, DateOnly date, string parameter, out StatutoryRuleSet? rules, out ValidationProblem? problem)
    {
        rules = null;
        problem = null;
        if (ruleSetId is not null)
        {
            rules = RuleSetCatalogue.Find(ruleSetId);
            if (rules is null)
            {
                problem = Invalid("ruleSet", $"Give ruleSet as one of: {string.Join(", ", RuleSetCatalogue.All.Select(r => r.Id))}, or leave it out for the law in force.");
                return false;
            }

            if (!rules.InForceOn(date))
            {
                problem = Invalid(parameter, $"{rules.Name} applies from {rules.EffectiveFrom:yyyy-MM-dd}; give a date on or after that.");
                return false;
            }

            return true;
        }

        try
        {
            rules = RuleSetCatalogue.ForClockStart(date);
            return true;
        }
        catch (StepRefusedException refused)
        {
            problem = Invalid(parameter, refused.Message);
            return false;
        }
    }

    private static ValidationProblem Invalid(string parameter, string message) =>
        TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { [parameter] = [message] },
            detail: message,
            title: $"The {parameter} parameter is not valid");
}
