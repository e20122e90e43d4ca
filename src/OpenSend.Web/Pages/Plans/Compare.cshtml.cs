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

        if (PlanChangesView.Between(Plan.Versions, From, To) is not { } between)
        {
            return Redirect(PlanLink);
        }

        (Older, Newer, Changes) = (between.Older, between.Newer, between.Changes);
        return Page();
    }
}

/// <summary>Two issued versions and what changed between them, as the staff and the family comparison pages show it.</summary>
public sealed record PlanChangesView(PlanVersion Older, PlanVersion Newer, IReadOnlyList<SectionChanges> Changes)
{
    /// <summary>Versions <paramref name="from"/> and <paramref name="to"/> in either order, older first, and what changed; null when the plan lacks either.</summary>
    public static PlanChangesView? Between(IReadOnlyList<PlanVersion> versions, int? from, int? to)
    {
        var first = versions.FirstOrDefault(v => v.Number == from);
        var second = versions.FirstOrDefault(v => v.Number == to);
        if (first is null || second is null)
        {
            return null;
        }

        var (older, newer) = first.Number <= second.Number ? (first, second) : (second, first);
        return new PlanChangesView(older, newer, PlanComparison.Compare(older.Content, newer.Content));
    }
}
