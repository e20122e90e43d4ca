using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Redress;
using OpenSend.Web.GovUk;

namespace OpenSend.Web.Pages.Redress;

/// <summary>The council records that the family spoke to the mediation adviser about a decision (s.55(2); reg 33).</summary>
public sealed class StartMediationModel(RedressQueries queries, RedressRecording recording, TimeProvider time) : RedressPage(queries, time)
{
    [BindProperty]
    public string? Decision { get; set; }

    [BindProperty]
    public DateInput InformationOn { get; set; } = new();

    public async Task<IActionResult> OnGetAsync() => await LoadCouncilAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadCouncilAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        var decision = ChosenDecision(Decision, nameof(Decision));
        var on = InformationOn.Validate(ModelState, nameof(InformationOn), "The date the family had the adviser's information", notAfter: Today);
        return await RecordAsync((context, ct) => recording.BeginMediationAsync(context, Id, decision!.Decision, decision.DecidedOn, on!.Value, ct),
            code => code == "mediation-already-open" ? nameof(Decision) : nameof(InformationOn),
            "The family's contact with the mediation adviser is recorded. The certificate is due within 3 working days if they do not want mediation.");
    }

    private async Task<IActionResult?> LoadCouncilAsync() => await LoadAsync() ?? (Redress.IsCouncil ? null : Forbid());
}
