using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Assessments;
using OpenSend.Domain.Assessments;
using OpenSend.Web.GovUk;

namespace OpenSend.Web.Pages.Assessments.Cases;

/// <summary>Reg 15(4): the family told, within 6 weeks of the transfer, what the new council will do with the plan.</summary>
public sealed class TransferNoticeModel(AssessmentQueries queries, AssessmentCases cases, TimeProvider time) : CaseStepPage(queries, time)
{
    [BindProperty]
    public DateInput GivenOn { get; set; } = new();

    [BindProperty]
    public string? ProposesAssessment { get; set; }

    [BindProperty]
    public DateInput ReviewOn { get; set; } = new();

    public override string Title => "Family told of the transferred plan";

    public IReadOnlyList<GovUkChoice> AssessmentChoices { get; } =
    [
        new("false", "No", "The plan stays as it is until its review"),
        new("true", "Yes", "The council proposes a new EHC needs assessment"),
    ];

    /// <summary>The latest the review can be (reg 15(5)).</summary>
    public DateOnly ReviewBy => PathwayClocks.TransferReviewDue(Case.RuleSet, Case.ClockFacts.TransferredIn!);

    protected override PathwayAction[] Actions => [PathwayAction.RecordTransferNotice];

    protected override string DateField => nameof(GivenOn);

    protected override string FieldFor(string refusalCode) => refusalCode is "review-too-late" or "review-before-notice" ? nameof(ReviewOn) : DateField;

    public async Task<IActionResult> OnGetAsync() => await LoadTransferredAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadTransferredAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        var givenOn = GivenOn.Validate(ModelState, nameof(GivenOn), "The date the family was told", notAfter: Today);
        var reviewOn = ReviewOn.Validate(ModelState, nameof(ReviewOn), "The date of the review");
        if (ProposesAssessment is not ("true" or "false"))
        {
            ModelState.AddModelError(nameof(ProposesAssessment), "Select whether the council proposes a new EHC needs assessment");
        }

        return await RecordAsync((context, ct) => cases.RecordTransferNoticeAsync(context, Id, givenOn!.Value, ProposesAssessment == "true", reviewOn!.Value, ct),
            "Notice of the transferred plan recorded");
    }

    private async Task<IActionResult?> LoadTransferredAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        return Case.TransferredInOn is null ? Redirect(CaseLink) : null;
    }
}
