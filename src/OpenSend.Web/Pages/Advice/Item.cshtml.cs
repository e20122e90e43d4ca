using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using OpenSend.Data.Advice;
using OpenSend.Domain.Plans;
using OpenSend.Web.GovUk;
using OpenSend.Web.Pages.Plans;

namespace OpenSend.Web.Pages.Advice;

/// <summary>
/// Adds one recommended need, outcome or piece of provision to an adviser's advice, in the plan's
/// own sections and words, so the caseworker can take it into the draft as it stands.
/// </summary>
public sealed class ItemModel(AdviceGiving advice) : AdvicePage(advice)
{
    [BindProperty(SupportsGet = true)]
    public string Kind { get; set; } = "need";

    [BindProperty]
    public string? Section { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public string? NeedType { get; set; }

    [BindProperty]
    public string? DeliveredBy { get; set; }

    [BindProperty]
    public string? Frequency { get; set; }

    [BindProperty]
    public string? Duration { get; set; }

    [BindProperty]
    public string? FundedBy { get; set; }

    public override string Title => $"Add {What}";

    /// <summary>What is being added, as a sentence names it.</summary>
    private string What => Kind switch
    {
        "outcome" => "an outcome",
        "provision" => "provision",
        _ => "a need",
    };

    public IReadOnlyList<GovUkChoice> Sections => Kind == "provision" ? PlanChoices.ProvisionSections : PlanChoices.NeedSections;

    public IReadOnlyList<GovUkChoice> Funders => PlanChoices.Funders;

    public IReadOnlyList<SelectListItem> NeedTypes => PlanChoices.NeedTypes;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        if (string.IsNullOrWhiteSpace(Description))
        {
            ModelState.AddModelError(nameof(Description), Kind switch
            {
                "outcome" => "Describe the outcome",
                "provision" => "Say what the provision is",
                _ => "Describe the need",
            });
        }

        var section = Enum.TryParse<PlanSection>(Section, out var s) && Sections.Any(c => c.Value == s.ToString()) ? s : (PlanSection?)null;
        if (Kind != "outcome" && section is null)
        {
            ModelState.AddModelError(nameof(Section), "Select the section it belongs in");
        }

        Sen2NeedType? needType = Enum.TryParse<Sen2NeedType>(NeedType, out var t) ? t : null;
        if (Kind == "need" && needType is not null && section is not null and not PlanSection.B)
        {
            ModelState.AddModelError(nameof(NeedType), "Only special educational needs (section B) have a need type; leave it blank for sections C and D");
        }

        var text = Description?.Trim() ?? string.Empty;
        Func<PlanContent, PlanContent> change = Kind switch
        {
            "outcome" => c => c.WithOutcome(new PlanOutcome(Guid.NewGuid(), text, null, [])),
            "provision" => c => c.WithProvision(new PlanProvision(Guid.NewGuid(), section ?? PlanSection.F, text, Text(DeliveredBy), Text(Frequency), Text(Duration), null, null,
                Enum.TryParse<Funder>(FundedBy, out var f) ? f : null, [], [])),
            _ => c => c.WithNeed(new PlanNeed(Guid.NewGuid(), section ?? PlanSection.B, text, needType)),
        };
        return await WriteAsync((context, ct) => Giving.ChangeContentAsync(context, RequestId, AdviceVersion, change, $"{What} added.", ct),
            $"{char.ToUpperInvariant(What[0])}{What[1..]} added to your advice", code => code.EndsWith("-section", StringComparison.Ordinal) ? nameof(Section) : nameof(Description));
    }

    private static string? Text(string? value) => Domain.Common.Text.NullIfBlank(value);
}
