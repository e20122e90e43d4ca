using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenSend.Data.Access;
using OpenSend.Data.Assessments;
using OpenSend.Web.SignIn;

namespace OpenSend.Web.Pages.Assessments.Cases;

/// <summary>Downloads everything held about the child as a zip (UK GDPR Article 15), for the LA's SEND manager.</summary>
public sealed class SubjectAccessExportModel(SubjectAccessExport export) : PageModel
{
    public Task<IActionResult> OnGetAsync(Guid id) => DownloadAsync(this, export, id);

    /// <summary>The export as a zip that is never cached; the SEND manager's page and the family's request page both serve it.</summary>
    public static async Task<IActionResult> DownloadAsync(PageModel page, SubjectAccessExport export, Guid id)
    {
        try
        {
            var (fileName, zip) = await export.CreateAsync(page.HttpContext.ToRequestContext(), id, page.HttpContext.RequestAborted);
            page.Response.Headers.CacheControl = "no-store";
            return page.File(zip, "application/zip", fileName);
        }
        catch (CaseNotFoundException)
        {
            return page.NotFound();
        }
        catch (CaseAccessDeniedException)
        {
            return page.Forbid();
        }
    }
}
