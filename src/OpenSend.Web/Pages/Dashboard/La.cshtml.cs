using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenSend.Data.Dashboard;
using OpenSend.Web.SignIn;

namespace OpenSend.Web.Pages.Dashboard;

/// <summary>One local authority's dashboard: every measure beside its region and England over five years, each chart with its table.</summary>
public sealed class LaModel(DashboardQueries dashboard) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string La { get; set; } = string.Empty;

    public LaDashboard Dashboard { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await dashboard.ForLaAsync(HttpContext.ToRequestContext(), La, HttpContext.RequestAborted) is not { } found)
        {
            return NotFound();
        }

        Dashboard = found;
        return Page();
    }
}
