using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Assessments;
using OpenSend.Domain.Assessments;
using OpenSend.Web.GovUk;

namespace OpenSend.Web.Pages.Assessments.Cases;

/// <summary>A decision to cease withdrawn, or overturned by the tribunal (reg 44(2)): the plan stays in force and its next review is scheduled.</summary>
public sealed class KeepPlanModel(AssessmentQueries queries, AssessmentCases cases, TimeProvider time) : CaseStepPage(queries, time)
{
    [BindProperty]
    public DateInput DecidedOn { get; set; } = new();

    [BindProperty]
    public string? Reasons { get; set; }

    public override string Title => "Keep the plan in force";

    protected override PathwayAction[] Actions => [PathwayAction.KeepPlan];

    protected override string DateField => nameof(DecidedOn);

    protected override string FieldFor(string refusalCode) => refusalCode == "reason-missing" ? nameof(Reasons) : DateField;

    public async Task<IActionResult> OnGetAsync() => await LoadCeasingAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadCeasingAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        if (string.IsNullOrWhiteSpace(Reasons))
        {
            ModelState.AddModelError(nameof(Reasons), "Enter why the plan is to continue");
        }

        var decidedOn = DecidedOn.Validate(ModelState, nameof(DecidedOn), "The date of the decision or order", notAfter: Today);
        return await RecordAsync((context, ct) => cases.KeepPlanAsync(context, Id, decidedOn!.Value, Reasons!, ct), "The plan stays in force; its next review is scheduled");
    }

    private async Task<IActionResult?> LoadCeasingAsync() => await LoadAsync() ?? (Case.CeaseDecidedOn is null ? Redirect(CaseLink) : null);
}
