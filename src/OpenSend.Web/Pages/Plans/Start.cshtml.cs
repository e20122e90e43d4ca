using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Plans;

namespace OpenSend.Web.Pages.Plans;

public sealed class StartModel(PlanQueries queries, PlanDrafting drafting, TimeProvider time) : PlanPage(queries, time)
{
    public override string Title => "Start the plan";

    protected override bool NeedsPlan => false;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? (Viewed.Plan is null ? Page() : Redirect(PlanLink));

    public async Task<IActionResult> OnPostAsync() =>
        await LoadAsync() ?? await WriteAsync((context, ct) => drafting.StartAsync(context, Id, ct), "Plan started", _ => nameof(Id));
}
