using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Assessments;
using OpenSend.Domain.Assessments;
using OpenSend.Web.GovUk;

namespace OpenSend.Web.Pages.Assessments.Cases;

/// <summary>
/// s.45: the plan ceases after a review decided to cease it, once the family's time to appeal has
/// passed (regs 29–31) or the tribunal dismissed their appeal (reg 44(2)(a)).
/// </summary>
public sealed class CeasePlanModel(AssessmentQueries queries, AssessmentCases cases, TimeProvider time) : CaseStepPage(queries, time)
{
    [BindProperty]
    public DateInput CeasedOn { get; set; } = new();

    [BindProperty]
    public DateInput MediationCertificateOn { get; set; } = new();

    [BindProperty]
    public DateInput AppealDismissedOn { get; set; } = new();

    public override string Title => "Record the plan ceased";

    protected override PathwayAction[] Actions => [PathwayAction.CeasePlan];

    protected override string DateField => nameof(CeasedOn);

    public async Task<IActionResult> OnGetAsync() => await LoadCeasingAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadCeasingAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        var ceasedOn = CeasedOn.Validate(ModelState, nameof(CeasedOn), "The date the plan ceased", notAfter: Today);
        var certificate = MediationCertificateOn.IsEmpty ? null : MediationCertificateOn.Validate(ModelState, nameof(MediationCertificateOn), "The date of the mediation certificate", notAfter: Today);
        var dismissed = AppealDismissedOn.IsEmpty ? null : AppealDismissedOn.Validate(ModelState, nameof(AppealDismissedOn), "The date the tribunal dismissed the appeal", notAfter: Today);
        return await RecordAsync((context, ct) => cases.CeasePlanAsync(context, Id, ceasedOn!.Value, certificate, dismissed, ct), "Plan recorded as ceased");
    }

    private async Task<IActionResult?> LoadCeasingAsync() => await LoadAsync() ?? (Case.CeaseDecidedOn is null ? Redirect(CaseLink) : null);
}
