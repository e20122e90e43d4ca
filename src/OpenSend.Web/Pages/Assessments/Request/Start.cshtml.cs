using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using OpenSend.Data.Journeys;
using OpenSend.Web.Security;

namespace OpenSend.Web.Pages.Assessments.Request;

[EnableRateLimiting(RateLimits.PublicForm)]
public sealed class StartModel(FormJourneyStore journeys) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public bool Expired { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var id = await journeys.StartAsync(RequestJourney.Kind, new RequestJourneyState(), HttpContext.RequestAborted);
        return Redirect($"{RequestPages.Council}?journey={id}");
    }
}
