using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenSend.Data.Advice;
using OpenSend.Data.Assessments;
using OpenSend.Data.Documents;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Documents;
using OpenSend.Web.Pages.Shared;
using OpenSend.Web.SignIn;

namespace OpenSend.Web.Pages.Family;

/// <summary>
/// The family's copies of the advice and documents on their case (reg 7, CoP 9.49; green paper
/// ch.2 paras 20–21): what each adviser was asked and sent, every document the council holds, with
/// any it withholds shown as withheld with the reason, and their own reports, letters and evidence.
/// </summary>
public sealed class DocumentsModel(AssessmentQueries queries, CaseDocuments documents, AdviceGiving advice, DocumentStorage storage) : PageModel
{
    public const string SuccessKey = "family.documents.success";

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public EhcCase Case { get; private set; } = default!;

    public IReadOnlyList<AdviceInProgress> AdviceSent { get; private set; } = [];

    public IReadOnlyList<CaseDocument> Documents { get; private set; } = [];

    public string Limit => storage.Describe(storage.MaxBytes);

    public string Size(long bytes) => storage.Describe(bytes);

    public string? Success { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        if (await this.TryUploadAsync(documents, Id, nameof(Title), Title, "Enter what the document is, like 'Letter from the speech and language therapist'",
            () => DocumentPurpose.Other, Upload, "Select a file") is null)
        {
            return Page();
        }

        TempData[SuccessKey] = $"'{Title!.Trim()}' sent to the council";
        return Redirect($"/your-requests/{Id}/documents");
    }

    /// <summary>A document to keep, as an attachment with its checked type; never one the council withholds.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(Guid document)
    {
        try
        {
            var opened = await documents.OpenAsync(HttpContext.ToRequestContext(), Id, document, HttpContext.RequestAborted);
            return opened is null ? NotFound() : File(opened.Content, opened.Document.Type.ContentType(), opened.Document.FileName);
        }
        catch (CaseNotFoundException)
        {
            return NotFound();
        }
    }

    /// <summary>Who asked for a report: the adviser's name, for a report sent with advice.</summary>
    public string? AdviserFor(CaseDocument document) =>
        document.AdviceRequestId is { } requestId ? Case.AdviceRequests.FirstOrDefault(r => r.Id == requestId)?.AdviserName : null;

    private async Task<IActionResult?> LoadAsync()
    {
        if (!User.ToViewer().IsFamily)
        {
            return Forbid();
        }

        try
        {
            var context = HttpContext.ToRequestContext();
            Case = (await queries.GetCaseAsync(context, Id, HttpContext.RequestAborted, forStep: !HttpMethods.IsGet(Request.Method))).Assessment;
            Documents = await documents.ListAsync(context, Id, HttpContext.RequestAborted);
            AdviceSent = await advice.SentOnCaseAsync(Case, HttpContext.RequestAborted);
        }
        catch (CaseNotFoundException)
        {
            return NotFound();
        }

        Success = TempData[SuccessKey] as string;
        return null;
    }
}
