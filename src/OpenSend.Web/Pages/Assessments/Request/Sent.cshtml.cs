using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenSend.Data.Assessments;
using OpenSend.Domain.Common;
using OpenSend.Domain.Timescales;
using OpenSend.Web.SignIn;

namespace OpenSend.Web.Pages.Assessments.Request;

/// <summary>The confirmation page: shows the reference and the tracking link once.</summary>
public sealed class SentModel(AssessmentQueries queries) : PageModel
{
    public const string ReferenceKey = "request.reference";
    public const string TokenKey = "request.token";

    public string Reference { get; private set; } = string.Empty;

    public string TrackingPath { get; private set; } = string.Empty;

    public string TrackingUrl => $"{Request.Scheme}://{Request.Host}{TrackingPath}";

    public string Council { get; private set; } = string.Empty;

    public string DecisionDue { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync()
    {
        if (TempData[ReferenceKey] is not string reference || TempData[TokenKey] is not string token)
        {
            return Redirect("/request");
        }

        var tracked = await queries.FindByTrackingTokenAsync(HttpContext.ToRequestContext(), token, HttpContext.RequestAborted);
        if (tracked is null)
        {
            return Redirect("/request");
        }

        Reference = reference;
        TrackingPath = $"/track/{token}";
        Council = tracked.LocalAuthority.Name;
        DecisionDue = UkCalendar.InWords(tracked.Assessment.Due(StatutoryStep.DecisionToAssess));
        return Page();
    }
}
