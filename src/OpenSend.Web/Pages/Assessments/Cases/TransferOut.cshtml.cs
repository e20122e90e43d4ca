using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using OpenSend.Data.Assessments;
using OpenSend.Domain.Assessments;
using OpenSend.Web.GovUk;

namespace OpenSend.Web.Pages.Assessments.Cases;

public sealed class TransferOutModel(AssessmentQueries queries, AssessmentCases cases, TimeProvider time) : CaseStepPage(queries, time)
{
    [BindProperty]
    public string? ReceivingLaCode { get; set; }

    [BindProperty]
    public DateInput TransferredOn { get; set; } = new();

    public List<SelectListItem> Councils { get; } = [new("Select a council", string.Empty)];

    public override string Title => "Moved to another council";

    protected override PathwayAction[] Actions => [PathwayAction.TransferOut];

    protected override string DateField => nameof(TransferredOn);

    protected override string FieldFor(string refusalCode) => refusalCode is "transfer-same-la" or "unknown-la" ? nameof(ReceivingLaCode) : DateField;

    public async Task<IActionResult> OnGetAsync()
    {
        var elsewhere = await LoadAsync();
        await LoadCouncilsAsync();
        return elsewhere ?? Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        await LoadCouncilsAsync();
        if (string.IsNullOrEmpty(ReceivingLaCode))
        {
            ModelState.AddModelError(nameof(ReceivingLaCode), "Select the council that is now responsible");
        }

        var transferredOn = TransferredOn.Validate(ModelState, nameof(TransferredOn), "The date it became responsible", notAfter: Today);
        return await RecordAsync((context, ct) => cases.TransferOutAsync(context, Id, transferredOn!.Value, ReceivingLaCode!, ct), "Case recorded as moved to another council");
    }

    private async Task LoadCouncilsAsync() =>
        Councils.AddRange((await Queries.LocalAuthoritiesAsync(HttpContext.RequestAborted))
            .Where(l => l.Code != Context.LaCode)
            .Select(l => new SelectListItem(l.Name, l.Code)));
}
