using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenSend.Data.Dashboard;
using OpenSend.Domain.Dashboard;
using OpenSend.Web.SignIn;

namespace OpenSend.Web.Pages.Dashboard;

/// <summary>Every local authority ranked on one measure for one year, best first, each figure labelled with its source.</summary>
public sealed class NationalModel(DashboardQueries dashboard) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Measure { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public MeasureDefinition Definition { get; private set; } = default!;

    public IReadOnlyList<RankedLa> Rows { get; private set; } = [];

    public IReadOnlyList<int> Years { get; private set; } = [];

    public Figure England { get; private set; } = Figure.NoData;

    public async Task<IActionResult> OnGetAsync()
    {
        if (OpenSend.Domain.Dashboard.Measures.Find(Measure) is not { } definition)
        {
            return NotFound();
        }

        Definition = definition;
        (Rows, Year, Years, England) = await dashboard.RankAsync(HttpContext.ToRequestContext(), Measure, Year, HttpContext.RequestAborted);
        return Page();
    }
}
