using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Advice;
using OpenSend.Data.Plans;
using OpenSend.Domain.Plans;

namespace OpenSend.Web.Pages.Plans;

/// <summary>The plan: its working copy by section with the quality check beside it, and every issued version.</summary>
public sealed class IndexModel(PlanQueries queries, PlanDrafting drafting, AdviceGiving advice, TimeProvider time) : PlanPage(queries, time)
{
    [BindProperty]
    public Guid AdviceRequestId { get; set; }

    [BindProperty]
    public Guid ItemId { get; set; }

    public override string Title => "EHC plan";

    protected override bool ChangesThePlan => false;

    protected override bool NeedsPlan => false;

    /// <summary>What the check finds for the version that would be issued next (<see cref="EhcPlan.NextIssue"/>).</summary>
    public IReadOnlyList<PlanDefect> Defects { get; private set; } = [];

    /// <summary>Advice sent through OpenSEND, for the caseworker to draw the plan from (reg 11).</summary>
    public IReadOnlyList<AdviceInProgress> AdviceSent { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        await ShowAsync();
        return Page();
    }

    /// <summary>The plan with its history for the council the child has moved to (s.47; reg 15), as a JSON file.</summary>
    public async Task<IActionResult> OnGetTransferAsync([FromServices] PlanTransfers transfers)
    {
        try
        {
            var transfer = await transfers.ExportAsync(Context, Id, HttpContext.RequestAborted);
            return File(System.Text.Encoding.UTF8.GetBytes(Domain.Plans.PlanJson.Serialize(transfer)), "application/json", $"{transfer.CaseReference} plan transfer.json");
        }
        catch (OpenSend.Data.Assessments.CaseNotFoundException)
        {
            return NotFound();
        }
        catch (OpenSend.Data.Access.CaseAccessDeniedException)
        {
            return Forbid();
        }
        catch (Domain.Common.StepRefusedException)
        {
            return Redirect(PlanLink);
        }
    }

    /// <summary>Takes one recommended need, outcome or piece of provision from an adviser's advice into the working copy, with its source.</summary>
    public async Task<IActionResult> OnPostTakeAdviceAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        if (!Viewed.CanManage)
        {
            return Forbid();
        }

        if (Viewed.Plan is null)
        {
            return Redirect(PlanLink);
        }

        await ShowAsync();
        return await WriteAsync((context, ct) => drafting.AdoptAdviceAsync(context, Id, PlanVersion, AdviceRequestId, ItemId, ct),
            "Taken into the plan from the advice, with its source. Link it to the plan's needs and outcomes.", _ => "advice-sent");
    }

    private async Task ShowAsync()
    {
        if (Viewed.Plan is { } plan)
        {
            Defects = plan.Check(plan.NextIssue, Case.Child.DateOfBirth, Today);
            if (Viewed.CanManage)
            {
                AdviceSent = await advice.SentOnCaseAsync(Case, HttpContext.RequestAborted);
            }
        }
    }
}
