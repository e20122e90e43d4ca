using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Assessments;
using OpenSend.Domain.Assessments;
using OpenSend.Web.GovUk;

namespace OpenSend.Web.Pages.Assessments.Cases;

public sealed class FinalPlanIssuedModel(AssessmentQueries queries, AssessmentCases cases, TimeProvider time) : CaseStepPage(queries, time)
{
    [BindProperty]
    public DateInput IssuedOn { get; set; } = new();

    [BindProperty]
    public string? NamedSetting { get; set; }

    public override string Title => "Final EHC plan issued";

    protected override PathwayAction[] Actions => [PathwayAction.IssueFinalPlan];

    protected override string DateField => nameof(IssuedOn);

    public async Task<IActionResult> OnGetAsync()
    {
        var elsewhere = await LoadAsync();
        NamedSetting ??= elsewhere is null ? Case.RequestedSetting : null;
        return elsewhere ?? Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        var issuedOn = IssuedOn.Validate(ModelState, nameof(IssuedOn), "The date the final plan was issued", notAfter: Today);
        return await RecordAsync(
            (context, ct) => cases.IssueFinalPlanAsync(context, Id, issuedOn!.Value, NamedSetting, ct),
            "Final plan recorded as issued, with the family's appeal and mediation rights");
    }
}
