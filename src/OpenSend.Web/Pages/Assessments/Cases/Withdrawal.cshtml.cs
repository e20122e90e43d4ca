using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Assessments;
using OpenSend.Domain.Assessments;
using OpenSend.Web.GovUk;

namespace OpenSend.Web.Pages.Assessments.Cases;

public sealed class WithdrawalModel(AssessmentQueries queries, AssessmentCases cases, TimeProvider time) : CaseStepPage(queries, time)
{
    [BindProperty]
    public DateInput WithdrawnOn { get; set; } = new();

    [BindProperty]
    public string? Reason { get; set; }

    public override string Title => "Request withdrawn";

    protected override PathwayAction[] Actions => [PathwayAction.Withdraw];

    protected override string DateField => nameof(WithdrawnOn);

    protected override string FieldFor(string refusalCode) => refusalCode == "reason-missing" ? nameof(Reason) : DateField;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        if (string.IsNullOrWhiteSpace(Reason))
        {
            ModelState.AddModelError(nameof(Reason), "Enter why the request was withdrawn");
        }

        var withdrawnOn = WithdrawnOn.Validate(ModelState, nameof(WithdrawnOn), "The date the request was withdrawn", notAfter: Today);
        return await RecordAsync((context, ct) => cases.WithdrawAsync(context, Id, withdrawnOn!.Value, Reason!, ct), "Request recorded as withdrawn");
    }
}
