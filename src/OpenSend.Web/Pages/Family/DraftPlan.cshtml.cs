using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenSend.Data.Assessments;
using OpenSend.Data.Documents;
using OpenSend.Data.Plans;
using OpenSend.Domain.Common;
using OpenSend.Web.SignIn;

namespace OpenSend.Web.Pages.Family;

/// <summary>The family reads the latest draft plan (never the council's working copy) and comments on any part of it within 15 days.</summary>
public sealed class DraftPlanModel(PlanQueries queries, PlanDocuments documents, CaseDocuments pictures, TimeProvider time) : PageModel
{
    public const string SuccessKey = "family.plan.success";

    public ViewedPlan Viewed { get; private set; } = default!;

    public bool CanComment { get; private set; }

    public string? Success { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        try
        {
            Viewed = await queries.GetAsync(HttpContext.ToRequestContext(), id, HttpContext.RequestAborted);
        }
        catch (CaseNotFoundException)
        {
            return NotFound();
        }

        if (Viewed.DraftForFamily is null)
        {
            return Redirect($"/your-requests/{id}");
        }

        CanComment = UkCalendar.Today(time) <= Viewed.CommentsCloseOn;
        Success = TempData[SuccessKey] as string;
        return Page();
    }

    /// <summary>A photo the family shared, shown in section A of their draft.</summary>
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

    /// <summary>The draft as a PDF or Word document, to read, print or share with an adviser.</summary>
    public async Task<IActionResult> OnGetDocumentAsync(Guid id, string format)
    {
        try
        {
            Viewed = await queries.GetAsync(HttpContext.ToRequestContext(), id, HttpContext.RequestAborted);
            var file = Viewed.DraftForFamily is { } draft
                ? await documents.RenderAsync(HttpContext.ToRequestContext(), id, draft.Number, format == "docx" ? PlanDocumentFormat.Word : PlanDocumentFormat.Pdf, HttpContext.RequestAborted)
                : null;
            return file is null ? Redirect($"/your-requests/{id}") : File(file.Content, file.ContentType, file.FileName);
        }
        catch (CaseNotFoundException)
        {
            return NotFound();
        }
    }
}
