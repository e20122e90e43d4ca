using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Plans;
using OpenSend.Domain.Common;
using OpenSend.Domain.Plans;

namespace OpenSend.Web.Pages.Plans;

/// <summary>Section A: the views, interests and aspirations of the child or young person and their parents (reg 12(1)(a)).</summary>
public sealed class ViewsModel(PlanQueries queries, PlanDrafting drafting, TimeProvider time) : PlanPage(queries, time)
{
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
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        var views = new ViewsAndAspirations(Text.NullIfBlank(InTheirOwnWords), Text.NullIfBlank(ParentsViews), Text.NullIfBlank(Interests), Text.NullIfBlank(Aspirations));
        if (views.IsEmpty)
        {
            ModelState.AddModelError(nameof(InTheirOwnWords), "Enter the child's or young person's views in their own words, or their parents' views");
        }

        return await EditAsync(drafting, c => c.WithViews(views), "plan.section-a-saved", "Section A saved", _ => nameof(InTheirOwnWords));
    }

}
