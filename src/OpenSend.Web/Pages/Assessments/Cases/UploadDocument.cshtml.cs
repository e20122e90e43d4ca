using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Assessments;
using OpenSend.Data.Documents;
using OpenSend.Domain.Documents;
using OpenSend.Web.GovUk;
using OpenSend.Web.Pages.Shared;

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


    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    private DocumentPurpose? ChosenPurpose()
    {
        if (Enum.TryParse<DocumentPurpose>(Purpose, out var purpose))
        {
            return purpose;
        }

        ModelState.AddModelError(nameof(Purpose), "Select what the document is");
        return null;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        if (await this.TryUploadAsync(documents, Id, nameof(DocumentTitle), DocumentTitle, "Enter a title for the document, like 'Educational psychology advice'",
            ChosenPurpose, Upload, "Select a file") is not { } added)
        {
            return Page();
        }

        TempData[DocumentsModel.SuccessKey] = $"{added.Title} added";
        return Redirect($"/cases/{Id}/documents");
    }
}
