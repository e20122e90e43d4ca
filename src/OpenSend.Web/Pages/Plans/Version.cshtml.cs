using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Plans;
using OpenSend.Domain.Plans;

namespace OpenSend.Web.Pages.Plans;

/// <summary>One issued version as it was issued, and a way to compare it with another.</summary>
public sealed class VersionModel(PlanQueries queries, TimeProvider time) : PlanPage(queries, time)
{
    [BindProperty(SupportsGet = true)]
    public int Number { get; set; }

    public PlanVersion Shown { get; private set; } = default!;

    public override string Title => Shown.Label;

    protected override bool ChangesThePlan => false;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        // A version the plan does not have (yet): its versions are listed on the plan page.
        if (Plan.Versions.FirstOrDefault(v => v.Number == Number) is not { } version)
        {
            return Redirect(PlanLink);
        }

        Shown = version;
        return Page();
    }
}
