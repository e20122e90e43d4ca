using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Advice;
using OpenSend.Data.Documents;
using OpenSend.Domain.Documents;

namespace OpenSend.Web.Pages.Advice;

/// <summary>Attaches the adviser's report to their advice: checked by content and size like every upload; nothing kept if refused.</summary>
public sealed class ReportModel(AdviceGiving advice, CaseDocuments documents, DocumentStorage storage) : AdvicePage(advice)
{
    [BindProperty]
    public string? DocumentTitle { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public override string Title => "Attach a report";

    public string Limit => storage.Describe(storage.MaxBytes);

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        if (string.IsNullOrWhiteSpace(DocumentTitle))
        {
            ModelState.AddModelError(nameof(DocumentTitle), "Enter a title for the report, like 'Educational psychology report'");
        }

        if (Upload is null)
        {
            ModelState.AddModelError(nameof(Upload), "Select a file");
        }

        return await WriteAsync(
            async (context, ct) =>
            {
                await using var upload = Upload!.OpenReadStream();
                await documents.UploadAsync(context, Advice.Assessment.Id, upload, DocumentTitle, DocumentPurpose.AdviceReport, RequestId, ct);
            },
            $"{DocumentTitle?.Trim()} attached",
            code => code == "document-title" ? nameof(DocumentTitle) : nameof(Upload));
    }
}
