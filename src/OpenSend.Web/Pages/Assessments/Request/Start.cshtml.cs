using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenSend.Data.Journeys;

namespace OpenSend.Web.Pages.Assessments.Request;

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
