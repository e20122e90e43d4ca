using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenSend.Data.Assessments;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Common;
using OpenSend.Web.GovUk;
using OpenSend.Web.Pages.Assessments.Cases;
using OpenSend.Web.SignIn;

namespace OpenSend.Web.Pages.Assessments;

/// <summary>A caseworker records a request that arrived by post or email, with the day it arrived.</summary>
public sealed class RecordRequestModel(AssessmentCases cases, TimeProvider time) : PageModel
{
    [BindProperty]
    public DateInput ReceivedOn { get; set; } = new();

    [BindProperty]
    public string? RequesterKind { get; set; }

    [BindProperty]
    public string? RequesterName { get; set; }

    [BindProperty]
    public string? RequesterEmail { get; set; }

    /// <summary>Their postal address: needed when they have no email, so the council's letters go by post.</summary>
    [BindProperty]
    public string? RequesterAddress { get; set; }

    [BindProperty]
    public string? RequesterOrganisation { get; set; }

    [BindProperty]
    public string? ChildGivenName { get; set; }

    [BindProperty]
    public string? ChildFamilyName { get; set; }

    [BindProperty]
    public DateInput DateOfBirth { get; set; } = new();

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public bool ConsentToShare { get; set; }

    public IReadOnlyList<GovUkChoice> RequesterKinds { get; } =
        Enum.GetValues<RequesterKind>().Select(k => new GovUkChoice(k.ToString(), k.Title())).ToList();

    public IReadOnlyList<GovUkChoice> ConsentItems { get; } =
        [new("true", "They agreed that the council can share the request with the professionals it asks for advice")];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var today = UkCalendar.Today(time);
        var receivedOn = ReceivedOn.Validate(ModelState, nameof(ReceivedOn), "The date the request was received", notAfter: today);
        if (!Enum.TryParse<RequesterKind>(RequesterKind, out var kind))
        {
            ModelState.AddModelError(nameof(RequesterKind), "Select who asked");
        }

        Required(RequesterName, nameof(RequesterName), "Enter the name of the person who asked");
        // A request by letter or phone: the council writes by post when there is no email address (issue 22).
        if (string.IsNullOrWhiteSpace(RequesterEmail) && string.IsNullOrWhiteSpace(RequesterAddress))
        {
            ModelState.AddModelError(nameof(RequesterEmail), "Enter their email address, or their postal address if they have no email");
        }

        if (!string.IsNullOrWhiteSpace(RequesterEmail) && EmailAddresses.Parse(RequesterEmail) is null)
        {
            ModelState.AddModelError(nameof(RequesterEmail), EmailAddresses.FormatMessage);
        }
        Required(ChildGivenName, nameof(ChildGivenName), "Enter the child's or young person's first name");
        Required(ChildFamilyName, nameof(ChildFamilyName), "Enter the child's or young person's last name");
        var dateOfBirth = DateOfBirth.Validate(ModelState, nameof(DateOfBirth), "Their date of birth", notAfter: today);
        // s.36(1): the reasons and the agreement to share may come later; the request is recorded now.
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var context = HttpContext.ToRequestContext();
        try
        {
            var submitted = await cases.ReceiveAsync(context, new AssessmentRequestSubmission(
                context.LaCode!, kind, RequesterName!, RequesterEmail?.Trim() ?? string.Empty, null, RequesterOrganisation,
                ChildGivenName!, ChildFamilyName!, dateOfBirth!.Value, Reason, ConsentToShare,
                string.IsNullOrWhiteSpace(RequesterAddress) ? null : new ContactPreferences(RequesterAddress, string.IsNullOrWhiteSpace(RequesterEmail), null, false, null)),
                receivedOn, HttpContext.RequestAborted);
            TempData[CaseStepPage.SuccessKey] =
                $"Request {submitted.Reference} recorded. {(string.IsNullOrWhiteSpace(RequesterEmail) ? "Post" : "Send")} the family their private tracking link, which is shown only now: {Request.Scheme}://{Request.Host}/track/{submitted.TrackingToken}";
            return Redirect($"/cases/{submitted.Id}");
        }
        catch (StepRefusedException refused)
        {
            ModelState.AddModelError(refused.Code switch
            {
                "date-of-birth-in-future" or "over-25" or "received-before-birth" or "not-a-young-person" => nameof(DateOfBirth),
                "date-in-future" or "rule-set-not-in-force" or "before-send-regulations" => nameof(ReceivedOn),
                _ => string.Empty,
            }, refused.Message);
            return Page();
        }
    }

    private void Required(string? value, string key, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            ModelState.AddModelError(key, message);
        }
    }
}
