using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Assessments;
using OpenSend.Domain.Assessments;
using OpenSend.Web.GovUk;

namespace OpenSend.Web.Pages.Assessments.Cases;

public sealed class AdviceReceivedModel(AssessmentQueries queries, AssessmentCases cases, TimeProvider time) : CaseStepPage(queries, time)
{
    [BindProperty(SupportsGet = true, Name = "advice")]
    public Guid AdviceId { get; set; }

    [BindProperty]
    public DateInput ReceivedOn { get; set; } = new();

    public AdviceRequest Advice { get; private set; } = default!;

    public override string Title => "Advice received";

    protected override PathwayAction[] Actions => [PathwayAction.RecordAdviceReceived];

    protected override string DateField => nameof(ReceivedOn);

    public async Task<IActionResult> OnGetAsync() => await LoadAdviceAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAdviceAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        var receivedOn = ReceivedOn.Validate(ModelState, nameof(ReceivedOn), "The date the advice was received", notAfter: Today);
        return await RecordAsync(
            (context, ct) => cases.RecordAdviceReceivedAsync(context, Id, AdviceId, receivedOn!.Value, ct),
            $"{Advice.Kind.Title()} from {Advice.AdviserName} recorded as received");
    }

    private async Task<IActionResult?> LoadAdviceAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        var advice = Case.AdviceRequests.FirstOrDefault(a => a.Id == AdviceId);
        if (advice is null)
        {
            return NotFound();
        }

        if (advice.ReceivedOn is not null)
        {
            return Redirect(CaseLink);
        }

        Advice = advice;
        return null;
    }
}
