using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Assessments;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Common;
using OpenSend.Web.GovUk;

namespace OpenSend.Web.Pages.Assessments.Cases;

public sealed class DraftPlanServedModel(AssessmentQueries queries, AssessmentCases cases, TimeProvider time) : CaseStepPage(queries, time)
{
    [BindProperty]
    public DateInput ServedOn { get; set; } = new();

    public override string Title => Case.DraftsServed == 0 ? "Draft plan served" : $"Revised draft plan served (draft {Case.DraftsServed + 1})";

    protected override PathwayAction[] Actions => [PathwayAction.ServeDraftPlan];

    protected override string DateField => nameof(ServedOn);

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        var servedOn = ServedOn.Validate(ModelState, nameof(ServedOn), "The date the draft was served", notAfter: Today);
        return await RecordAsync(
            (context, ct) => cases.ServeDraftPlanAsync(context, Id, servedOn!.Value, ct),
            $"Draft plan recorded as served. Representations close on {(servedOn is { } s ? UkCalendar.InWords(Case.RuleSet.Rule(Domain.Timescales.StatutoryStep.RepresentationsClose).DueFrom(s)) : "")}");
    }
}
