using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenSend.Data.Assessments;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Common;
using OpenSend.Domain.Identity;
using OpenSend.Web.Security;
using OpenSend.Web.SignIn;

namespace OpenSend.Web.Assessments;

/// <summary>
/// The JSON API for EHC needs assessments. It calls the same application services as the pages
/// (<see cref="AssessmentCases"/>, <see cref="AssessmentQueries"/>); refusals become problem
/// details through <see cref="Problems.ApiProblems"/>.
/// </summary>
public static class AssessmentEndpoints
{
    public static void MapAssessmentEndpoints(this IEndpointRouteBuilder app)
    {
        // Public: anyone may ask for an assessment (s.36(1)); the family follows it with its token.
        var requests = app.MapGroup("/api").WithTags("Requests for assessment");
        requests.MapPost("/assessment-requests", SubmitRequest)
            .RequireRateLimiting(RateLimits.PublicForm)
            .WithSummary("Request an EHC needs assessment; returns the reference and the private tracking token")
            .ProducesValidationProblem();
        requests.MapGet("/tracking/{token}", Track)
            .WithSummary("What the family sees through its private tracking link");

        var cases = app.MapGroup("/api/cases").WithTags("Cases").RequireAuthorization(Policies.Staff);
        cases.MapGet("/", Caseload).WithSummary("The cases the signed-in member of staff can see (an LA's whole caseload), open cases by next statutory deadline");

        // Access to one case is checked before anything else, for every route under it.
        var read = cases.MapGroup("/{id:guid}").AddEndpointFilter(CaseAccessFilter.Require(CaseAccessLevel.Read));
        read.MapGet("", GetCase).WithSummary("One case with its deadlines and timeline");
        read.MapGet("/access-log", AccessLog).WithSummary("Who has looked at or changed the case");

        var manage = cases.MapGroup("/{id:guid}").AddEndpointFilter(CaseAccessFilter.Require(CaseAccessLevel.Manage));
        manage.MapPost("/panel-recommendations", PanelRecommendation).WithSummary("Record a multi-agency panel recommendation");
        manage.MapPost("/assessment-decision", AssessmentDecision).WithSummary("Record the decision whether to assess (reg 5)");
        manage.MapPost("/advice-requests", RequestAdvice).WithSummary("Record a request for advice (reg 6), starting its 6-week clock (reg 8)");
        manage.MapPost("/advice-requests/{adviceId:guid}/received", AdviceReceived).WithSummary("Record advice received");
        manage.MapPost("/issue-decision", IssueDecision).WithSummary("Record the decision whether to issue a plan (s.37, reg 10)");
        manage.MapPost("/draft-plans", DraftPlan).WithSummary("Record a draft plan served (reg 13(1))");
        manage.MapPost("/representations", Representations).WithSummary("Record the family's representations on the draft");
        manage.MapPost("/final-plan", FinalPlan).WithSummary("Record the final plan issued (reg 13(2))");
        manage.MapPost("/exceptions", RecordException).WithSummary("Record an exception to a time limit (regs 5(4), 8(2), 10(4), 13(3))");
        manage.MapPost("/withdrawal", Withdraw).WithSummary("Record the request withdrawn");
        manage.MapPost("/transfer", Transfer).WithSummary("Record the case transferred to another LA (s.24)");
    }

    private static async Task<Results<Created<SubmittedRequestContract>, ValidationProblem>> SubmitRequest(
        AssessmentRequestContract? body, HttpContext http, AssessmentCases cases, CancellationToken cancellationToken)
    {
        if (body?.Requester is null || body.Child is null)
        {
            return Missing("requester and child", "Give the request as JSON with laCode, requester, child, reason and consentToShare.");
        }

        var submitted = await cases.ReceiveAsync(http.ToRequestContext(), new AssessmentRequestSubmission(
            body.LaCode, body.Requester.Kind, body.Requester.Name, body.Requester.Email, body.Requester.Phone, body.Requester.Organisation,
            body.Child.GivenName, body.Child.FamilyName, body.Child.DateOfBirth, body.Reason, body.ConsentToShare), cancellationToken: cancellationToken);
        var trackingUrl = $"{http.Request.Scheme}://{http.Request.Host}/track/{submitted.TrackingToken}";
        return TypedResults.Created($"/api/tracking/{submitted.TrackingToken}", submitted.ToContract(trackingUrl));
    }

    private static async Task<Results<Ok<TrackingContract>, NotFound>> Track(string token, HttpContext http, AssessmentQueries queries, TimeProvider time, CancellationToken cancellationToken)
    {
        var tracked = await queries.FindByTrackingTokenAsync(http.ToRequestContext(), token, cancellationToken);
        return tracked is null ? TypedResults.NotFound() : TypedResults.Ok(tracked.ToContract(UkCalendar.Today(time)));
    }

    private static async Task<Results<Ok<CaseloadContract>, ValidationProblem>> Caseload(string? stage, int? page, HttpContext http, AssessmentQueries queries, CancellationToken cancellationToken)
    {
        var stages = Enum.GetValues<AssessmentStage>().ToDictionary(s => JsonNamingPolicy.KebabCaseLower.ConvertName(s.ToString()));
        AssessmentStage? filter = null;
        if (!string.IsNullOrEmpty(stage))
        {
            if (!stages.TryGetValue(stage, out var parsed))
            {
                return Missing("stage", $"Give stage as one of: {string.Join(", ", stages.Keys)}; leave it out for every open case.");
            }

            filter = parsed;
        }

        var caseload = await queries.CaseloadAsync(http.ToRequestContext(), new CaseloadFilter(filter, page ?? 1), cancellationToken);
        return TypedResults.Ok(caseload.ToContract());
    }

    private static async Task<Ok<CaseContract>> GetCase(Guid id, HttpContext http, AssessmentQueries queries, TimeProvider time, CancellationToken cancellationToken) =>
        TypedResults.Ok((await queries.GetCaseAsync(http.ToRequestContext(), id, cancellationToken)).ToContract(UkCalendar.Today(time)));

    private static async Task<Ok<IReadOnlyList<AccessLogContract>>> AccessLog(Guid id, HttpContext http, AssessmentQueries queries, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<AccessLogContract>>((await queries.AccessLogAsync(http.ToRequestContext(), id, cancellationToken))
            .Select(e => new AccessLogContract(e.At, e.Who, e.Role, e.Organisation, e.What)).ToList());

    private static Task<Results<Ok<CaseContract>, ValidationProblem>> PanelRecommendation(Guid id, PanelRecommendationCommand? body, HttpContext http, AssessmentCases cases, AssessmentQueries queries, TimeProvider time, CancellationToken ct) =>
        body?.Question is not { } question ? Invalid("question", "Give question as whether-to-assess or whether-to-issue.")
        : body.Recommendation is not { } recommendation ? Invalid("recommendation", "Give recommendation as yes or no.")
        : body.MeetingOn is not { } meetingOn ? Invalid("meetingOn", DateHint("meetingOn"))
        : Then(cases.RecordPanelRecommendationAsync(http.ToRequestContext(), id, question, recommendation, meetingOn, body.Notes ?? string.Empty, ct), id, http, queries, time, ct);

    private static Task<Results<Ok<CaseContract>, ValidationProblem>> AssessmentDecision(Guid id, AssessmentDecisionCommand? body, HttpContext http, AssessmentCases cases, AssessmentQueries queries, TimeProvider time, CancellationToken ct) =>
        body?.WillAssess is not { } willAssess ? Invalid("willAssess", "Give willAssess as true or false.")
        : body.DecidedOn is not { } decidedOn ? Invalid("decidedOn", DateHint("decidedOn"))
        : Then(willAssess
            ? cases.DecideToAssessAsync(http.ToRequestContext(), id, decidedOn, body.Reasons ?? string.Empty, ct)
            : cases.DecideNotToAssessAsync(http.ToRequestContext(), id, decidedOn, body.Reasons ?? string.Empty, ct), id, http, queries, time, ct);

    private static Task<Results<Ok<CaseContract>, ValidationProblem>> RequestAdvice(Guid id, AdviceRequestCommand? body, HttpContext http, AssessmentCases cases, AssessmentQueries queries, TimeProvider time, CancellationToken ct) =>
        body?.Kind is not { } kind ? Invalid("kind", "Give kind as educational, health, psychological, social-care or other.")
        : body.RequestedOn is not { } requestedOn ? Invalid("requestedOn", DateHint("requestedOn"))
        : Then(cases.RequestAdviceAsync(http.ToRequestContext(), id, kind, body.Adviser ?? string.Empty, requestedOn, body.AdviserOrganisationId, ct), id, http, queries, time, ct);

    private static Task<Results<Ok<CaseContract>, ValidationProblem>> AdviceReceived(Guid id, Guid adviceId, AdviceReceivedCommand? body, HttpContext http, AssessmentCases cases, AssessmentQueries queries, TimeProvider time, CancellationToken ct) =>
        body?.ReceivedOn is not { } receivedOn ? Invalid("receivedOn", DateHint("receivedOn"))
        : Then(cases.RecordAdviceReceivedAsync(http.ToRequestContext(), id, adviceId, receivedOn, ct), id, http, queries, time, ct);

    private static Task<Results<Ok<CaseContract>, ValidationProblem>> IssueDecision(Guid id, IssueDecisionCommand? body, HttpContext http, AssessmentCases cases, AssessmentQueries queries, TimeProvider time, CancellationToken ct) =>
        body?.WillIssue is not { } willIssue ? Invalid("willIssue", "Give willIssue as true or false.")
        : body.DecidedOn is not { } decidedOn ? Invalid("decidedOn", DateHint("decidedOn"))
        : Then(willIssue
            ? cases.DecideToIssueAsync(http.ToRequestContext(), id, decidedOn, body.Reasons ?? string.Empty, ct)
            : cases.DecideNotToIssueAsync(http.ToRequestContext(), id, decidedOn, body.Reasons ?? string.Empty, ct), id, http, queries, time, ct);

    private static Task<Results<Ok<CaseContract>, ValidationProblem>> DraftPlan(Guid id, DraftPlanCommand? body, HttpContext http, AssessmentCases cases, AssessmentQueries queries, TimeProvider time, CancellationToken ct) =>
        body?.ServedOn is not { } servedOn ? Invalid("servedOn", DateHint("servedOn"))
        : Then(cases.ServeDraftPlanAsync(http.ToRequestContext(), id, servedOn, ct), id, http, queries, time, ct);

    private static Task<Results<Ok<CaseContract>, ValidationProblem>> Representations(Guid id, RepresentationsCommand? body, HttpContext http, AssessmentCases cases, AssessmentQueries queries, TimeProvider time, CancellationToken ct) =>
        body?.ReceivedOn is not { } receivedOn ? Invalid("receivedOn", DateHint("receivedOn"))
        : Then(cases.RecordRepresentationsAsync(http.ToRequestContext(), id, receivedOn, body.Comments ?? string.Empty, body.RequestedSetting, body.MeetingRequested, body.NoFurtherComments, ct), id, http, queries, time, ct);

    private static Task<Results<Ok<CaseContract>, ValidationProblem>> FinalPlan(Guid id, FinalPlanCommand? body, HttpContext http, AssessmentCases cases, AssessmentQueries queries, TimeProvider time, CancellationToken ct) =>
        body?.IssuedOn is not { } issuedOn ? Invalid("issuedOn", DateHint("issuedOn"))
        : Then(cases.IssueFinalPlanAsync(http.ToRequestContext(), id, issuedOn, body.NamedSetting, ct), id, http, queries, time, ct);

    private static Task<Results<Ok<CaseContract>, ValidationProblem>> RecordException(Guid id, ExceptionCommand? body, HttpContext http, AssessmentCases cases, AssessmentQueries queries, TimeProvider time, CancellationToken ct) =>
        body?.Reason is not { } reason ? Invalid("reason", "Give reason as school-or-college-closure, early-years-provider-closure, exceptional-personal-circumstances, absent-from-area, missed-appointment or coronavirus.")
        : body.Steps is not { Count: > 0 } steps ? Invalid("steps", "Give steps as a list of the time limits the exception applies to, for example [\"final-plan\"].")
        : body.From is not { } from ? Invalid("from", DateHint("from"))
        : body.To is not { } to ? Invalid("to", DateHint("to"))
        : Then(cases.RecordExceptionAsync(http.ToRequestContext(), id, reason, steps, body.AdviceRequestId, from, to, body.Explanation ?? string.Empty, ct), id, http, queries, time, ct);

    private static Task<Results<Ok<CaseContract>, ValidationProblem>> Withdraw(Guid id, WithdrawalCommand? body, HttpContext http, AssessmentCases cases, AssessmentQueries queries, TimeProvider time, CancellationToken ct) =>
        body?.WithdrawnOn is not { } withdrawnOn ? Invalid("withdrawnOn", DateHint("withdrawnOn"))
        : Then(cases.WithdrawAsync(http.ToRequestContext(), id, withdrawnOn, body.Reason ?? string.Empty, ct), id, http, queries, time, ct);

    private static Task<Results<Ok<CaseContract>, ValidationProblem>> Transfer(Guid id, TransferCommand? body, HttpContext http, AssessmentCases cases, AssessmentQueries queries, TimeProvider time, CancellationToken ct) =>
        body?.TransferredOn is not { } transferredOn ? Invalid("transferredOn", DateHint("transferredOn"))
        : string.IsNullOrWhiteSpace(body.ReceivingLaCode) ? Invalid("receivingLaCode", "Give receivingLaCode as the 3-digit code of the council the child has moved to, for example 886.")
        : Then(cases.TransferOutAsync(http.ToRequestContext(), id, transferredOn, body.ReceivingLaCode, ct), id, http, queries, time, ct);

    /// <summary>
    /// Refuses before binding or validating anything else: 404 when the caller may not see the case
    /// (exactly as if it did not exist), 403 when they may see it but not do this.
    /// </summary>
    /// <summary>After a write, answer with the case as it now stands.</summary>
    private static async Task<Results<Ok<CaseContract>, ValidationProblem>> Then(Task write, Guid id, HttpContext http, AssessmentQueries queries, TimeProvider time, CancellationToken ct)
    {
        await write;
        return TypedResults.Ok((await queries.GetCaseAsync(http.ToRequestContext(), id, ct)).ToContract(UkCalendar.Today(time)));
    }

    private static string DateHint(string name) => $"Give {name} as a date in the form YYYY-MM-DD, for example 2026-01-05.";

    private static Task<Results<Ok<CaseContract>, ValidationProblem>> Invalid(string name, string message) =>
        Task.FromResult<Results<Ok<CaseContract>, ValidationProblem>>(TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { [name] = [message] }, detail: message, title: $"The {name} field is missing or not valid"));

    private static ValidationProblem Missing(string name, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [name] = [message] }, detail: message, title: $"The {name} value is missing or not valid");
}
