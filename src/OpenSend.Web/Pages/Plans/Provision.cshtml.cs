using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Audit;
using OpenSend.Data.Plans;
using OpenSend.Domain.Common;
using OpenSend.Domain.Plans;
using OpenSend.Web.GovUk;

namespace OpenSend.Web.Pages.Plans;

/// <summary>Sections F, G, H1, H2: a piece of provision, specified and quantified, with its funder and the needs and outcomes it serves.</summary>
public sealed class ProvisionModel(PlanQueries queries, PlanDrafting drafting, TimeProvider time) : PlanPage(queries, time)
{
    [BindProperty(SupportsGet = true)]
    public string? Item { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Section { get; set; }

    [BindProperty]
    public string? What { get; set; }

    [BindProperty]
    public string? DeliveredBy { get; set; }

    [BindProperty]
    public string? Frequency { get; set; }

    [BindProperty]
    public string? Duration { get; set; }

    [BindProperty]
    public string? GroupSizeOrRatio { get; set; }

    [BindProperty]
    public string? Qualification { get; set; }

    [BindProperty]
    public string? FundedBy { get; set; }

    [BindProperty]
    public List<string> Needs { get; set; } = [];

    [BindProperty]
    public List<string> Outcomes { get; set; } = [];

    public override string Title => Existing is null ? "Add provision" : "Change provision";

    public PlanProvision? Existing { get; private set; }

    public IReadOnlyList<GovUkChoice> Sections => PlanChoices.ProvisionSections;

    public IReadOnlyList<GovUkChoice> Funders => PlanChoices.Funders;

    public IReadOnlyList<GovUkChoice> NeedChoices => Working.Needs.Select(n => new GovUkChoice(n.Id.ToString(), n.Description, $"Section {n.Section}")).ToList();

    public IReadOnlyList<GovUkChoice> OutcomeChoices => Working.Outcomes.Select(o => new GovUkChoice(o.Id.ToString(), o.Description)).ToList();

    public async Task<IActionResult> OnGetAsync()
    {
        if ((await LoadAsync() ?? FindExisting()) is { } elsewhere)
        {
            return elsewhere;
        }

        if (Existing is { } p)
        {
            (Section, What, DeliveredBy, Frequency, Duration, GroupSizeOrRatio, Qualification, FundedBy) =
                (p.Section.ToString(), p.What, p.DeliveredBy, p.Frequency, p.Duration, p.GroupSizeOrRatio, p.Qualification, p.FundedBy?.ToString());
            Needs = p.NeedIds.Select(id => id.ToString()).ToList();
            Outcomes = p.OutcomeIds.Select(id => id.ToString()).ToList();
        }
        else if (Enum.TryParse<PlanSection>(Section, out var section))
        {
            // Section F is the LA's to secure; G is health's and H social care's (s.42, s.43).
            FundedBy = section switch { PlanSection.F => nameof(Funder.Education), PlanSection.G => nameof(Funder.Health), _ => nameof(Funder.SocialCare) };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if ((await LoadAsync() ?? FindExisting()) is { } elsewhere)
        {
            return elsewhere;
        }

        var section = Enum.TryParse<PlanSection>(Section, out var s) && PlanContent.ProvisionSections.Contains(s) ? s : (PlanSection?)null;
        if (section is null)
        {
            ModelState.AddModelError(nameof(Section), "Select the section the provision belongs in");
        }

        if (string.IsNullOrWhiteSpace(What))
        {
            ModelState.AddModelError(nameof(What), "Enter what the provision is");
        }

        Funder? funder = Enum.TryParse<Funder>(FundedBy, out var f) ? f : null;
        var provision = new PlanProvision(Existing?.Id ?? Guid.NewGuid(), section ?? PlanSection.F, What?.Trim() ?? string.Empty,
            Text.NullIfBlank(DeliveredBy), Text.NullIfBlank(Frequency), Text.NullIfBlank(Duration), Text.NullIfBlank(GroupSizeOrRatio), Text.NullIfBlank(Qualification), funder,
            Needs.Select(ParseId).OfType<Guid>().ToList(), Outcomes.Select(ParseId).OfType<Guid>().ToList());
        return await EditAsync(drafting, c => c.WithProvision(provision), AuditActions.PlanProvisionSaved, Existing is null ? $"Provision added to section {provision.Section}" : "Provision changed",
            code => code switch { "provision-section" => nameof(Section), "provision-unknown-need" => nameof(Needs), "provision-unknown-outcome" => nameof(Outcomes), _ => nameof(What) });
    }

    public async Task<IActionResult> OnPostRemoveAsync()
    {
        if ((await LoadAsync() ?? FindExisting()) is { } elsewhere)
        {
            return elsewhere;
        }

        return Existing is { } provision
            ? await EditAsync(drafting, c => c.WithoutProvision(provision.Id), AuditActions.PlanProvisionRemoved, "Provision removed", _ => nameof(What))
            : Redirect(PlanLink);
    }

    private IActionResult? FindExisting() => FindItem(Item, Working.Provision, p => p.Id, found => Existing = found);

}
