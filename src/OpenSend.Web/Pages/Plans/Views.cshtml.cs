using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Audit;
using OpenSend.Data.Documents;
using OpenSend.Data.Plans;
using OpenSend.Domain.Common;
using OpenSend.Domain.Documents;
using OpenSend.Domain.Plans;
using OpenSend.Web.GovUk;

namespace OpenSend.Web.Pages.Plans;

/// <summary>Section A: the views, interests and aspirations of the child or young person and their parents (reg 12(1)(a)).</summary>
public sealed class ViewsModel(PlanQueries queries, PlanDrafting drafting, CaseDocuments documents, PlanRepresentations representations, TimeProvider time) : PlanPage(queries, time)
{
    /// <summary>?family=true fills the form with the family's own words, to edit before saving.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Family { get; set; }

    /// <summary>What the family sent for section A (reg 6(1)(a)), if anything.</summary>
    public Domain.Advice.FamilyViews? FamilySent { get; private set; }

    /// <summary>The family's shared photos and videos chosen for section A (document ids).</summary>
    [BindProperty]
    public List<string> Media { get; set; } = [];

    public IReadOnlyList<GovUkChoice> Shared { get; private set; } = [];

    private IReadOnlyList<CaseDocument> _pictures = [];

    [BindProperty]
    public string? InTheirOwnWords { get; set; }

    [BindProperty]
    public string? ParentsViews { get; set; }

    [BindProperty]
    public string? Interests { get; set; }

    [BindProperty]
    public string? Aspirations { get; set; }

    public override string Title => "Section A: views, interests and aspirations";

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        (InTheirOwnWords, ParentsViews, Interests, Aspirations) = Working.SectionA is { } a ? (a.InTheirOwnWords, a.ParentsViews, a.Interests, a.Aspirations) : default;
        FamilySent = await representations.ViewsAsync(Context, Id, HttpContext.RequestAborted);
        if (Family && FamilySent?.Views is { } words)
        {
            (InTheirOwnWords, ParentsViews, Interests, Aspirations) = (words.InTheirOwnWords, words.ParentsViews, words.Interests, words.Aspirations);
        }

        Media = Working.SectionA?.Media?.Select(m => m.DocumentId.ToString()).ToList() ?? [];
        await LoadPicturesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        await LoadPicturesAsync();
        FamilySent = await representations.ViewsAsync(Context, Id, HttpContext.RequestAborted);
        var media = _pictures.Where(p => Media.Contains(p.Id.ToString()))
            .Select(p => new SectionAMedia(p.Id, p.Title, p.Type == DocumentType.Mp4 ? "video" : "photo")).ToList();
        var views = new ViewsAndAspirations(Text.NullIfBlank(InTheirOwnWords), Text.NullIfBlank(ParentsViews), Text.NullIfBlank(Interests), Text.NullIfBlank(Aspirations), media.Count > 0 ? media : null);
        if (views.IsEmpty)
        {
            ModelState.AddModelError(nameof(InTheirOwnWords), "Enter the child's or young person's views in their own words, or their parents' views");
        }

        return await EditAsync(drafting, c => c.WithViews(views), AuditActions.PlanSectionASaved, "Section A saved", _ => nameof(InTheirOwnWords));
    }

    private async Task LoadPicturesAsync()
    {
        _pictures = (await documents.ListAsync(Context, Id, HttpContext.RequestAborted))
            .Where(d => d.Purpose == DocumentPurpose.FamilyPicture && d.Type.IsPictureOrVideo()).ToList();
        Shared = _pictures.Select(p => new GovUkChoice(p.Id.ToString(), p.Title, $"{(p.Type == DocumentType.Mp4 ? "Video" : "Photo")} shared on {UkCalendar.InWords(UkCalendar.DateOf(p.UploadedAt))}")).ToList();
    }

}
