using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenSend.Data.Redress;
using OpenSend.Domain.Common;
using OpenSend.Web.SignIn;

namespace OpenSend.Web.Pages.Redress;

/// <summary>The council's mediation and appeals: every mediation not yet certified and every appeal still with the tribunal, the oldest first, with the next time limit of each.</summary>
public sealed class BoardModel(RedressQueries queries, TimeProvider time) : PageModel
{
    public RedressBoard Board { get; private set; } = new([], [], []);

    public DateOnly Today => UkCalendar.Today(time);

    public async Task<IActionResult> OnGetAsync()
    {
        var context = HttpContext.ToRequestContext();
        if (!context.Viewer.IsLaStaff)
        {
            return Forbid();
        }

        Board = await queries.BoardAsync(context, HttpContext.RequestAborted);
        return Page();
    }
}
