using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using OpenSend.Data.Audit;
using OpenSend.Data.Plans;
using OpenSend.Domain.Plans;
using OpenSend.Web.GovUk;

namespace OpenSend.Web.Pages.Plans;

/// <summary>A need in section B (with its SEN2 type and rank), C or D: add, change or remove.</summary>
public sealed class NeedModel(PlanQueries queries, PlanDrafting drafting, TimeProvider time) : PlanPage(queries, time)
{
    [BindProperty(SupportsGet = true)]
    public string? Item { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Section { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public string? NeedType { get; set; }

    [BindProperty]
    public string? Rank { get; set; }

    public override string Title => Existing is null ? "Add a need" : "Change a need";

    public PlanNeed? Existing { get; private set; }

    public IReadOnlyList<GovUkChoice> Sections => PlanChoices.NeedSections;

    public IReadOnlyList<SelectListItem> NeedTypes => PlanChoices.NeedTypes;

    public async Task<IActionResult> OnGetAsync()
    {
        if ((await LoadAsync() ?? FindExisting()) is { } elsewhere)
        {
            return elsewhere;
        }

        if (Existing is { } need)
        {
            (Section, Description, NeedType, Rank) = (need.Section.ToString(), need.Description, need.NeedType?.ToString(), need.Rank?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if ((await LoadAsync() ?? FindExisting()) is { } elsewhere)
        {
            return elsewhere;
        }

        var section = Enum.TryParse<PlanSection>(Section, out var s) && PlanContent.NeedSections.Contains(s) ? s : (PlanSection?)null;
        if (section is null)
        {
            ModelState.AddModelError(nameof(Section), "Select the section the need belongs in");
        }

        if (string.IsNullOrWhiteSpace(Description))
        {
            ModelState.AddModelError(nameof(Description), "Describe the need");
        }

        Sen2NeedType? type = Enum.TryParse<Sen2NeedType>(NeedType, out var t) ? t : null;
        int? rank = null;
        if (!string.IsNullOrWhiteSpace(Rank))
        {
            if (int.TryParse(Rank, out var r) && r >= 1 && r <= 20)
            {
                rank = r;
            }
            else
            {
                ModelState.AddModelError(nameof(Rank), "Rank must be a whole number from 1 (the primary need) to 20");
            }
        }

        if (section is not PlanSection.B && section is not null && (type is not null || rank is not null))
        {
            ModelState.AddModelError(nameof(NeedType), "Only special educational needs (section B) have a need type and rank; leave them blank for sections C and D");
        }

        var need = new PlanNeed(Existing?.Id ?? Guid.NewGuid(), section ?? PlanSection.B, Description?.Trim() ?? string.Empty, type, rank);
        return await EditAsync(drafting, c => c.WithNeed(need), AuditActions.PlanNeedSaved, Existing is null ? $"Need added to section {need.Section}" : "Need changed", FieldFor);
    }

    public async Task<IActionResult> OnPostRemoveAsync()
    {
        if ((await LoadAsync() ?? FindExisting()) is { } elsewhere)
        {
            return elsewhere;
        }

        if (Existing is not { } need)
        {
            return Redirect(PlanLink);
        }

        return await EditAsync(drafting, c => c.WithoutNeed(need.Id), AuditActions.PlanNeedRemoved, "Need removed, with its links from outcomes and provision", FieldFor);
    }

    private IActionResult? FindExisting() => FindItem(Item, Working.Needs, n => n.Id, found => Existing = found);

    private static string FieldFor(string code) => code switch
    {
        "need-section" => nameof(Section),
        "need-type-outside-b" or "need-rank" => nameof(NeedType),
        _ => nameof(Description),
    };
}
