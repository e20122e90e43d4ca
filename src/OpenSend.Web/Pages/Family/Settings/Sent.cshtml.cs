using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenSend.Data.Access;
using OpenSend.Data.Database;
using OpenSend.Web.SignIn;

namespace OpenSend.Web.Pages.Family.Settings;

/// <summary>The preferences are with the council: what happens next.</summary>
public sealed class SentModel(OpenSendDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var viewer = User.ToViewer();
        if (!viewer.IsFamily)
        {
            return Forbid();
        }

        return await db.LevelAsync(viewer, Id, HttpContext.RequestAborted) == Domain.Identity.CaseAccessLevel.None ? NotFound() : Page();
    }
}
