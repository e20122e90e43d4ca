using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Assessments;
using OpenSend.Domain.Assessments;
using OpenSend.Web.GovUk;

namespace OpenSend.Web.Pages.Assessments.Cases;

public sealed class PanelRecommendationModel(AssessmentQueries queries, AssessmentCases cases, TimeProvider time) : CaseStepPage(queries, time)
{
    [BindProperty]
    public string? Recommendation { get; set; }

    [BindProperty]
    public DateInput MeetingOn { get; set; } = new();

    [BindProperty]
    public string? Notes { get; set; }

    public override string Title => "Multi-agency panel recommendation";

    private PanelQuestion Question => Case.Stage == AssessmentStage.RequestReceived ? PanelQuestion.WhetherToAssess : PanelQuestion.WhetherToIssue;

    public string QuestionText => Question == PanelQuestion.WhetherToAssess
        ? "The panel recommends whether the council should carry out an EHC needs assessment. The council must take the recommendation into account."
        : "The panel recommends whether the council should issue an EHC plan. The council must take the recommendation into account.";

    public IReadOnlyList<GovUkChoice> Choices => Question == PanelQuestion.WhetherToAssess
        ? [new("Yes", "Carry out an assessment"), new("No", "Do not carry out an assessment")]
        : [new("Yes", "Issue an EHC plan"), new("No", "Do not issue an EHC plan")];

    protected override PathwayAction[] Actions => [PathwayAction.RecordPanelRecommendation];

    protected override string DateField => nameof(MeetingOn);

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        if (!Enum.TryParse<PanelRecommendationOutcome>(Recommendation, out var outcome))
        {
            ModelState.AddModelError(nameof(Recommendation), "Select what the panel recommended");
        }

        var meetingOn = MeetingOn.Validate(ModelState, nameof(MeetingOn), "The date of the panel meeting", notAfter: Today);
        return await RecordAsync(
            (context, ct) => cases.RecordPanelRecommendationAsync(context, Id, Question, outcome, meetingOn!.Value, Notes ?? string.Empty, ct),
            "Panel recommendation recorded");
    }
}
