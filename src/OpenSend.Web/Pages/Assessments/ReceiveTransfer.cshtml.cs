using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenSend.Data.Assessments;
using OpenSend.Data.Plans;
using OpenSend.Domain.Common;
using OpenSend.Web.GovUk;
using OpenSend.Web.Pages.Assessments.Cases;
using OpenSend.Web.SignIn;

namespace OpenSend.Web.Pages.Assessments;

/// <summary>
/// A caseworker receives a plan from the council a child has moved from (s.47; reg 15): the
/// transfer file in the national format and the date of the transfer. The file is checked whole
/// before anything is saved; the case starts with the plan in force and the transfer's clocks.
/// </summary>
public sealed class ReceiveTransferModel(AssessmentCases cases, TimeProvider time) : PageModel
{
    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public DateInput TransferredOn { get; set; } = new();

    public IActionResult OnGet() => User.ToViewer().IsLaStaff ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!User.ToViewer().IsLaStaff)
        {
            return Forbid();
        }

        if (Upload is null)
        {
            ModelState.AddModelError(nameof(Upload), "Select the plan transfer file from the previous council");
        }

        var transferredOn = TransferredOn.Validate(ModelState, nameof(TransferredOn), "The date of the transfer", notAfter: UkCalendar.Today(time));
        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            await using var file = Upload!.OpenReadStream();
            var transfer = await PlanTransfers.ReadAsync(file, HttpContext.RequestAborted);
            var received = await cases.ReceiveTransferredPlanAsync(HttpContext.ToRequestContext(), transfer, transferredOn!.Value, HttpContext.RequestAborted);
            TempData[CaseStepPage.SuccessKey] = $"Plan received from {transfer.FromLaName}: case {received.Reference}";
            return Redirect($"/cases/{received.Id}");
        }
        catch (StepRefusedException refused)
        {
            ModelState.AddModelError(refused.Code is "date-in-future" or "transfer-before-plan" ? nameof(TransferredOn) : nameof(Upload), refused.Message);
            return Page();
        }
    }
}
