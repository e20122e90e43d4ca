using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Plans;
using OpenSend.Domain.Plans;
using OpenSend.Web.Pages.Shared;
using OpenSend.Web.SignIn;

namespace OpenSend.Web.Pages.Plans;

/// <summary>The council answers a report that provision is missing: what it is doing to secure it (s.42). The family reads the answer.</summary>
public sealed class AnswerDeliveryModel(ProvisionDeliveryQueries queries, ProvisionDelivery delivery) : DeliveryPage(queries)
{
    [BindProperty(SupportsGet = true)]
    public Guid ReportId { get; set; }

    [BindProperty]
    public string? Answer { get; set; }

    public ProvisionDeliveryReport Report { get; private set; } = default!;

    public override string DeliveryLink => $"/cases/{Id}/plan/delivery";

    public async Task<IActionResult> OnGetAsync() => await LoadReportAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync() =>
        await LoadReportAsync() ?? await this.RecordStepAsync(ct => delivery.AnswerAsync(HttpContext.ToRequestContext(), Id, ReportId, Answer, ct),
            _ => nameof(Answer), SuccessKey, $"Your answer to {Report.ReportedBy} about \"{Report.What}\" has been recorded. They can read it now.", DeliveryLink);

    private async Task<IActionResult?> LoadReportAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        if (!Delivery.CanAnswer)
        {
            return Forbid();
        }

        if (Delivery.Lines.SelectMany(l => l.Reports).FirstOrDefault(r => r.Id == ReportId) is not { } report)
        {
            return Redirect(DeliveryLink);
        }

        Report = report;
        return null;
    }
}
