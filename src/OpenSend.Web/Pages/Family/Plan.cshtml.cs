using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenSend.Data.Assessments;
using OpenSend.Data.Documents;
using OpenSend.Data.Plans;
using OpenSend.Domain.Plans;
using OpenSend.Web.SignIn;

namespace OpenSend.Web.Pages.Family;

/// <summary>
/// The family's own copy of the plan (green paper ch.2 paras 20–21): the plan in force, or the draft
/// before there is one, every earlier version, and each as PDF or Word. Only issued versions are ever
/// shown: the council's working copy stays the council's until it is issued.
/// </summary>
public sealed class PlanModel(PlanQueries queries, PlanDocuments documents, CaseDocuments pictures) : PageModel
{
    public ViewedPlan Viewed { get; private set; } = default!;

    /// <summary>The version on the page: the one asked for with <c>?version=</c>, else the one the family holds.</summary>
    public PlanVersion Shown { get; private set; } = default!;

    /// <summary>Whether <see cref="Shown"/> is the version the family holds (the plan in force, or the latest draft).</summary>
    public bool ShowsTheCurrentVersion => Shown.Number == Viewed.IssuedForFamily!.Number;

    /// <summary>An amended draft after the plan in force, with the family's time to comment (reg 22(2)).</summary>
    public PlanVersion? AmendedDraft => Viewed.Plan is { IsInForce: true } && Viewed.DraftForFamily is { } draft ? draft : null;

    public async Task<IActionResult> OnGetAsync(Guid id, int? version)
    {
        try
        {
            Viewed = await queries.GetAsync(HttpContext.ToRequestContext(), id, HttpContext.RequestAborted);
        }
        catch (CaseNotFoundException)
        {
            return NotFound();
        }

        if (Viewed.IssuedForFamily is not { } held)
        {
            return Redirect($"/your-requests/{id}");
        }

        Shown = version is { } number ? Viewed.Plan!.Versions.FirstOrDefault(v => v.Number == number) ?? held : held;
        return Page();
    }

    /// <summary>A version as a PDF or Word document, to keep, print or share with an adviser.</summary>
    public async Task<IActionResult> OnGetDocumentAsync(Guid id, int version, string format)
    {
        try
        {
            var file = await documents.RenderAsync(HttpContext.ToRequestContext(), id, version, format == "docx" ? PlanDocumentFormat.Word : PlanDocumentFormat.Pdf, HttpContext.RequestAborted);
            return file is null ? Redirect($"/your-requests/{id}/plan") : File(file.Content, file.ContentType, file.FileName);
        }
        catch (CaseNotFoundException)
        {
            return NotFound();
        }
    }

    /// <summary>A photo the family shared, shown in section A.</summary>
    public async Task<IActionResult> OnGetPictureAsync(Guid id, Guid document)
    {
        try
        {
            return Assessments.Cases.DocumentsModel.Picture(Response, await pictures.OpenPictureAsync(HttpContext.ToRequestContext(), id, document, HttpContext.RequestAborted));
        }
        catch (CaseNotFoundException)
        {
            return NotFound();
        }
    }
}
