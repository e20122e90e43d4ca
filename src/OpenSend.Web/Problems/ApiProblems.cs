using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Access;
using OpenSend.Data.Assessments;
using OpenSend.Domain.Common;
using OpenSend.Domain.Plans;

namespace OpenSend.Web.Problems;

/// <summary>
/// Turns the domain's refusals into RFC 9457 problem details for the JSON API: a refused step is
/// 422 with its reason and a stable code; a case the caller may not see is 404, like one that
/// does not exist, so nothing leaks.
/// </summary>
public sealed class ApiProblems(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public static string TypeFor(string code) => $"urn:opensend:problem:{code}";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!httpContext.Request.Path.StartsWithSegments("/api"))
        {
            return false;
        }

        ProblemDetails? problem = exception switch
        {
            StepRefusedException refused => Refused(refused),
            PlanDefectsException defects => PlanDefects(defects),
            CaseNotFoundException => CaseNotFound(),
            CaseAccessDeniedException => CaseAccessDenied(),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } tooLarge => new ProblemDetails
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Title = "The request is too large",
                Detail = tooLarge.Message,
                Type = TypeFor("request-too-large"),
            },
            BadHttpRequestException bad => new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request could not be read",
                Detail = bad.Message,
                Type = TypeFor("bad-request"),
            },
            _ => null,
        };
        if (problem is null)
        {
            return false;
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>A case that does not exist and one the caller may not see look the same.</summary>
    public static ProblemDetails CaseNotFound() => new()
    {
        Status = StatusCodes.Status404NotFound,
        Title = "Case not found",
        Detail = "No case with that id exists among the cases you can see.",
        Type = TypeFor("case-not-found"),
    };

    /// <summary>Something other than a case that is not there (a setting, a list not yet shared), with its own type so it is not mistaken for a case hidden from the caller.</summary>
    public static ProblemDetails NotFound(string code, string detail) => new()
    {
        Status = StatusCodes.Status404NotFound,
        Title = "Not found",
        Detail = detail,
        Type = TypeFor(code),
        Extensions = { ["code"] = code },
    };

    public static ProblemDetails CaseAccessDenied() => new()
    {
        Status = StatusCodes.Status403Forbidden,
        Title = "You cannot change this case",
        Detail = "You can see this case, but only the responsible local authority's SEND staff record its statutory steps.",
        Type = TypeFor("case-access-denied"),
    };

    /// <summary>A plan with quality errors cannot be issued: 422 listing every error with its section and item.</summary>
    public static ProblemDetails PlanDefects(PlanDefectsException defects) => new()
    {
        Status = StatusCodes.Status422UnprocessableEntity,
        Title = "The plan cannot be issued",
        Detail = defects.Message,
        Type = TypeFor("plan-has-errors"),
        Extensions = { ["code"] = "plan-has-errors", ["errors"] = defects.Errors },
    };

    /// <summary>A refused step is 422; one refused because the record changed since it was read is 409 (read it again).</summary>
    public static ProblemDetails Refused(StepRefusedException refused) => new()
    {
        Status = refused.ChangedMeanwhile ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity,
        Title = refused.ChangedMeanwhile ? "The record changed since you read it" : "This step cannot be recorded",
        Detail = refused.Message,
        Type = TypeFor(refused.Code),
        Extensions = { ["code"] = refused.Code },
    };
}
