using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Reviews;
using OpenSend.Domain.Common;
using OpenSend.Domain.Plans;
using OpenSend.Domain.Reviews;
using OpenSend.Web.GovUk;

namespace OpenSend.Web.Pages.Reviews;

/// <summary>
/// Reg 20(7): the written report of the review meeting, from the setting that led it: the views of
/// the child and family, progress against every outcome in the plan with its evidence, the changes
/// recommended, and whether stepping down to SEN support and ceasing the plan were considered.
/// </summary>
public sealed class ReportModel(ReviewQueries queries, PlanReviews reviews, TimeProvider time) : ReviewPage(queries, reviews, time)
{
    [BindProperty]
    public DateInput SentOn { get; set; } = new();

    [BindProperty]
    public string? ChildViews { get; set; }

    [BindProperty]
    public string? FamilyViews { get; set; }

    [BindProperty]
    public List<string?> Progress { get; set; } = [];

    [BindProperty]
    public List<string?> Evidence { get; set; } = [];

    [BindProperty]
    public string? NeedsChange { get; set; }

    [BindProperty]
    public string? OutcomesChange { get; set; }

    [BindProperty]
    public string? ProvisionChange { get; set; }

    [BindProperty]
    public string? SettingChange { get; set; }

    [BindProperty]
    public string? StepDown { get; set; }

    [BindProperty]
    public string? StepDownReasons { get; set; }

    [BindProperty]
    public string? Cease { get; set; }

    [BindProperty]
    public string? CeaseReasons { get; set; }

    public override string Title => "Review report";

    public IReadOnlyList<PlanOutcome> Outcomes => Viewed.PlanContent.Outcomes;

    public IReadOnlyList<GovUkChoice> YesNo { get; } = [new("true", "Yes"), new("false", "No")];

    protected override ReviewAction? Action => ReviewAction.SubmitReport;

    protected override string FieldFor(string refusalCode) => refusalCode switch
    {
        "step-down-reasons" => nameof(StepDownReasons),
        "cease-reasons" => nameof(CeaseReasons),
        "progress-missing" or "progress-evidence" => "Progress[0]",
        _ => nameof(SentOn),
    };

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        // The views the family gave for the review start the report's; the SENCO adds what was said at the meeting.
        var family = Viewed.Contributions.Where(c => c.Kind == ReviewContributorKind.Family).ToList();
        ChildViews = Text.NullIfBlank(string.Join("\n\n", family.Select(c => c.ChildViews).OfType<string>()));
        FamilyViews = Text.NullIfBlank(string.Join("\n\n", family.Select(c => c.Text)));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        var sentOn = SentOn.Validate(ModelState, nameof(SentOn), "The date the report was sent", notAfter: Today);
        var progress = new List<OutcomeProgressEntry>();
        for (var i = 0; i < Outcomes.Count; i++)
        {
            var outcome = Outcomes[i];
            if (!Enum.TryParse<OutcomeProgress>(Progress.ElementAtOrDefault(i), out var made))
            {
                ModelState.AddModelError($"Progress[{i}]", $"Select the progress towards '{outcome.Description}'");
            }

            if (string.IsNullOrWhiteSpace(Evidence.ElementAtOrDefault(i)))
            {
                ModelState.AddModelError($"Evidence[{i}]", $"Give the evidence of progress towards '{outcome.Description}'");
            }

            progress.Add(new OutcomeProgressEntry(outcome.Id, outcome.Description, made, Evidence.ElementAtOrDefault(i)?.Trim() ?? string.Empty));
        }

        if (StepDown is not ("true" or "false"))
        {
            ModelState.AddModelError(nameof(StepDown), "Select whether stepping down to SEN support is recommended");
        }

        if (Cease is not ("true" or "false"))
        {
            ModelState.AddModelError(nameof(Cease), "Select whether ceasing the plan is recommended");
        }

        var changes = new (PlanSection Section, string? Text)[] { (PlanSection.B, NeedsChange), (PlanSection.E, OutcomesChange), (PlanSection.F, ProvisionChange), (PlanSection.I, SettingChange) }
            .Where(c => !string.IsNullOrWhiteSpace(c.Text)).Select(c => new RecommendedChange(c.Section, c.Text!.Trim())).ToList();
        var report = new ReviewReport(Text.NullIfBlank(ChildViews), Text.NullIfBlank(FamilyViews), progress, changes,
            StepDown == "true", StepDownReasons?.Trim() ?? string.Empty, Cease == "true", CeaseReasons?.Trim() ?? string.Empty);
        return await RecordAsync((context, ct) => Reviews.SubmitReportAsync(context, Id, sentOn!.Value, report, ct), "Review report sent to the council");
    }
}
