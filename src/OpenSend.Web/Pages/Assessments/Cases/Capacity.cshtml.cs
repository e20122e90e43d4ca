using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Assessments;
using OpenSend.Domain.Assessments;
using OpenSend.Web.GovUk;

namespace OpenSend.Web.Pages.Assessments.Cases;

/// <summary>
/// The young person's own rights (issue 22): when the decisions pass to them (s.83(2)), and the
/// council's record, from a Mental Capacity Act assessment, that they lack capacity to make them and
/// who acts for them (s.80), or its withdrawal.
/// </summary>
public sealed class CapacityModel(AssessmentQueries queries, AssessmentCases cases, TimeProvider time) : CaseStepPage(queries, time)
{
    [BindProperty]
    public string? ActingForThem { get; set; }

    [BindProperty]
    public DateInput AssessedOn { get; set; } = new();

    [BindProperty]
    public string? Reasons { get; set; }

    public override string Title => "The young person's decisions";

    protected override PathwayAction[] Actions => [];

    protected override string DateField => nameof(AssessedOn);

    protected override string FieldFor(string refusalCode) => refusalCode switch
    {
        "capacity-representative-missing" => nameof(ActingForThem),
        "capacity-reasons-missing" or "capacity-reasons-too-long" => nameof(Reasons),
        _ => nameof(AssessedOn),
    };

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        var assessedOn = AssessedOn.Validate(ModelState, nameof(AssessedOn), "The date of the capacity assessment", notAfter: Today);
        return await RecordAsync((context, ct) => cases.RecordLacksCapacityAsync(context, Id, ActingForThem, Reasons, assessedOn!.Value, ct),
            $"Recorded: {ActingForThem?.Trim()} acts for {Case.Child.GivenName}. Letters and decisions go to them too");
    }

    public async Task<IActionResult> OnPostWithdrawAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        return await RecordAsync((context, ct) => cases.WithdrawLacksCapacityAsync(context, Id, ct), $"{Case.Child.GivenName} makes their own decisions");
    }
}
