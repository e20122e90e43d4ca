using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenSend.Data.Assessments;
using OpenSend.Data.Documents;
using OpenSend.Domain.Documents;
using OpenSend.Web.Pages.Shared;
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

        if (await this.TryUploadAsync(documents, Id, nameof(Caption), Caption, "Enter a few words about the photo or video, like 'Sam at the swimming gala'",
            () => DocumentPurpose.FamilyPicture, Upload, "Select a photo or video") is null)
        {
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
