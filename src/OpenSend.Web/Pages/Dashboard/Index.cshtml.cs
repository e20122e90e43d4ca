using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using OpenSend.Data.Assessments;
using OpenSend.Domain.Dashboard;
using OpenSend.Web.SignIn;

namespace OpenSend.Web.Pages.Dashboard;

/// <summary>The SEND and AP inclusion dashboard's front page: choose a local authority, or compare every LA on one measure.</summary>
public sealed class IndexModel(AssessmentQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? La { get; set; }

    public IReadOnlyList<SelectListItem> Las { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (OpenSend.Domain.Common.Text.NullIfBlank(La) is { } chosen)
        {
            return Redirect($"/dashboard/{Uri.EscapeDataString(chosen)}");
        }

        La = User.ToViewer().LaCode;
        Las = (await queries.LocalAuthoritiesAsync(HttpContext.RequestAborted)).Select(l => new SelectListItem($"{l.Name} ({l.Code})", l.Code)).ToList();
        return Page();
    }

    public IEnumerable<MeasureDefinition> Ranked => Measures.All.Where(m => m.Published is not null || m.External is not null || m.Live is not null);
}
