using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Plans;
using OpenSend.Domain.Plans;

namespace OpenSend.Web.Pages.Plans;

/// <summary>Two versions compared section by section: what was added, removed and changed.</summary>
public sealed class CompareModel(PlanQueries queries, TimeProvider time) : PlanPage(queries, time)
{
    [BindProperty(SupportsGet = true)]
    public int From { get; set; }

    [BindProperty(SupportsGet = true)]
    public int To { get; set; }

    public PlanVersion Older { get; private set; } = default!;

    public PlanVersion Newer { get; private set; } = default!;

    public IReadOnlyList<SectionChanges> Changes { get; private set; } = [];

    public override string Title => $"{Older.Label} compared with {Newer.Label}";

    protected override bool ChangesThePlan => false;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        var first = Plan.Versions.FirstOrDefault(v => v.Number == From);
        var second = Plan.Versions.FirstOrDefault(v => v.Number == To);
        if (first is null || second is null)
        {
            return Redirect(PlanLink);
        }

        (Older, Newer) = first.Number <= second.Number ? (first, second) : (second, first);
        Changes = PlanComparison.Compare(Older.Content, Newer.Content);
        return Page();
    }
}

/// <summary>Two issued versions and what changed between them, as the staff and the family comparison pages show it.</summary>
public sealed record PlanChangesView(PlanVersion Older, PlanVersion Newer, IReadOnlyList<SectionChanges> Changes);
