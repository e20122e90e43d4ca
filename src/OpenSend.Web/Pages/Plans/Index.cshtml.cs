using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Plans;
using OpenSend.Domain.Plans;

namespace OpenSend.Web.Pages.Plans;

/// <summary>The plan: its working copy by section with the quality check beside it, and every issued version.</summary>
public sealed class IndexModel(PlanQueries queries, TimeProvider time) : PlanPage(queries, time)
{
    public override string Title => "EHC plan";

    protected override bool ChangesThePlan => false;

    protected override bool NeedsPlan => false;

    /// <summary>What the check finds for the version that would be issued next (<see cref="EhcPlan.NextIssue"/>).</summary>
    public IReadOnlyList<PlanDefect> Defects { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        if (Viewed.Plan is { } plan)
        {
            Defects = plan.Check(plan.NextIssue, Case.Child.DateOfBirth, Today);
        }

        return Page();
    }
}
