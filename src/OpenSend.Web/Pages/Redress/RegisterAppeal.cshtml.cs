using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Redress;
using OpenSend.Web.GovUk;

namespace OpenSend.Web.Pages.Redress;

/// <summary>
/// The council records an appeal the tribunal registered (s.51): the decision, the sections for an appeal
/// about the plan, and the mediation certificate (taken from the mediation recorded, unless given).
/// </summary>
public sealed class RegisterAppealModel(RedressQueries queries, RedressRecording recording, TimeProvider time) : RedressPage(queries, time)
{
    [BindProperty]
    public string? Decision { get; set; }

    [BindProperty]
    public List<string> Sections { get; set; } = [];

    [BindProperty]
    public DateInput RegisteredOn { get; set; } = new();

    [BindProperty]
    public string? TribunalReference { get; set; }

    [BindProperty]
    public DateInput CertificateOn { get; set; } = new();

    public async Task<IActionResult> OnGetAsync() => await LoadCouncilAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadCouncilAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        return await RegisterAppealAsync(recording,
            new AppealForm(nameof(Decision), nameof(Sections), nameof(RegisteredOn), nameof(CertificateOn), "The date the tribunal registered the appeal", "The date of the mediation certificate"),
            Decision, Sections, RegisteredOn, TribunalReference, CertificateOn,
            "The appeal is recorded. When the tribunal sends it to the council, record the date: the response is due in 30 of the tribunal's working days.");
    }

    private async Task<IActionResult?> LoadCouncilAsync() => await LoadAsync() ?? (Redress.IsCouncil ? null : Forbid());
}
