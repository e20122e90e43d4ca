using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Assessments;
using OpenSend.Domain.Assessments;
using OpenSend.Web.GovUk;

namespace OpenSend.Web.Pages.Assessments.Cases;

public sealed class IssueDecisionModel(AssessmentQueries queries, AssessmentCases cases, TimeProvider time) : CaseStepPage(queries, time)
{
    [BindProperty]
    public string? WillIssue { get; set; }

    [BindProperty]
    public DateInput DecidedOn { get; set; } = new();

    [BindProperty]
    public string? Reasons { get; set; }

    public IReadOnlyList<GovUkChoice> YesNo { get; } = [new("yes", "Yes"), new("no", "No")];

    public override string Title => "Decision whether to issue an EHC plan";

    protected override PathwayAction[] Actions => [PathwayAction.DecideToIssue, PathwayAction.DecideNotToIssue];

    protected override string DateField => nameof(DecidedOn);

    protected override string FieldFor(string refusalCode) => refusalCode switch
    {
        "reasons-missing" => nameof(Reasons),
        "panel-recommendation-required" or "no-advice-sought" => nameof(WillIssue),
        _ => DateField,
    };

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        if (WillIssue is not ("yes" or "no"))
        {
            ModelState.AddModelError(nameof(WillIssue), "Select whether the council will issue an EHC plan");
        }

        var decidedOn = DecidedOn.Validate(ModelState, nameof(DecidedOn), "The date of the decision", notAfter: Today);
        return await RecordAsync(
            (context, ct) => WillIssue == "yes"
                ? cases.DecideToIssueAsync(context, Id, decidedOn!.Value, Reasons ?? string.Empty, ct)
                : cases.DecideNotToIssueAsync(context, Id, decidedOn!.Value, Reasons ?? string.Empty, ct),
            WillIssue == "yes" ? "Decision to issue a plan recorded" : "Decision not to issue a plan recorded, with the family's appeal and mediation rights");
    }
}
