using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Assessments;
using OpenSend.Data.Documents;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Documents;
using OpenSend.Web.Pages.Shared;

namespace OpenSend.Web.Pages.Assessments.Cases;

/// <summary>
/// The council keeps one document from the family, only with a reason they are shown (issue 22: a
/// family is entitled to copies of the advice, reg 7 and CoP 9.49; e.g. third-party safeguarding
/// information may be held back).
/// </summary>
public sealed class WithholdDocumentModel(AssessmentQueries queries, CaseDocuments documents, TimeProvider time) : CaseStepPage(queries, time)
{
    [BindProperty(SupportsGet = true)]
    public Guid DocumentId { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public CaseDocument Document { get; private set; } = default!;

    public override string Title => "Withhold a document from the family";

    public string DocumentsLink => $"/cases/{Id}/documents";

    protected override PathwayAction[] Actions => [];

    protected override string DateField => nameof(Reason);

    public async Task<IActionResult> OnGetAsync() => await LoadDocumentAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadDocumentAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        if (string.IsNullOrWhiteSpace(Reason))
        {
            ModelState.AddModelError(nameof(Reason), "Enter why the family cannot see this document. They are shown the reason");
        }

        return await this.RecordStepAsync(ct => documents.WithholdAsync(Context, Id, DocumentId, Reason!, ct), FieldFor, DocumentsModel.SuccessKey,
            $"'{Document.Title}' is withheld from the family, who see the reason", DocumentsLink);
    }

    private async Task<IActionResult?> LoadDocumentAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        var found = (await documents.ListAsync(Context, Id, HttpContext.RequestAborted)).FirstOrDefault(d => d.Id == DocumentId);
        if (found is null || found.IsWithheld)
        {
            return Redirect(DocumentsLink);
        }

        Document = found;
        return null;
    }
}
