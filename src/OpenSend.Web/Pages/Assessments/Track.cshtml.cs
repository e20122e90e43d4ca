using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using OpenSend.Data.Access;
using OpenSend.Data.Assessments;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Common;
using OpenSend.Web.Pages.Shared;
using OpenSend.Web.Security;
using OpenSend.Web.SignIn;

namespace OpenSend.Web.Pages.Assessments;

/// <summary>The family's private tracking page, reached by the unguessable token they were given.</summary>
public sealed class TrackModel(AssessmentQueries queries, CaseLinks links, TimeProvider time) : PageModel
{
    public FamilyCaseView View { get; private set; } = default!;

    public bool SignedInAsFamily => User.ToViewer().IsFamily;

    [BindProperty(SupportsGet = true)]
    public bool Added { get; set; }

    public async Task<IActionResult> OnGetAsync(string token) => await LoadAsync(token) ? Page() : NotFound();

    /// <summary>A signed-in parent or young person adds the request to their account.</summary>
    [EnableRateLimiting(RateLimits.PublicForm)]
    public async Task<IActionResult> OnPostAsync(string token)
    {
        if (!SignedInAsFamily)
        {
            return Redirect($"/sign-in/family?returnUrl={Uri.EscapeDataString(Request.Path)}");
        }

        try
        {
            await links.ClaimWithTrackingTokenAsync(HttpContext.ToRequestContext(), token, HttpContext.RequestAborted);
        }
        catch (CaseNotFoundException)
        {
            return NotFound();
        }
        catch (StepRefusedException refused)
        {
            // Used already, access ended by the LA, or not the family's request: say why, keep the page.
            ModelState.AddModelError(ClaimField, refused.Message);
            return await LoadAsync(token) ? Page() : NotFound();
        }

        return Redirect($"/track/{token}?added=true");
    }

    /// <summary>Where a refused claim's message points (the button).</summary>
    public const string ClaimField = "claim";

    private async Task<bool> LoadAsync(string token)
    {
        // The token is in the URL: never send it on to other sites, never cache the page.
        Response.Headers["Referrer-Policy"] = "no-referrer";
        Response.Headers.CacheControl = "no-store";
        var tracked = await queries.FindByTrackingTokenAsync(HttpContext.ToRequestContext(), token, HttpContext.RequestAborted);
        if (tracked is null)
        {
            return false;
        }

        View = new FamilyCaseView(tracked.Assessment, tracked.LocalAuthority.Name, FamilyUpdate.For(tracked.Assessment, UkCalendar.Today(time)));
        return true;
    }
}
