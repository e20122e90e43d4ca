using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenSend.Data.Access;
using OpenSend.Data.Assessments;
using OpenSend.Web.SignIn;

namespace OpenSend.Web.Pages.Assessments.Cases;

/// <summary>Downloads everything held about the child as a zip (UK GDPR Article 15), for the LA's SEND manager.</summary>
public sealed class SubjectAccessExportModel(SubjectAccessExport export) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        try
        {
            var (fileName, zip) = await export.CreateAsync(HttpContext.ToRequestContext(), id, HttpContext.RequestAborted);
            Response.Headers.CacheControl = "no-store";
            return File(zip, "application/zip", fileName);
        }
        catch (CaseNotFoundException)
        {
            return NotFound();
        }
        catch (CaseAccessDeniedException)
        {
            return Forbid();
        }
    }
}
