using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Assessments;
using OpenSend.Data.Documents;
using OpenSend.Domain.Common;
using OpenSend.Domain.Documents;
using OpenSend.Web.GovUk;

namespace OpenSend.Web.Pages.Assessments.Cases;

/// <summary>Adds a file to a case: checked by content and size; nothing is kept if it is refused.</summary>
public sealed class UploadDocumentModel(AssessmentQueries queries, CaseDocuments documents, DocumentStorage storage, TimeProvider time) : CaseStepPage(queries, time)
{
    [BindProperty]
    public string? DocumentTitle { get; set; }

    [BindProperty]
    public string? Purpose { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public override string Title => "Add a document";

    public string Limit => storage.Describe(storage.MaxBytes);

    public IReadOnlyList<GovUkChoice> Purposes { get; } =
    [
        new(nameof(DocumentPurpose.AdviceReport), "Advice from an adviser", "Reports gathered for the assessment (regulation 6)"),
        new(nameof(DocumentPurpose.FamilyPicture), "A photo or short video the family chose", "For section A of the plan"),
        new(nameof(DocumentPurpose.Other), "Something else"),
    ];

    protected override Domain.Assessments.PathwayAction[] Actions => [];

    protected override string DateField => nameof(Upload);

    protected override string FieldFor(string refusalCode) => refusalCode == "document-title" ? nameof(DocumentTitle) : nameof(Upload);

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        if (string.IsNullOrWhiteSpace(DocumentTitle))
        {
            ModelState.AddModelError(nameof(DocumentTitle), "Enter a title for the document, like 'Educational psychology advice'");
        }

        if (!Enum.TryParse<DocumentPurpose>(Purpose, out var purpose))
        {
            ModelState.AddModelError(nameof(Purpose), "Select what the document is");
        }

        if (Upload is null)
        {
            ModelState.AddModelError(nameof(Upload), "Select a file");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            await using var upload = Upload!.OpenReadStream();
            var added = await documents.UploadAsync(Context, Id, upload, DocumentTitle, purpose, cancellationToken: HttpContext.RequestAborted);
            TempData[DocumentsModel.SuccessKey] = $"{added.Title} added";
            return Redirect($"/cases/{Id}/documents");
        }
        catch (StepRefusedException refused)
        {
            ModelState.AddModelError(FieldFor(refused.Code), refused.Message);
            return Page();
        }
    }
}
