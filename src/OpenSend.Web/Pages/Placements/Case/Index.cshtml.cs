using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Placements;

namespace OpenSend.Web.Pages.Placements.Case;

/// <summary>
/// Naming a place for one child: the tailored list, the family's preferences and each one's
/// consultation and grounds, the setting the system proposes, and the decision.
/// </summary>
public sealed class IndexModel(PlacementNaming naming, TimeProvider time) : PlacementPage(naming, time)
{
    public override string Title => "School or college (section I)";

    protected override bool NeedsPlacement => false;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostShareAsync() => await WriteAsync((c, ct) => Naming.ShareListAsync(c, Id, ct), "The list is shared with the family, who have been emailed");

    public async Task<IActionResult> OnPostConsultAsync(Guid preference)
    {
        var emailed = 0;
        var result = await WriteAsync(async (c, ct) => emailed = await Naming.ConsultAsync(c, Id, preference, ct), "Consultation sent");
        if (TempData.Peek(SuccessKey) is not null)
        {
            TempData[SuccessKey] = emailed > 0
                ? $"Consultation sent: {emailed} of the setting's staff emailed, and the setting can read the draft plan"
                : "Consultation recorded: the setting does not use OpenSEND, so send it the draft plan another way and record its answer here";
        }

        return result;
    }

    private async Task<IActionResult> WriteAsync(Func<OpenSend.Data.Audit.RequestContext, CancellationToken, Task> write, string success)
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        return await RecordAsync(write, success);
    }

    protected override string FieldFor(string refusalCode) => "placement";
}
