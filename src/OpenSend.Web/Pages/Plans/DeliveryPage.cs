using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenSend.Data.Assessments;
using OpenSend.Data.Plans;
using OpenSend.Domain.Plans;
using OpenSend.Web.Pages.Shared;
using OpenSend.Web.SignIn;

namespace OpenSend.Web.Pages.Plans;

/// <summary>
/// Shared by the pages about whether the plan's provision is delivered, the family's and the staff's:
/// the case's provision as the viewer may see it (404 when they may not see the case) and the
/// success banner after a report or an answer.
/// </summary>
public abstract class DeliveryPage(ProvisionDeliveryQueries queries) : PageModel
{
    public const string SuccessKey = "delivery.success";

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public CaseDelivery Delivery { get; private set; } = default!;

    public string? Success { get; private set; }

    /// <summary>The page listing the case's provision, where a report or an answer returns to.</summary>
    public abstract string DeliveryLink { get; }

    protected async Task<IActionResult?> LoadAsync()
    {
        try
        {
            Delivery = await queries.ForCaseAsync(HttpContext.ToRequestContext(), Id, HttpContext.RequestAborted, forStep: !HttpMethods.IsGet(Request.Method));
        }
        catch (CaseNotFoundException)
        {
            return NotFound();
        }

        Success = TempData[SuccessKey] as string;
        return null;
    }
}

/// <summary>
/// The family, or the setting the child attends, says whether one piece of provision is happening
/// (issue 22): one question, with a note that is needed when it is not.
/// </summary>
public abstract class DeliveryReportPage(ProvisionDeliveryQueries queries, ProvisionDelivery delivery) : DeliveryPage(queries)
{
    [BindProperty(SupportsGet = true)]
    public Guid ProvisionId { get; set; }

    [BindProperty]
    public string? State { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    public ProvisionDeliveryLine Line { get; private set; } = default!;

    public abstract bool ForFamily { get; }

    public IReadOnlyList<GovUk.GovUkChoice> States => DeliveryView.States(ForFamily);

    public async Task<IActionResult> OnGetAsync() => await LoadLineAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadLineAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        if (!Enum.TryParse<DeliveryState>(State, out var state) || !Enum.IsDefined(state))
        {
            ModelState.AddModelError(nameof(State), ForFamily ? "Select whether this support is happening" : "Select whether this provision is being delivered");
            return Page();
        }

        return await this.RecordStepAsync(ct => delivery.ReportAsync(HttpContext.ToRequestContext(), Id, ProvisionId, state, Note, ct),
            code => code.StartsWith("delivery-note", StringComparison.Ordinal) ? nameof(Note) : nameof(State), SuccessKey,
            state == DeliveryState.BeingDelivered
                ? $"You said \"{Line.Provision.What}\" is being delivered"
                : $"You said \"{Line.Provision.What}\" is {state.Title().ToLowerInvariant()}. The council's SEND team will answer here.",
            DeliveryLink);
    }

    private async Task<IActionResult?> LoadLineAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        if (Delivery.Reporter is null)
        {
            return Forbid();
        }

        // Provision no longer in the plan in force (amended away, or the plan ceased): back to what is.
        if (Delivery.Line(ProvisionId) is not { } line)
        {
            return Redirect(DeliveryLink);
        }

        Line = line;
        return null;
    }
}
