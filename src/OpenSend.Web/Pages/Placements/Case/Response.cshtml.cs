using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Placements;
using OpenSend.Domain.Placements;
using OpenSend.Web.GovUk;

namespace OpenSend.Web.Pages.Placements.Case;

/// <summary>
/// A consulted setting's answer (s.39(2)): given by its own staff in OpenSEND, or recorded by the
/// caseworker when it came another way. "No response" only once its 15 days have passed.
/// </summary>
public sealed class ResponseModel(PlacementNaming naming, TimeProvider time) : PlacementPage(naming, time)
{
    [BindProperty(SupportsGet = true)]
    public Guid PreferenceId { get; set; }

    [BindProperty]
    public string? Answer { get; set; }

    [BindProperty]
    public string? Reasons { get; set; }

    [BindProperty]
    public DateInput On { get; set; } = new();

    public SettingPreference? Preference => Placement?.Preferences.FirstOrDefault(p => p.Id == PreferenceId);

    public bool AsSetting { get; private set; }

    public override string Title => AsSetting ? $"Can {Preference?.Name} meet the child's needs?" : $"The answer from {Preference?.Name}";

    protected override bool Manages => false;

    public IReadOnlyList<GovUkChoice> Answers => AsSetting
        ? [new(nameof(ConsultationResponse.CanMeetNeeds), "Yes, we can meet the child's needs"), new(nameof(ConsultationResponse.CannotMeetNeeds), "No, we cannot meet the child's needs")]
        : [new(nameof(ConsultationResponse.CanMeetNeeds), "Can meet the child's needs"), new(nameof(ConsultationResponse.CannotMeetNeeds), "Cannot meet the child's needs"),
           new(nameof(ConsultationResponse.NoResponse), "No answer within 15 days")];

    protected override string FieldFor(string refusalCode) => refusalCode switch
    {
        "response-reasons" => nameof(Reasons),
        "response-not-due" => nameof(Answer),
        _ => nameof(On),
    };

    /// <summary>Only a consultation that was sent can be answered; there is nothing to show anyone else.</summary>
    protected override bool NeedsPlacement => false;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        return await AllowedAsync() ?? Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        if (await AllowedAsync() is { } other)
        {
            return other;
        }

        var answer = Enum.TryParse<ConsultationResponse>(Answer, out var a) && Answers.Any(x => x.Value == Answer) ? a : (ConsultationResponse?)null;
        if (answer is null)
        {
            ModelState.AddModelError(nameof(Answer), "Select the answer");
        }

        var on = AsSetting ? Today : On.Validate(ModelState, nameof(On), "The date of the answer", notAfter: Today);
        return await RecordAsync((c, ct) => Naming.RecordResponseAsync(c, Id, PreferenceId, answer!.Value, Reasons, on!.Value, ct),
            AsSetting ? "Thank you: your answer has been sent to the council" : "Answer recorded",
            AsSetting ? "/consultations" : null);
    }

    /// <summary>The council's staff, or the consulted setting's own.</summary>
    private async Task<IActionResult?> AllowedAsync()
    {
        if (Preference is not { ConsultationSentOn: not null } preference || Placement!.IsDecided)
        {
            return Viewed.CanManage ? Redirect(PlacementLink) : NotFound();
        }

        AsSetting = !Viewed.CanManage && await Naming.IsSettingStaffAsync(Context, preference.Urn, HttpContext.RequestAborted);
        return Viewed.CanManage || AsSetting ? null : Forbid();
    }
}
