using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Plans;
using OpenSend.Domain.Plans;
using OpenSend.Web.GovUk;

namespace OpenSend.Web.Pages.Plans;

/// <summary>Issues the working copy as a draft (the first starts the family's 15 days, reg 13(1)) or, for a plan in force, an amended draft with its reason.</summary>
public sealed class IssueDraftModel(PlanQueries queries, PlanDrafting drafting, TimeProvider time) : PlanPage(queries, time)
{
    [BindProperty]
    public DateInput IssuedOn { get; set; } = new();

    [BindProperty]
    public string? Reason { get; set; }

    public override string Title => Plan.IsInForce ? "Issue the amended draft" : "Issue the draft plan";

    public IReadOnlyList<PlanDefect> Defects { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        Defects = Plan.Check(PlanStatus.Draft, Case.Child.DateOfBirth, Today);
        IssuedOn = DateInput.From(Today);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        Defects = Plan.Check(PlanStatus.Draft, Case.Child.DateOfBirth, Today);
        var issuedOn = IssuedOn.Validate(ModelState, nameof(IssuedOn), "The date the draft was issued", notAfter: Today);
        if (Plan.IsInForce && string.IsNullOrWhiteSpace(Reason))
        {
            ModelState.AddModelError(nameof(Reason), "Enter why the plan is being amended");
        }

        return await WriteAsync((context, ct) => drafting.IssueDraftAsync(context, Id, issuedOn!.Value, Reason?.Trim(), PlanVersion, ct),
            Plan.IsInForce ? "Amended draft issued" : "Draft plan issued: the family has 15 days to comment and ask for a setting",
            code => code == "amendment-reason" ? nameof(Reason) : nameof(IssuedOn));
    }
}
