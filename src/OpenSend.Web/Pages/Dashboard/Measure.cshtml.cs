using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenSend.Data.Dashboard;
using OpenSend.Domain.Dashboard;
using OpenSend.Web.SignIn;

namespace OpenSend.Web.Pages.Dashboard;

/// <summary>One measure for one LA: its definition, its trend, and the equality breakdowns that make gaps stand out.</summary>
public sealed class MeasureModel(DashboardQueries dashboard) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string La { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public string Measure { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true, Name = "by")]
    public string? By { get; set; }

    public LaDashboard Dashboard { get; private set; } = default!;

    public MeasurePanel Panel { get; private set; } = default!;

    public Breakdown Breakdown { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Breakdown = DashboardText.ParseBreakdown(By) is { } b && b != Breakdown.None ? b : Breakdown.Sex;
        if (await dashboard.MeasureAsync(HttpContext.ToRequestContext(), La, Measure, Breakdown, HttpContext.RequestAborted) is not { } found)
        {
            return NotFound();
        }

        (Dashboard, Panel) = found;
        return Page();
    }
}
