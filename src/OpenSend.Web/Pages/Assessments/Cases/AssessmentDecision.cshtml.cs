using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Assessments;
using OpenSend.Domain.Assessments;
using OpenSend.Web.GovUk;

namespace OpenSend.Web.Pages.Assessments.Cases;

public sealed class AssessmentDecisionModel(AssessmentQueries queries, AssessmentCases cases, TimeProvider time) : CaseStepPage(queries, time)
{
    [BindProperty]
    public string? WillAssess { get; set; }

    [BindProperty]
    public DateInput DecidedOn { get; set; } = new();

    [BindProperty]
    public string? Reasons { get; set; }

    public IReadOnlyList<GovUkChoice> YesNo { get; } = [new("yes", "Yes"), new("no", "No")];

    public override string Title => "Decision whether to assess";

    protected override PathwayAction[] Actions => [PathwayAction.DecideToAssess, PathwayAction.DecideNotToAssess];

    protected override string DateField => nameof(DecidedOn);

    protected override string FieldFor(string refusalCode) => refusalCode switch
    {
        "reasons-missing" => nameof(Reasons),
        "panel-recommendation-required" => nameof(WillAssess),
        _ => DateField,
    };

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        if (WillAssess is not ("yes" or "no"))
        {
            ModelState.AddModelError(nameof(WillAssess), "Select whether the council will carry out an assessment");
        }

        var decidedOn = DecidedOn.Validate(ModelState, nameof(DecidedOn), "The date of the decision", notAfter: Today);
        return await RecordAsync(
            (context, ct) => WillAssess == "yes"
                ? cases.DecideToAssessAsync(context, Id, decidedOn!.Value, Reasons ?? string.Empty, ct)
                : cases.DecideNotToAssessAsync(context, Id, decidedOn!.Value, Reasons ?? string.Empty, ct),
            WillAssess == "yes" ? "Decision to assess recorded" : "Decision not to assess recorded, with the family's appeal and mediation rights");
    }
}
