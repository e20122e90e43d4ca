using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Redress;
using OpenSend.Web.GovUk;

namespace OpenSend.Web.Pages.Redress;

/// <summary>
/// A case's mediation, appeals and the tribunal's orders with their clocks, for everyone who sees the
/// case; the council records from here, and tells the family an ordered assessment will be made.
/// </summary>
public sealed class IndexModel(RedressQueries queries, RedressRecording recording, TimeProvider time) : RedressPage(queries, time)
{
    [BindProperty]
    public DateInput NotifiedOn { get; set; } = new();

    public RedressSummary Summary => new(Redress, ForFamily: false, $"/cases/{Id}");

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostNotifyAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        if (!Redress.IsCouncil)
        {
            return Forbid();
        }

        var on = NotifiedOn.Validate(ModelState, nameof(NotifiedOn), "The date the family was told", notAfter: Today);
        return await RecordAsync((context, ct) => recording.NotifyAssessmentUnderOrderAsync(context, Id, on!.Value, ct), _ => nameof(NotifiedOn),
            "Recorded: the family was told the assessment will be made");
    }
}
