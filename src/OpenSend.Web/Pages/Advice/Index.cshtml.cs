using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenSend.Data.Advice;
using OpenSend.Domain.Common;
using OpenSend.Web.SignIn;

namespace OpenSend.Web.Pages.Advice;

/// <summary>An adviser's list of the advice asked of their organisation, each with its 6-week due date (reg 8(1)).</summary>
public sealed class IndexModel(AdviceGiving advice, TimeProvider time) : PageModel
{
    public IReadOnlyList<AdviceDue> Requests { get; private set; } = [];

    public DateOnly Today => UkCalendar.Today(time);

    public async Task<IActionResult> OnGetAsync()
    {
        if (!User.ToViewer().IsStaff)
        {
            return Forbid();
        }

        Requests = await advice.ListAsync(HttpContext.ToRequestContext(), HttpContext.RequestAborted);
        return Page();
    }
}
