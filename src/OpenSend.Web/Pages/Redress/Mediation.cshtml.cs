using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using OpenSend.Data.Redress;
using OpenSend.Domain.Redress;
using OpenSend.Domain.Timescales;
using OpenSend.Web.GovUk;

namespace OpenSend.Web.Pages.Redress;

/// <summary>
/// One mediation and its next steps (regs 33–42): the council records the family's choice and arranges
/// it with a mediation service; the council or that service's mediator records the meeting, its outcome
/// and the certificate; the council records what was agreed as done. Only the steps allowed now are offered.
/// </summary>
public sealed class MediationModel(RedressQueries queries, RedressRecording recording, TimeProvider time) : RedressPage(queries, time)
{
    [BindProperty(SupportsGet = true)]
    public Guid MediationId { get; set; }

    [BindProperty]
    public DateInput DeclinedOn { get; set; } = new();

    [BindProperty]
    public DateInput ToldOn { get; set; } = new();

    [BindProperty]
    public DateInput HeldOn { get; set; } = new();

    [BindProperty]
    public DateInput CertificateOn { get; set; } = new();

    [BindProperty]
    public DateInput DoneOn { get; set; } = new();

    [BindProperty]
    public string? Issues { get; set; }

    [BindProperty]
    public string? MediationService { get; set; }

    [BindProperty]
    public List<string> Parts { get; set; } = [];

    [BindProperty]
    public string? Outcome { get; set; }

    [BindProperty]
    public string? Agreement { get; set; }

    [BindProperty]
    public string? CouldNotOrder { get; set; }

    [BindProperty]
    public string? DecisionMakerAttended { get; set; }

    public Mediation Mediation { get; private set; } = default!;

    public IReadOnlyList<SelectListItem> Services { get; private set; } = [];

    public RedressSummary Summary => new(Redress with { Mediations = [Mediation], Appeals = [], Decisions = [], Complaints = [] }, ForFamily: false, null);

    public bool MayArrange => Redress.IsCouncil;

    public bool MayHold => Redress.MayRecordMediationMeeting(Mediation);

    public bool Allowed(MediationAction action) => Mediation.AllowedActions.Contains(action) && action switch
    {
        MediationAction.Decline or MediationAction.Arrange or MediationAction.RecordAgreementCarriedOut => Redress.IsCouncil,
        _ => MayHold,
    };

    public bool AsksDecisionMaker => Redress.Rules.Policy.Mediation == MediationBeforeAppeal.Mandatory;

    public IReadOnlyList<GovUkChoice> Outcomes { get; } = Enum.GetValues<MediationOutcome>().Select(o => new GovUkChoice(o.ToString(), o.Title())).ToList();

    public IReadOnlyList<GovUkChoice> YesNo { get; } = [new("true", "Yes"), new("false", "No")];

    public IReadOnlyList<GovUkChoice> PartChoices { get; } =
    [
        new("health", "Health parts, with the health commissioner (reg 35)"),
        new("social-care", "Social care parts, with the social care commissioner (reg 36)"),
    ];

    public async Task<IActionResult> OnGetAsync() => await LoadMediationAsync() ?? Page();

    public Task<IActionResult> OnPostDeclineAsync() => StepAsync(MediationAction.Decline, DeclinedOn, nameof(DeclinedOn), "The day the family said they do not want mediation",
        (context, on, ct) => recording.DeclineMediationAsync(context, Id, MediationId, on, ct), "Recorded: the family does not want mediation. The certificate is due within 3 working days.");

    public Task<IActionResult> OnPostArrangeAsync() => StepAsync(MediationAction.Arrange, ToldOn, nameof(ToldOn), "The day the council was told the family wants mediation",
        (context, on, ct) => recording.ArrangeMediationAsync(context, Id, MediationId, on, Issues, Guid.TryParse(MediationService, out var service) ? service : null,
            Parts.Contains("health"), Parts.Contains("social-care"), ct),
        "Recorded: the family wants mediation. It must be held within 30 days of the council being told.");

    public Task<IActionResult> OnPostMeetingAsync()
    {
        if (!Enum.TryParse<MediationOutcome>(Outcome, out var outcome))
        {
            ModelState.AddModelError(nameof(Outcome), "Select the outcome of the mediation");
        }

        return StepAsync(MediationAction.RecordMeeting, HeldOn, nameof(HeldOn), "The day the mediation was held",
            (context, on, ct) => recording.RecordMediationMeetingAsync(context, Id, MediationId, on, outcome, Agreement, CouldNotOrder == "true",
                bool.TryParse(DecisionMakerAttended, out var attended) ? attended : null, ct),
            "Recorded the mediation and its outcome. The certificate is due within 3 working days.");
    }

    public Task<IActionResult> OnPostCertificateAsync() => StepAsync(MediationAction.IssueCertificate, CertificateOn, nameof(CertificateOn), "The date of the certificate",
        (context, on, ct) => recording.RecordMediationCertificateAsync(context, Id, MediationId, on, ct), "Recorded the certificate. The family can now appeal.");

    public Task<IActionResult> OnPostAgreementDoneAsync() => StepAsync(MediationAction.RecordAgreementCarriedOut, DoneOn, nameof(DoneOn), "The day it was done",
        (context, on, ct) => recording.RecordAgreementCarriedOutAsync(context, Id, MediationId, on, ct), "Recorded what was agreed as done.");

    private async Task<IActionResult> StepAsync(MediationAction action, DateInput date, string dateField, string what, Func<Data.Audit.RequestContext, DateOnly, CancellationToken, Task> write, string success)
    {
        if (await LoadMediationAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        if (!Allowed(action))
        {
            return Redress.IsCouncil || MayHold ? Redirect(Link) : Forbid();
        }

        var on = date.Validate(ModelState, dateField, what, notAfter: Today);
        return await RecordAsync((context, ct) => write(context, on!.Value, ct), code => code switch
        {
            "mediation-issues-missing" or "mediation-issues-too-long" => nameof(Issues),
            "mediation-agreement-missing" or "mediation-agreement-too-long" or "mediation-no-agreement" => nameof(Agreement),
            "decision-maker-attendance-missing" => nameof(DecisionMakerAttended),
            "mediation-service-not-found" => nameof(MediationService),
            _ => dateField,
        }, success, Link);
    }

    public string Link => $"/cases/{Id}/redress/mediations/{MediationId}";

    private async Task<IActionResult?> LoadMediationAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        var found = Redress.Mediations.FirstOrDefault(m => m.Id == MediationId);
        if (found is null)
        {
            return Redirect(Home);
        }

        Mediation = found;
        if (Redress.IsCouncil)
        {
            Services = [new SelectListItem("Choose a mediation service", string.Empty), .. (await Queries.MediationServicesAsync(HttpContext.RequestAborted)).Select(s => new SelectListItem(s.Name, s.Id.ToString()))];
        }

        return null;
    }
}
