using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using OpenSend.Data.Assessments;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Timescales;
using OpenSend.Web.GovUk;

namespace OpenSend.Web.Pages.Assessments.Cases;

public sealed class ExceptionModel(AssessmentQueries queries, AssessmentCases cases, TimeProvider time) : CaseStepPage(queries, time)
{
    private static readonly StatutoryStep[] ExcusableSteps =
        [StatutoryStep.DecisionToAssess, StatutoryStep.AdviceProvided, StatutoryStep.DecisionNotToIssue, StatutoryStep.FinalPlan];

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public List<string> Steps { get; set; } = [];

    [BindProperty]
    public string? AdviceRequestId { get; set; }

    [BindProperty]
    public DateInput From { get; set; } = new();

    [BindProperty]
    public DateInput To { get; set; } = new();

    [BindProperty]
    public string? Explanation { get; set; }

    // Each ground is offered with the time limits it can excuse and the paragraph for each, so a
    // caseworker sees, e.g., that a closure never excuses an adviser (reg 8(2) has no such ground).
    public IReadOnlyList<GovUkChoice> Reasons => Case.RuleSet.ExceptionGrounds
        .Select(g => new GovUkChoice(g.Reason.ToString(), g.Title,
            $"{g.Explanation} Can excuse: {string.Join("; ", g.BasisByStep.Select(b => $"{Case.RuleSet.Rule(b.Key).Title.ToLowerInvariant()} ({b.Value})"))}."))
        .ToList();

    public IReadOnlyList<GovUkChoice> StepChoices => ExcusableSteps
        .Select(s => new GovUkChoice(s.ToString(), Case.RuleSet.Rule(s).Title, s == StatutoryStep.AdviceProvided ? "An adviser's 6 weeks (reg 8(2)(a)–(c): exceptional personal circumstances, away from the area, appointment not kept)" : $"Due {Domain.Common.UkCalendar.InWords(Case.Due(s))}"))
        .ToList();

    public List<SelectListItem> AdviceChoices => [new("Not applicable", string.Empty), .. Case.AdviceRequests.Select(a => new SelectListItem($"{a.Kind.Title()} from {a.AdviserName}", a.Id.ToString()))];

    public override string Title => "Exception to a time limit";

    protected override PathwayAction[] Actions => [PathwayAction.RecordException];

    protected override string DateField => nameof(From);

    protected override string FieldFor(string refusalCode) => refusalCode switch
    {
        "exception-does-not-cover-step" or "exception-steps-missing" or "deadline-not-breached" or "deadline-not-found" => nameof(Steps),
        "advice-request-not-found" => AdviceChoices.Count > 1 ? nameof(AdviceRequestId) : nameof(Steps),
        "exception-explanation-missing" => nameof(Explanation),
        "exception-not-in-rule-set" => nameof(Reason),
        "exception-dates-out-of-order" => nameof(To),
        _ => DateField,
    };

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        if (!Enum.TryParse<ExceptionReason>(Reason, out var reason))
        {
            ModelState.AddModelError(nameof(Reason), "Select why the time limit cannot be met");
        }

        var steps = Steps.Select(s => Enum.TryParse<StatutoryStep>(s, out var step) ? step : (StatutoryStep?)null).OfType<StatutoryStep>().ToList();
        if (steps.Count == 0)
        {
            ModelState.AddModelError(nameof(Steps), "Select the time limits it affects");
        }

        var from = From.Validate(ModelState, nameof(From), "The start date");
        var to = To.Validate(ModelState, nameof(To), "The end date");
        if (string.IsNullOrWhiteSpace(Explanation))
        {
            ModelState.AddModelError(nameof(Explanation), "Explain what happened");
        }

        Guid? adviceId = Guid.TryParse(AdviceRequestId, out var parsed) ? parsed : null;
        return await RecordAsync(
            (context, ct) => cases.RecordExceptionAsync(context, Id, reason, steps, adviceId, from!.Value, to!.Value, Explanation!, ct),
            "Exception recorded");
    }
}
