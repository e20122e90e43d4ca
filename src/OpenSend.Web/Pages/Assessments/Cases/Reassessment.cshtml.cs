using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Assessments;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Common;
using OpenSend.Web.GovUk;

namespace OpenSend.Web.Pages.Assessments.Cases;

/// <summary>
/// Re-assessment of a plan in force (regs 24–27), one step at a time: the request and who made it, the
/// decision within 15 days (a refusal with appeal rights), and, if the plan is not to change, the notice
/// within 14 weeks of the request. An amended plan after re-assessment is issued through the plan's amendment.
/// </summary>
public sealed class ReassessmentModel(AssessmentQueries queries, AssessmentCases cases, TimeProvider time) : CaseStepPage(queries, time)
{
    [BindProperty]
    public DateInput On { get; set; } = new();

    [BindProperty]
    public string? RequestedBy { get; set; }

    [BindProperty]
    public string? Reassess { get; set; }

    [BindProperty]
    public string? Reasons { get; set; }

    public override string Title => Case.ReassessmentOpen
        ? Case.WillReassess == true ? "Record that the plan will not change after re-assessment" : "Record the decision whether to re-assess"
        : "Record a request for re-assessment";

    public IReadOnlyList<GovUkChoice> Askers { get; } =
    [
        new("Parent or carer", "The parent or carer"),
        new("Young person", "The young person"),
        new("The child's school or college", "The child's school or college"),
        new("The council", "The council, which thinks a re-assessment is necessary"),
    ];

    public IReadOnlyList<GovUkChoice> YesNo { get; } =
    [
        new("true", "Yes, re-assess"),
        new("false", "No", "The family is told why, with their right to appeal. The council may refuse within 6 months of the last assessment unless one is necessary (regulation 24(2))."),
    ];

    protected override PathwayAction[] Actions =>
        [PathwayAction.RequestReassessment, PathwayAction.DecideToReassess, PathwayAction.DecideNotToReassess, PathwayAction.NotifyNoChangeAfterReassessment];

    protected override string DateField => nameof(On);

    protected override string FieldFor(string refusalCode) => refusalCode switch
    {
        "reasons-missing" => nameof(Reasons),
        "requested-by-missing" => nameof(RequestedBy),
        _ => DateField,
    };

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        var on = On.Validate(ModelState, nameof(On), "The date", notAfter: Today);
        if (!Case.ReassessmentOpen)
        {
            if (Askers.All(a => a.Value != RequestedBy))
            {
                ModelState.AddModelError(nameof(RequestedBy), "Select who asked for the re-assessment");
            }

            var decideBy = on?.AddDays(15);
            return await RecordAsync((context, ct) => cases.RequestReassessmentAsync(context, Id, on!.Value, RequestedBy!, ct),
                $"Request for re-assessment recorded. Decide and tell the family by {(decideBy is { } d ? UkCalendar.InWords(d) : "")}");
        }

        if (Case.WillReassess == true)
        {
            return await RecordAsync((context, ct) => cases.NotifyNoChangeAfterReassessmentAsync(context, Id, on!.Value, Reasons ?? "", ct),
                "Recorded: the plan will not change. The family has been told, with their right to appeal");
        }

        if (Reassess is not ("true" or "false"))
        {
            ModelState.AddModelError(nameof(Reassess), "Select whether the council will re-assess");
        }

        return await RecordAsync((context, ct) => cases.DecideReassessmentAsync(context, Id, Reassess == "true", on!.Value, Reasons ?? "", ct),
            Reassess == "true" ? "Decision to re-assess recorded" : "Decision not to re-assess recorded. The family has been told, with their right to appeal");
    }
}
