using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenSend.Data.Assessments;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Common;
using OpenSend.Web.SignIn;

namespace OpenSend.Web.Pages.Assessments;

/// <summary>The family's private tracking page, reached by the unguessable token they were given.</summary>
public sealed class TrackModel(AssessmentQueries queries, TimeProvider time) : PageModel
{
    public TrackedCase Tracked { get; private set; } = default!;

    public FamilyUpdate Update { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(string token)
    {
        // The token is in the URL: never send it on to other sites, never cache the page.
        Response.Headers["Referrer-Policy"] = "no-referrer";
        Response.Headers.CacheControl = "no-store";
        var tracked = await queries.FindByTrackingTokenAsync(HttpContext.ToRequestContext(), token, HttpContext.RequestAborted);
        if (tracked is null)
        {
            return NotFound();
        }

        Tracked = tracked;
        Update = FamilyUpdate.For(tracked.Assessment, UkCalendar.Today(time));
        return Page();
    }
}
