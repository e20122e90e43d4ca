using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenSend.Data.Access;
using OpenSend.Data.Assessments;
using OpenSend.Data.Documents;
using OpenSend.Domain.Documents;
using OpenSend.Web.SignIn;

namespace OpenSend.Web.Pages.Assessments.Cases;

/// <summary>The files on a case, for anyone who may see it; each opens only as a download.</summary>
public sealed class DocumentsModel(AssessmentQueries queries, CaseDocuments documents, DocumentStorage storage) : PageModel
{
    public const string SuccessKey = "documents.success";

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public ViewedCase Viewed { get; private set; } = default!;

    public IReadOnlyList<CaseDocument> Documents { get; private set; } = [];

    public string? Success { get; private set; }

    public string Size(long bytes) => storage.Describe(bytes);

    public async Task<IActionResult> OnGetAsync()
    {
        try
        {
            Viewed = await queries.GetCaseAsync(HttpContext.ToRequestContext(), Id, HttpContext.RequestAborted);
            Documents = await documents.ListAsync(HttpContext.ToRequestContext(), Id, HttpContext.RequestAborted);
        }
        catch (CaseNotFoundException)
        {
            return NotFound();
        }

        Success = TempData[SuccessKey] as string;
        return Page();
    }

    /// <summary>A photo the family shared for section A, shown in the plan (decision 0010).</summary>
    public async Task<IActionResult> OnGetPictureAsync(Guid document)
    {
        try
        {
            return Picture(Response, await documents.OpenPictureAsync(HttpContext.ToRequestContext(), Id, document, HttpContext.RequestAborted));
        }
        catch (CaseNotFoundException)
        {
            return NotFound();
        }
    }

    /// <summary>
    /// Serves a checked JPEG or PNG inline under a policy that lets it be nothing but an image:
    /// its checked type, no sniffing, a sandboxed content security policy, no caching by others.
    /// </summary>
    public static IActionResult Picture(HttpResponse response, OpenedDocument? opened)
    {
        if (opened is null)
        {
            return new NotFoundResult();
        }

        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        response.Headers.CacheControl = "private, no-store";
        return new FileStreamResult(opened.Content, opened.Document.Type.ContentType());
    }

    /// <summary>The family may read a document the council had withheld.</summary>
    public async Task<IActionResult> OnPostShareAsync(Guid document)
    {
        try
        {
            await documents.ShareAsync(HttpContext.ToRequestContext(), Id, document, HttpContext.RequestAborted);
            TempData[SuccessKey] = "The family can now see the document";
        }
        catch (CaseNotFoundException)
        {
            return NotFound();
        }
        catch (CaseAccessDeniedException)
        {
            return Forbid();
        }
        catch (OpenSend.Domain.Common.StepRefusedException)
        {
            // Already shared, or not on this case: the list shows how things stand.
        }

        return Redirect($"/cases/{Id}/documents");
    }

    /// <summary>Served only as an attachment with its checked type, never shown inline (decision: no stored file is ever rendered by the browser).</summary>
    public async Task<IActionResult> OnGetDownloadAsync(Guid document)
    {
        try
        {
            var opened = await documents.OpenAsync(HttpContext.ToRequestContext(), Id, document, HttpContext.RequestAborted);
            return opened is null ? Redirect($"/cases/{Id}/documents") : File(opened.Content, opened.Document.Type.ContentType(), opened.Document.FileName);
        }
        catch (CaseNotFoundException)
        {
            return NotFound();
        }
    }
}
