using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using OpenSend.Data.Assessments;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Common;
using OpenSend.Domain.Reviews;
using OpenSend.Web.GovUk;

namespace OpenSend.Web.Pages.Assessments.Cases;

/// <summary>
/// s.45, regs 29–31: the council decides to cease the plan at any time, not only after a review, having
/// informed and consulted the family and the setting first. The family gets the decision with their appeal
/// rights, and the plan stays in force until the time to appeal has passed or an appeal is decided.
/// </summary>
public sealed class DecideToCeaseModel(AssessmentQueries queries, AssessmentCases cases, TimeProvider time) : CaseStepPage(queries, time)
{
    [BindProperty]
    public DateInput DecidedOn { get; set; } = new();

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public DateInput FamilyConsultedOn { get; set; } = new();

    [BindProperty]
    public DateInput SettingConsultedOn { get; set; } = new();

    [BindProperty]
    public string? Reasons { get; set; }

    public IReadOnlyList<SelectListItem> CeaseReasons { get; } =
        [new SelectListItem("Choose a reason", string.Empty), .. Enum.GetValues<CeaseReason>().Select(r => new SelectListItem($"{(int)r}: {r.Title()}", r.ToString()))];

    public override string Title => "Record a decision to cease the plan";

    protected override PathwayAction[] Actions => [PathwayAction.DecideToCease];

    protected override string DateField => nameof(DecidedOn);

    protected override string FieldFor(string refusalCode) => refusalCode switch
    {
        "reasons-missing" => nameof(Reasons),
        "consultation-after-decision" => nameof(FamilyConsultedOn),
        _ => DateField,
    };

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        if (!Enum.TryParse<CeaseReason>(Reason, out var reason) || !Enum.IsDefined(reason))
        {
            ModelState.AddModelError(nameof(Reason), "Select why the plan is to cease");
        }

        if (string.IsNullOrWhiteSpace(Reasons))
        {
            ModelState.AddModelError(nameof(Reasons), "Enter the reasons for the decision");
        }

        var decidedOn = DecidedOn.Validate(ModelState, nameof(DecidedOn), "The date of the decision", notAfter: Today);
        var family = FamilyConsultedOn.Validate(ModelState, nameof(FamilyConsultedOn), "The date the family was consulted", notAfter: Today);
        var setting = SettingConsultedOn.Validate(ModelState, nameof(SettingConsultedOn), "The date the setting was consulted", notAfter: Today);
        return await RecordAsync((context, ct) => cases.DecideToCeaseAsync(context, Id, decidedOn!.Value, reason, family!.Value, setting!.Value, Reasons!, ct),
            "Decision to cease recorded. The family has been told, with their right to appeal; the plan stays in force until the time to appeal has passed");
    }
}
