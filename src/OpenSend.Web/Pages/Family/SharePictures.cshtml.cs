using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenSend.Data.Assessments;
using OpenSend.Data.Documents;
using OpenSend.Domain.Common;
using OpenSend.Domain.Documents;
using OpenSend.Web.SignIn;

namespace OpenSend.Web.Pages.Family;

/// <summary>
/// The family shares photos or a short video of their child for section A (green paper ch.2 para
/// 21: a holistic picture). They choose what to share; the caseworker chooses what goes in the plan,
/// and the family sees it in the draft.
/// </summary>
public sealed class SharePicturesModel(CaseDocuments documents, DocumentStorage storage) : PageModel
{
    public const string SuccessKey = "family.pictures.success";

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public string? Caption { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public IReadOnlyList<CaseDocument> Shared { get; private set; } = [];

    public string Limit => storage.Describe(storage.MaxBytes);

    public string? Success { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        if (string.IsNullOrWhiteSpace(Caption))
        {
            ModelState.AddModelError(nameof(Caption), "Enter a few words about the photo or video, like 'Sam at the swimming gala'");
        }

        if (Upload is null)
        {
            ModelState.AddModelError(nameof(Upload), "Select a photo or video");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            await using var upload = Upload!.OpenReadStream();
            await documents.UploadAsync(HttpContext.ToRequestContext(), Id, upload, Caption, DocumentPurpose.FamilyPicture, cancellationToken: HttpContext.RequestAborted);
        }
        catch (StepRefusedException refused)
        {
            ModelState.AddModelError(refused.Code == "document-title" ? nameof(Caption) : nameof(Upload), refused.Message);
            return Page();
        }

        TempData[SuccessKey] = $"'{Caption!.Trim()}' shared with the council";
        return Redirect($"/your-requests/{Id}/pictures");
    }

    private async Task<IActionResult?> LoadAsync()
    {
        if (!User.ToViewer().IsFamily)
        {
            return Forbid();
        }

        try
        {
            Shared = (await documents.ListAsync(HttpContext.ToRequestContext(), Id, HttpContext.RequestAborted))
                .Where(d => d.Purpose == DocumentPurpose.FamilyPicture).ToList();
        }
        catch (CaseNotFoundException)
        {
            return NotFound();
        }

        Success = TempData[SuccessKey] as string;
        return null;
    }
}
