using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenSend.Data.Documents;
using OpenSend.Domain.Common;
using OpenSend.Domain.Documents;
using OpenSend.Web.SignIn;

namespace OpenSend.Web.Pages.Shared;

/// <summary>
/// The one way a page adds a file to a case (the staff's upload, the family's photos and their
/// letters and reports): a title and a file are required, then <see cref="CaseDocuments"/> makes its
/// own checks (type by content, size, quotas), and each problem is shown against its field.
/// </summary>
public static class DocumentUpload
{
    /// <summary>The form field the file comes in, on every upload page.</summary>
    public const string UploadField = "Upload";

    /// <summary>
    /// The document stored, or null when anything was refused (nothing is stored then, and the page
    /// shows why). <paramref name="purpose"/> is what the document is: fixed by the page, or chosen on
    /// the form (null, with the page's own error added, when not chosen). Problems are added in the
    /// form's order, so the error summary lists them as the page does: title, purpose, file.
    /// </summary>
    public static async Task<CaseDocument?> TryUploadAsync(this PageModel page, CaseDocuments documents, Guid caseId,
        string titleField, string? title, string missingTitle, Func<DocumentPurpose?> purpose, IFormFile? upload, string missingFile)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            page.ModelState.AddModelError(titleField, missingTitle);
        }

        var kind = purpose();
        if (upload is null)
        {
            page.ModelState.AddModelError(UploadField, missingFile);
        }

        if (!page.ModelState.IsValid || kind is null)
        {
            return null;
        }

        try
        {
            await using var stream = upload!.OpenReadStream();
            return await documents.UploadAsync(page.HttpContext.ToRequestContext(), caseId, stream, title, kind.Value, cancellationToken: page.HttpContext.RequestAborted);
        }
        catch (StepRefusedException refused)
        {
            page.ModelState.AddModelError(refused.Code == "document-title" ? titleField : UploadField, refused.Message);
            return null;
        }
    }
}
