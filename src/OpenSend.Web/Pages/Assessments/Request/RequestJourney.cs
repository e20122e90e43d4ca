using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using OpenSend.Data.Journeys;
using OpenSend.Domain.Assessments;
using OpenSend.Web.Security;

namespace OpenSend.Web.Pages.Assessments.Request;

/// <summary>The answers of the "Request an EHC needs assessment" journey, one question per page.</summary>
public sealed class RequestJourneyState
{
    public string? LaCode { get; set; }

    public RequesterKind? RequesterKind { get; set; }

    public string? RequesterName { get; set; }

    public string? RequesterEmail { get; set; }

    public string? RequesterPhone { get; set; }

    public string? RequesterOrganisation { get; set; }

    public string? ChildGivenName { get; set; }

    public string? ChildFamilyName { get; set; }

    public DateOnly? ChildDateOfBirth { get; set; }

    public string? Reason { get; set; }

    public bool ConsentToShare { get; set; }

    /// <summary>The first page still to answer, or null when every answer is in.</summary>
    public string? FirstUnansweredPage() =>
        LaCode is null ? RequestPages.Council
        : RequesterKind is null ? RequestPages.Who
        : string.IsNullOrWhiteSpace(RequesterName) || string.IsNullOrWhiteSpace(RequesterEmail) ? RequestPages.YourDetails
        : string.IsNullOrWhiteSpace(ChildGivenName) || string.IsNullOrWhiteSpace(ChildFamilyName) ? RequestPages.ChildName
        : ChildDateOfBirth is null ? RequestPages.DateOfBirth
        : string.IsNullOrWhiteSpace(Reason) ? RequestPages.Reason
        : !ConsentToShare ? RequestPages.Consent
        : null;
}

/// <summary>The pages of the request journey, in order.</summary>
public static class RequestPages
{
    public const string Council = "/request/council";
    public const string Who = "/request/who";
    public const string YourDetails = "/request/your-details";
    public const string ChildName = "/request/child-name";
    public const string DateOfBirth = "/request/date-of-birth";
    public const string Reason = "/request/reason";
    public const string Consent = "/request/consent";
    public const string Check = "/request/check";
}

/// <summary>
/// Shared by every page of the request journey: finds the journey's saved answers by the id in
/// the URL, saves each page's answer, and goes to the next page, or back to "Check your answers"
/// when the person came from there to change something.
/// </summary>
[EnableRateLimiting(RateLimits.PublicForm)]
public abstract class RequestJourney(FormJourneyStore journeys) : PageModel
{
    public const string Kind = "assessment-request";

    private static readonly string[] Order =
        [RequestPages.Council, RequestPages.Who, RequestPages.YourDetails, RequestPages.ChildName, RequestPages.DateOfBirth, RequestPages.Reason, RequestPages.Consent, RequestPages.Check];

    protected FormJourneyStore Journeys { get; } = journeys;

    [BindProperty(SupportsGet = true, Name = "journey")]
    public string? JourneyId { get; set; }

    /// <summary>True when the person came from "Check your answers" to change one answer.</summary>
    [BindProperty(SupportsGet = true, Name = "change")]
    public bool Change { get; set; }

    public RequestJourneyState State { get; private set; } = new();

    /// <summary>This page's path, e.g. "/request/council".</summary>
    protected abstract string ThisPage { get; }

    public string BackLink => Change || ThisPage == RequestPages.Check
        ? (ThisPage == RequestPages.Check ? Link(RequestPages.Consent) : Link(RequestPages.Check))
        : Array.IndexOf(Order, ThisPage) is > 0 and var index ? Link(Order[index - 1]) : "/request";

    public string Link(string page, bool change = false) => $"{page}?journey={JourneyId}{(change ? "&change=true" : "")}";

    /// <summary>Loads the saved answers; false when the journey is unknown or expired.</summary>
    protected async Task<bool> LoadAsync()
    {
        var state = await Journeys.FindAsync<RequestJourneyState>(Kind, JourneyId, HttpContext.RequestAborted);
        if (state is null)
        {
            return false;
        }

        State = state;
        return true;
    }

    protected IActionResult Expired() => Redirect("/request?expired=true");

    protected async Task<IActionResult> SaveAndContinueAsync()
    {
        await Journeys.SaveAsync(Kind, JourneyId!, State, State.LaCode, HttpContext.RequestAborted);
        var next = Change ? RequestPages.Check : Order[Array.IndexOf(Order, ThisPage) + 1];
        return Redirect(Link(next));
    }
}
