using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenSend.Data.Assessments;
using OpenSend.Web.SignIn;

namespace OpenSend.Web.Pages.Family;

/// <summary>A parent's, carer's or young person's own requests: only those linked to their account.</summary>
public sealed class IndexModel(AssessmentQueries queries) : PageModel
{
    public IReadOnlyList<CaseloadRow> Cases { get; private set; } = [];

    public async Task OnGetAsync() =>
        Cases = (await queries.CaseloadAsync(HttpContext.ToRequestContext(), new CaseloadFilter(AllStages: true), HttpContext.RequestAborted)).Rows;
}
