using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Assessments;
using OpenSend.Domain.Assessments;
using OpenSend.Web.GovUk;

namespace OpenSend.Web.Pages.Assessments.Cases;

/// <summary>
/// What a request arrived without (its reasons, the requester's agreement to share it), recorded
/// when it comes: the request was recorded and its clock started on receipt (s.36(1)).
/// </summary>
public sealed class RequestDetailsModel(AssessmentQueries queries, AssessmentCases cases, TimeProvider time) : CaseStepPage(queries, time)
{
    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public bool ConsentToShare { get; set; }

    public override string Title => "What the request arrived without";

    protected override PathwayAction[] Actions => [];

    protected override string DateField => nameof(Reason);

    protected override string FieldFor(string refusalCode) => refusalCode == "nothing-to-complete" && !string.IsNullOrWhiteSpace(Case.ReasonForRequest) ? nameof(ConsentToShare) : nameof(Reason);

    public IReadOnlyList<GovUkChoice> ConsentItems { get; } =
        [new("true", "They agreed that the council can share the request with the professionals it asks for advice")];

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() is { } elsewhere ? elsewhere : Case.StillNeededFromRequester.Count == 0 ? Redirect(CaseLink) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        return await RecordAsync((context, ct) => cases.CompleteRequestAsync(context, Id, Reason, ConsentToShare, ct), "Recorded what the request arrived without");
    }
}
