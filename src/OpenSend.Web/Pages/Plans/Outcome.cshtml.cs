using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using OpenSend.Data.Audit;
using OpenSend.Data.Plans;
using OpenSend.Domain.Plans;
using OpenSend.Web.GovUk;

namespace OpenSend.Web.Pages.Plans;

/// <summary>Section E: an outcome, with its target date and the needs it addresses.</summary>
public sealed class OutcomeModel(PlanQueries queries, PlanDrafting drafting, TimeProvider time) : PlanPage(queries, time)
{
    [BindProperty(SupportsGet = true)]
    public string? Item { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public DateInput TargetDate { get; set; } = new();

    [BindProperty]
    public List<string> Needs { get; set; } = [];

    [BindProperty]
    public string? Adulthood { get; set; }

    public override string Title => Existing is null ? "Add an outcome" : "Change an outcome";

    public PlanOutcome? Existing { get; private set; }

    public IReadOnlyList<GovUkChoice> NeedChoices => Working.Needs.Select(n => new GovUkChoice(n.Id.ToString(), n.Description, $"Section {n.Section}")).ToList();

    public IReadOnlyList<SelectListItem> AdulthoodChoices { get; } =
        [new SelectListItem("Not a preparation for adulthood outcome", string.Empty),
         .. Enum.GetValues<AdulthoodOutcome>().Select(o => new SelectListItem(PlanReading.AdulthoodName(o), o.ToString()))];

    public async Task<IActionResult> OnGetAsync()
    {
        if ((await LoadAsync() ?? FindExisting()) is { } elsewhere)
        {
            return elsewhere;
        }

        if (Existing is { } outcome)
        {
            Description = outcome.Description;
            TargetDate = DateInput.From(outcome.TargetDate);
            Needs = outcome.NeedIds.Select(id => id.ToString()).ToList();
            Adulthood = outcome.PreparingForAdulthood?.ToString();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if ((await LoadAsync() ?? FindExisting()) is { } elsewhere)
        {
            return elsewhere;
        }

        if (string.IsNullOrWhiteSpace(Description))
        {
            ModelState.AddModelError(nameof(Description), "Describe the outcome");
        }

        // An outcome may be saved without a date while drafting; the quality check asks for one before issue.
        var target = TargetDate.IsEmpty ? null : TargetDate.Validate(ModelState, nameof(TargetDate), "The target date", notBefore: Today);
        var needIds = Needs.Select(ParseId).OfType<Guid>().ToList();
        AdulthoodOutcome? adulthood = Enum.TryParse<AdulthoodOutcome>(Adulthood, out var a) ? a : null;
        var outcome = new PlanOutcome(Existing?.Id ?? Guid.NewGuid(), Description?.Trim() ?? string.Empty, target, needIds, adulthood);
        return await EditAsync(drafting, c => c.WithOutcome(outcome), AuditActions.PlanOutcomeSaved, Existing is null ? "Outcome added" : "Outcome changed",
            code => code == "outcome-unknown-need" ? nameof(Needs) : nameof(Description));
    }

    public async Task<IActionResult> OnPostRemoveAsync()
    {
        if ((await LoadAsync() ?? FindExisting()) is { } elsewhere)
        {
            return elsewhere;
        }

        return Existing is { } outcome
            ? await EditAsync(drafting, c => c.WithoutOutcome(outcome.Id), AuditActions.PlanOutcomeRemoved, "Outcome removed, with its links from provision", _ => nameof(Description))
            : Redirect(PlanLink);
    }

    private IActionResult? FindExisting() => FindItem(Item, Working.Outcomes, o => o.Id, found => Existing = found);
}
