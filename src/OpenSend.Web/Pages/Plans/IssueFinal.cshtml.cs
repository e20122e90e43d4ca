using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Plans;
using OpenSend.Domain.Plans;
using OpenSend.Web.GovUk;

namespace OpenSend.Web.Pages.Plans;

/// <summary>Issues the final plan (reg 13(2)): what the family last saw, with section I named.</summary>
public sealed class IssueFinalModel(PlanQueries queries, PlanDrafting drafting, TimeProvider time) : PlanPage(queries, time)
{
    [BindProperty]
    public DateInput IssuedOn { get; set; } = new();

    /// <summary>Reg 22(2)(c): the family may end their 15 days on proposed amendments early.</summary>
    [BindProperty]
    public bool FamilyHasNoFurtherComments { get; set; }

    public override string Title => Plan.IsInForce ? "Issue the amended final plan" : "Issue the final plan";

    public IReadOnlyList<PlanDefect> Defects { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        Defects = Plan.Check(PlanStatus.Final, Case.Child.DateOfBirth, Today);
        IssuedOn = DateInput.From(Today);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        Defects = Plan.Check(PlanStatus.Final, Case.Child.DateOfBirth, Today);
        var issuedOn = IssuedOn.Validate(ModelState, nameof(IssuedOn), "The date the final plan was issued", notAfter: Today);
        return await WriteAsync((context, ct) => drafting.IssueFinalAsync(context, Id, issuedOn!.Value, PlanVersion, ct, FamilyHasNoFurtherComments),
            Plan.IsInForce ? "Amended final plan issued: the family has been told of their right to appeal" : "Final plan issued: the family has been told of their right to appeal and to mediation",
            _ => nameof(IssuedOn));
    }
}
