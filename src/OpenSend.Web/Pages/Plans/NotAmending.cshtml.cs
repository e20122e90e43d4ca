using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Plans;
using OpenSend.Web.GovUk;

namespace OpenSend.Web.Pages.Plans;

/// <summary>
/// Reg 22(4): having proposed amendments, the council decides not to amend. The family is told why,
/// with their right to appeal (s.51(2)(e)).
/// </summary>
public sealed class NotAmendingModel(PlanQueries queries, PlanDrafting drafting, TimeProvider time) : PlanPage(queries, time)
{
    [BindProperty]
    public DateInput DecidedOn { get; set; } = new();

    [BindProperty]
    public string? Reasons { get; set; }

    public override string Title => "Decide not to amend the plan";

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        if (Viewed.AmendmentInHand is null)
        {
            return Redirect(PlanLink);
        }

        DecidedOn = DateInput.From(Today);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        var decidedOn = DecidedOn.Validate(ModelState, nameof(DecidedOn), "The date of the decision", notAfter: Today);
        if (string.IsNullOrWhiteSpace(Reasons))
        {
            ModelState.AddModelError(nameof(Reasons), "Enter the reasons for not amending the plan: the family is told them with their appeal rights");
        }

        return await WriteAsync((context, ct) => drafting.DecideNotToAmendAsync(context, Id, decidedOn!.Value, Reasons!, ct),
            "Decision not to amend recorded: the family has been told why and of their right to appeal",
            code => code is "decision-reasons" or "decision-reasons-too-long" ? nameof(Reasons) : nameof(DecidedOn));
    }
}
