using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Plans;
using OpenSend.Domain.Plans;

namespace OpenSend.Web.Pages.Plans;

/// <summary>One issued version as it was issued, and a way to compare it with another.</summary>
public sealed class VersionModel(PlanQueries queries, PlanDocuments documents, TimeProvider time) : PlanPage(queries, time)
{
    [BindProperty(SupportsGet = true)]
    public int Number { get; set; }

    public PlanVersion Shown { get; private set; } = default!;

    public override string Title => Shown.Label;

    protected override bool ChangesThePlan => false;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        // A version the plan does not have (yet): its versions are listed on the plan page.
        if (Plan.Versions.FirstOrDefault(v => v.Number == Number) is not { } version)
        {
            return Redirect(PlanLink);
        }

        Shown = version;
        return Page();
    }

    /// <summary>The version as a PDF or Word document, always downloaded as an attachment.</summary>
    public async Task<IActionResult> OnGetDocumentAsync(string format)
    {
        var kind = format == "docx" ? PlanDocumentFormat.Word : PlanDocumentFormat.Pdf;
        try
        {
            var file = await documents.RenderAsync(Context, Id, Number, kind, HttpContext.RequestAborted);
            return file is null ? Redirect(PlanLink) : File(file.Content, file.ContentType, file.FileName);
        }
        catch (OpenSend.Data.Assessments.CaseNotFoundException)
        {
            return NotFound();
        }
    }
}
