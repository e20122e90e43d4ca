using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Assessments;
using OpenSend.Domain.Assessments;
using OpenSend.Web.GovUk;

namespace OpenSend.Web.Pages.Assessments.Cases;

public sealed class RepresentationsModel(AssessmentQueries queries, AssessmentCases cases, TimeProvider time) : CaseStepPage(queries, time)
{
    private const string Meeting = "meeting";
    private const string NoFurtherComments = "no-further-comments";

    [BindProperty]
    public DateInput ReceivedOn { get; set; } = new();

    [BindProperty]
    public string? Comments { get; set; }

    [BindProperty]
    public string? RequestedSetting { get; set; }

    [BindProperty]
    public List<string> Options { get; set; } = [];

    public IReadOnlyList<GovUkChoice> OptionChoices { get; } =
    [
        new(Meeting, "The family asked for a meeting with an officer of the council", "Reg 13(1)(a)(ii)"),
        new(NoFurtherComments, "The family confirmed they have no further comments", "The final plan can then be issued before the 15 days end"),
    ];

    public override string Title => "The family's representations on the draft plan";

    protected override PathwayAction[] Actions => [PathwayAction.RecordRepresentations];

    protected override string DateField => nameof(ReceivedOn);

    protected override string FieldFor(string refusalCode) => refusalCode == "representations-empty" ? nameof(Comments) : DateField;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        var receivedOn = ReceivedOn.Validate(ModelState, nameof(ReceivedOn), "The date the representations were received", notAfter: Today);
        return await RecordAsync(
            (context, ct) => cases.RecordRepresentationsAsync(context, Id, receivedOn!.Value, Comments ?? string.Empty, RequestedSetting,
                Options.Contains(Meeting), Options.Contains(NoFurtherComments), ct),
            "The family's representations were recorded");
    }
}
