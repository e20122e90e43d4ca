using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Redress;
using OpenSend.Domain.Redress;
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

    [BindProperty]
    public string? During { get; set; }

    [BindProperty]
    public DateInput DuringSince { get; set; } = new();

    [BindProperty]
    public string? DuringSetting { get; set; }

    public IReadOnlyList<GovUkChoice> DuringChoices { get; } =
    [
        new(nameof(DisagreementPlacement.TemporaryPlacement), DisagreementPlacement.TemporaryPlacement.Title()),
        new(nameof(DisagreementPlacement.OutOfEducation), DisagreementPlacement.OutOfEducation.Title()),
        new("usual", "In their usual school or college", "Clears anything recorded before"),
    ];

    /// <summary>Whether mediation or an appeal is under way, so where the child is meanwhile can be recorded.</summary>
    public bool DisagreementUnderWay => Redress.Mediations.Any(m => m.Stage != MediationStage.Certified) || Redress.Appeals.Any(a => a.IsPending);

    public RedressSummary Summary => new(Redress, ForFamily: false, $"/cases/{Id}");

    public async Task<IActionResult> OnPostDuringAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        if (!Redress.IsCouncil)
        {
            return Forbid();
        }

        DisagreementPlacement? placement = Enum.TryParse<DisagreementPlacement>(During, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
        if (placement is null && During != "usual")
        {
            ModelState.AddModelError(nameof(During), "Select where the child is while the disagreement lasts");
        }

        var since = placement is null ? null : DuringSince.Validate(ModelState, nameof(DuringSince), "The date it began", notAfter: Today);
        return await RecordAsync((context, ct) => recording.RecordDuringDisagreementAsync(context, Id, placement, since, DuringSetting, ct),
            code => code == "setting-missing" ? nameof(DuringSetting) : code == "no-disagreement-under-way" ? nameof(During) : nameof(DuringSince),
            "Recorded where the child is while the disagreement lasts.");
    }

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
