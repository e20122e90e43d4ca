using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenSend.Domain.Common;
using OpenSend.Domain.Redress;
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

        group.MapGet("/appeal", (string? decided, string? certificate, string? ruleSet) => Appeal(decided, certificate, ruleSet))
            .WithSummary("The last day to appeal to the First-tier Tribunal (SEND): 2 months from the decision, or 1 month from the mediation certificate if later, moved out of August and 25 December to 1 January (HESC r.20, r.12)")
            .ProducesValidationProblem();

        group.MapGet("/tribunal-order", (string? ordered, string? order, string? ruleSet) =>
                WithKind("order", order, OrderKinds, kind => Calculate("ordered", ordered, ruleSet, (rules, date) => rules.DeadlinesFrom(kind, date))))
            .WithSummary("The council's time limits after a tribunal's order (SEND Regulations 2014 reg 44(2)): order is assess, reassess, make-plan, amend or name-setting")
            .ProducesValidationProblem();

        group.MapGet("/unopposed-appeal", (string? notified, string? appeal, string? ruleSet) =>
                WithKind("appeal", appeal, UnopposedKinds, kind => Calculate("notified", notified, ruleSet, (rules, date) => rules.DeadlinesFrom(kind, date))))
            .WithSummary("The council's time limits after telling the tribunal it will not oppose an appeal (reg 45): appeal is refusal-to-assess, refusal-to-reassess, refusal-to-issue, contents or name-setting")
            .ProducesValidationProblem();

        group.MapGet("/tribunal-recommendation", (string? made, string? ruleSet) =>
                Calculate("made", made, ruleSet, (rules, date) => rules.DeadlinesFrom(ClockAnchor.TribunalRecommendation, date)))
            .WithSummary("The commissioner's response to a tribunal's health or social care recommendation (SI 2017/1306: 5 weeks)")
            .ProducesValidationProblem();

        group.MapGet("/phase-transfer", (string? transferYear, string? transferDate, string? transfer, string? ruleSet) => PhaseTransfer(transferYear, transferDate, transfer, ruleSet))
            .WithSummary("The reg 18 date by which a plan must be amended before a transfer: give transferYear for a transfer between phases, transferDate for a move between post-16 institutions")
            .ProducesValidationProblem();
    }

    /// <summary>The orders whose clocks the API gives (reg 44(2)), by their key.</summary>
    public static readonly IReadOnlyDictionary<string, ClockAnchor> OrderKinds = new[]
    {
        TribunalOrderKind.Assess, TribunalOrderKind.Reassess, TribunalOrderKind.MakePlan, TribunalOrderKind.Amend, TribunalOrderKind.NameSetting,
    }.ToDictionary(k => k.Key(), k => k.Anchor()!.Value);

    /// <summary>The appeals reg 45 gives clocks when the council will not oppose them, by their key.</summary>
    public static readonly IReadOnlyDictionary<string, ClockAnchor> UnopposedKinds = Enum.GetValues<UnopposedAppealKind>().ToDictionary(k => k.Key(), k => k.Anchor());

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

    private static Results<Ok<TimescalesContract>, ValidationProblem> WithKind(string parameter, string? value, IReadOnlyDictionary<string, ClockAnchor> kinds,
        Func<ClockAnchor, Results<Ok<TimescalesContract>, ValidationProblem>> calculate) =>
        value is not null && kinds.TryGetValue(value, out var anchor)
            ? calculate(anchor)
            : Invalid(parameter, $"Give {parameter} as one of: {string.Join(", ", kinds.Keys)}.");

    /// <summary>HESC r.20: the later of 2 months from the decision and 1 month from the certificate, each moved out of the days r.12 leaves out.</summary>
    private static Results<Ok<TimescalesContract>, ValidationProblem> Appeal(string? decided, string? certificate, string? ruleSetId)
    {
        DateOnly? certificateOn = null;
        if (certificate is not null)
        {
            if (!TryParseDate(certificate, out var parsed))
            {
                return Invalid("certificate", $"'{certificate}' is not a valid date. Give certificate, the date of the mediation certificate, as {DateFormat}, or leave it out.");
            }

            certificateOn = parsed;
            if (TryParseDate(decided, out var decidedOn) && parsed < decidedOn)
            {
                return Invalid("certificate", "The mediation certificate cannot be dated before the decision.");
            }
        }

        return Calculate("decided", decided, ruleSetId, (rules, date) =>
        {
            var fromDecision = rules.Rule(StatutoryStep.AppealBy, ClockAnchor.DecisionLetter);
            var fromCertificate = rules.Rule(StatutoryStep.AppealBy, ClockAnchor.MediationCertificate);
            var due = rules.AppealBy(date, certificateOn);
            var rule = certificateOn is { } c && fromCertificate.DueFrom(c) == due && fromDecision.DueFrom(date) != due ? fromCertificate : fromDecision;
            return [new StatutoryDeadline(StatutoryStep.AppealBy, due, rule.Title, rule.Duty, rule.Basis)];
        });
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
