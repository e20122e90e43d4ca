using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Assessments;
using OpenSend.Domain.Assessments;
using OpenSend.Web.GovUk;

namespace OpenSend.Web.Pages.Assessments.Cases;

public sealed class RequestAdviceModel(AssessmentQueries queries, AssessmentCases cases, TimeProvider time) : CaseStepPage(queries, time)
{
    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public string? Adviser { get; set; }

    [BindProperty]
    public DateInput RequestedOn { get; set; } = new();

    public IReadOnlyList<GovUkChoice> Kinds { get; } = Enum.GetValues<AdviserKind>().Select(k => new GovUkChoice(k.ToString(), k.Title())).ToList();

    public override string Title => "Request for advice";

    protected override PathwayAction[] Actions => [PathwayAction.RequestAdvice];

    protected override string DateField => nameof(RequestedOn);

    protected override string FieldFor(string refusalCode) => refusalCode == "adviser-missing" ? nameof(Adviser) : DateField;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        if (!Enum.TryParse<AdviserKind>(Kind, out var kind))
        {
            ModelState.AddModelError(nameof(Kind), "Select the kind of advice");
        }

        if (string.IsNullOrWhiteSpace(Adviser))
        {
            ModelState.AddModelError(nameof(Adviser), "Enter who the advice was requested from");
        }

        var requestedOn = RequestedOn.Validate(ModelState, nameof(RequestedOn), "The date the advice was requested", notAfter: Today);
        return await RecordAsync(
            (context, ct) => cases.RequestAdviceAsync(context, Id, kind, Adviser!, requestedOn!.Value, ct),
            $"Request for {kind.Title().ToLowerInvariant()} recorded");
    }
}
