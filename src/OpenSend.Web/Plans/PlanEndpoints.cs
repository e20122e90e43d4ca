using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenSend.Data.Assessments;
using OpenSend.Data.Plans;
using OpenSend.Domain.Common;
using OpenSend.Domain.Identity;
using OpenSend.Domain.Plans;
using OpenSend.Web.Assessments;
using OpenSend.Web.Problems;
using OpenSend.Web.Security;
using OpenSend.Web.SignIn;

namespace OpenSend.Web.Plans;

/// <summary>A plan to check: what is about to be issued, the child's date of birth (for the year 9 rule) and the plan.</summary>
public sealed record PlanCheckRequest(PlanStatus? Issuing, DateOnly? ChildDateOfBirth, PlanContent? Plan);

/// <summary>A plan received from another council: the new case.</summary>
public sealed record TransferReceivedContract(Guid Id, string Reference, string FromLaCode, DateOnly TransferredOn);

public sealed record PlanCheckResult(int Errors, int Warnings, IReadOnlyList<PlanDefect> Defects, string RuleSet);

public sealed record PlanComparisonContract(int From, int To, IReadOnlyList<SectionChanges> Sections);

/// <summary>
/// The plan as a national data standard: versions in one JSON format, the quality check as a
/// service anyone may call with a plan in that format (same rules as the pages), and comparisons.
/// These endpoints write <see cref="PlanJson"/>'s format (SEN2 codes as the DfE writes them: "ASD",
/// section "H1"), the same JSON as the stored versions and the transfer between LAs, rather than
/// the rest of the API's kebab-case enums.
/// </summary>
public static class PlanEndpoints
{
    public const string Format = PlanVersionDocument.FormatName;

    public static void MapPlanEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/plan-quality-check", Check).WithTags("Plans")
            .RequireRateLimiting(RateLimits.PublicForm)
            .LimitBodyTo(BodyLimit.PlanDocumentBytes)
            .Accepts<PlanCheckRequest>("application/json")
            .WithSummary("Check a plan in the national JSON format against the golden-thread rules; returns every defect with its section and item")
            .ProducesValidationProblem();

        // Staff who may see the case, and the family linked to it (green paper ch.2 paras 20–21: the plan
        // is theirs to hold): only issued versions are served, never the council's working copy.
        var plans = app.MapGroup("/api/cases/{id:guid}/plan").WithTags("Plans").RequireAuthorization()
            .AddEndpointFilter(CaseAccessFilter.Require(CaseAccessLevel.Read));
        plans.MapGet("", Current).WithSummary("The plan's latest issued version (draft or final)");
        plans.MapGet("/versions/{number:int}", VersionNumbered).WithSummary("One issued version of the plan");
        plans.MapGet("/compare", Compare).WithSummary("What changed between two versions, section by section (?from=1&to=2)");

        // s.47 and reg 15: the plan moves with the child, with its history, in the national format.
        app.MapGet("/api/cases/{id:guid}/plan/transfer", ExportTransfer).WithTags("Plans").RequireAuthorization(Policies.LaStaff)
            .AddEndpointFilter(CaseAccessFilter.Require(CaseAccessLevel.Manage))
            .WithSummary("The plan with every issued version, for the council the child has moved to (opensend-ehc-plan-transfer/1)");
        app.MapPost("/api/plan-transfers", ReceiveTransfer).WithTags("Plans").RequireAuthorization(Policies.LaStaff)
            .Accepts<PlanTransferDocument>("application/json")
            .WithSummary("Receive a plan from the council the child moved from (?transferredOn=YYYY-MM-DD, body: opensend-ehc-plan-transfer/1); starts the reg 15 clocks")
            .ProducesValidationProblem();
    }

    private static async Task<JsonHttpResult<PlanTransferDocument>> ExportTransfer(Guid id, HttpContext http, PlanTransfers transfers, CancellationToken cancellationToken) =>
        TypedResults.Json(await transfers.ExportAsync(http.ToRequestContext(), id, cancellationToken), PlanJson.Options);

    private static async Task<Results<Created<TransferReceivedContract>, ValidationProblem>> ReceiveTransfer(DateOnly? transferredOn, HttpContext http, AssessmentCases cases, CancellationToken cancellationToken)
    {
        if (transferredOn is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["transferredOn"] = ["Give the date of the transfer as ?transferredOn=YYYY-MM-DD."] },
                title: "The date of the transfer is missing");
        }

        var transfer = await PlanTransfers.ReadAsync(http.Request.Body, cancellationToken);
        var received = await cases.ReceiveTransferredPlanAsync(http.ToRequestContext(), transfer, transferredOn.Value, cancellationToken);
        return TypedResults.Created($"/api/cases/{received.Id}/", new TransferReceivedContract(received.Id, received.Reference, transfer.FromLaCode, transferredOn.Value));
    }

    private static async Task<Results<JsonHttpResult<PlanCheckResult>, ValidationProblem>> Check(HttpContext http, TimeProvider time)
    {
        PlanCheckRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<PlanCheckRequest>(http.Request.Body, PlanJson.Options, http.RequestAborted);
        }
        catch (JsonException invalid)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [invalid.Path ?? "$"] = [$"This is not a plan in the national format: {invalid.Message}"] },
                title: "The plan cannot be read");
        }

        var errors = new Dictionary<string, string[]>();
        if (body?.Plan is { } plan && PlanCheckLimits.Problems(plan) is { Count: > 0 } tooMany)
        {
            foreach (var (field, problem) in tooMany)
            {
                errors[field] = [problem];
            }
        }

        if (body?.Plan is null)
        {
            errors["plan"] = ["Give the plan to check as \"plan\", in the format of GET /api/cases/{id}/plan's \"content\"."];
        }

        if (body?.Issuing is null)
        {
            errors["issuing"] = ["Say what is about to be issued: \"Draft\" or \"Final\"."];
        }

        if (body?.ChildDateOfBirth is null)
        {
            errors["childDateOfBirth"] = ["Give the child's date of birth as YYYY-MM-DD, for example 2015-03-14 (outcomes preparing for adulthood are expected from year 9)."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The plan cannot be checked");
        }

        var rules = PlanQualityRules.National;
        var defects = PlanQualityCheck.Run(body!.Plan!.Normalised(), new PlanCheckContext(body.Issuing!.Value, body.ChildDateOfBirth!.Value, UkCalendar.Today(time)), rules);
        return TypedResults.Json(new PlanCheckResult(defects.Count(d => d.Severity == DefectSeverity.Error), defects.Count(d => d.Severity == DefectSeverity.Warning), defects, rules.Id), PlanJson.Options);
    }

    private static async Task<Results<JsonHttpResult<PlanVersionDocument>, ProblemHttpResult>> Current(Guid id, HttpContext http, PlanQueries queries, CancellationToken cancellationToken)
    {
        var viewed = await queries.GetAsync(http.ToRequestContext(), id, cancellationToken);
        return viewed.Plan?.Latest is { } latest
            ? TypedResults.Json(ToContract(viewed, latest), PlanJson.Options)
            : TypedResults.Problem(NoVersion("No version of this plan has been issued yet."));
    }

    private static async Task<Results<JsonHttpResult<PlanVersionDocument>, ProblemHttpResult>> VersionNumbered(Guid id, int number, HttpContext http, PlanQueries queries, CancellationToken cancellationToken)
    {
        var viewed = await queries.GetAsync(http.ToRequestContext(), id, cancellationToken);
        var version = viewed.Plan?.Versions.FirstOrDefault(v => v.Number == number);
        return version is null
            ? TypedResults.Problem(NoVersion($"This plan has no version {number}; it has {viewed.Plan?.Versions.Count ?? 0}."))
            : TypedResults.Json(ToContract(viewed, version), PlanJson.Options);
    }

    private static async Task<Results<JsonHttpResult<PlanComparisonContract>, ProblemHttpResult>> Compare(Guid id, int? from, int? to, HttpContext http, PlanQueries queries, CancellationToken cancellationToken)
    {
        var viewed = await queries.GetAsync(http.ToRequestContext(), id, cancellationToken);
        var versions = viewed.Plan?.Versions ?? [];
        var older = versions.FirstOrDefault(v => v.Number == from);
        var newer = versions.FirstOrDefault(v => v.Number == to);
        if (older is null || newer is null)
        {
            return TypedResults.Problem(NoVersion($"Give two versions this plan has as ?from=1&to=2 (it has {versions.Count})."));
        }

        return TypedResults.Json(new PlanComparisonContract(older.Number, newer.Number, PlanComparison.Compare(older.Content, newer.Content)), PlanJson.Options);
    }

    public static PlanVersionDocument ToContract(ViewedPlan viewed, PlanVersion version) =>
        PlanVersionDocument.From(version, viewed.Assessment.LaCode, viewed.Assessment.Reference);

    private static Microsoft.AspNetCore.Mvc.ProblemDetails NoVersion(string detail) => new()
    {
        Status = StatusCodes.Status404NotFound,
        Title = "Plan version not found",
        Detail = detail,
        Type = ApiProblems.TypeFor("plan-version-not-found"),
    };
}
