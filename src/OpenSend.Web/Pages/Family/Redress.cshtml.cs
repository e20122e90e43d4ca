using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Redress;
using OpenSend.Domain.Redress;
using OpenSend.Web.GovUk;
using OpenSend.Web.Pages.Redress;

namespace OpenSend.Web.Pages.Family;

/// <summary>
/// The family's disagreement with a decision, on their own page: the decisions they can appeal and by
/// when, their contact with the mediation adviser and their choice, the certificate, the appeal they
/// registered (and withdrawing it), and what the tribunal's decision requires of the council, by when.
/// </summary>
public sealed class RedressModel(RedressQueries queries, RedressRecording recording, TimeProvider time) : RedressPage(queries, time)
{
    [BindProperty]
    public string? MediationDecision { get; set; }

    [BindProperty]
    public DateInput InformationOn { get; set; } = new();

    [BindProperty]
    public DateInput DeclinedOn { get; set; } = new();

    [BindProperty]
    public string? Issues { get; set; }

    [BindProperty]
    public DateInput CertificateOn { get; set; } = new();

    [BindProperty]
    public string? AppealDecision { get; set; }

    [BindProperty]
    public List<string> Sections { get; set; } = [];

    [BindProperty]
    public DateInput RegisteredOn { get; set; } = new();

    [BindProperty]
    public string? TribunalReference { get; set; }

    [BindProperty]
    public DateInput AppealCertificateOn { get; set; } = new();

    [BindProperty]
    public DateInput WithdrawnOn { get; set; } = new();

    [BindProperty]
    public string? ComplaintSummary { get; set; }

    [BindProperty]
    public List<string> ComplaintAlso { get; set; } = [];

    [BindProperty]
    public DateInput OmbudsmanOn { get; set; } = new();

    public IReadOnlyList<GovUkChoice> ComplaintAlsoChoices { get; } =
    [
        new("health", "It is about health services too", "The council cannot answer for the NHS: it will note this and the health part goes through the NHS complaints procedure"),
        new("disagreement-resolution", "I would like a disagreement resolution meeting", "An independent meeting to help settle the disagreement (SEND Regulations 2014, regulation 53)"),
    ];

    /// <summary>The complaint the family is still pursuing, if any (the latest).</summary>
    public Complaint? OpenComplaint => Redress.Complaints.FirstOrDefault(c => c.IsOpen);

    public override string Home => $"/your-requests/{Id}/redress";

    public RedressSummary Summary => new(Redress, ForFamily: true, null);

    /// <summary>The mediation the family is still going through, if any (the latest).</summary>
    public Mediation? Current => Redress.Mediations.FirstOrDefault(m => m.Stage != MediationStage.Certified);

    public TribunalAppeal? Pending => Redress.Appeals.FirstOrDefault(a => a.IsPending);

    public bool MayChoose => Current?.Stage == MediationStage.InformationGiven;

    public bool MayRecordCertificate => Current?.AllowedActions.Contains(MediationAction.IssueCertificate) == true;

    public async Task<IActionResult> OnGetAsync() => await LoadFamilyAsync() ?? Page();

    public async Task<IActionResult> OnPostStartAsync()
    {
        if (await LoadFamilyAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        var decision = ChosenDecision(MediationDecision, nameof(MediationDecision));
        var on = InformationOn.Validate(ModelState, nameof(InformationOn), "The day you spoke to the mediation adviser", notAfter: Today);
        return await RecordAsync((context, ct) => recording.BeginMediationAsync(context, Id, decision!.Decision, decision.DecidedOn, on!.Value, ct),
            code => code == "mediation-already-open" ? nameof(MediationDecision) : nameof(InformationOn),
            "Saved. If you do not want mediation, the adviser must give you a certificate within 3 working days of you saying so.");
    }

    public async Task<IActionResult> OnPostDeclineAsync()
    {
        if (await LoadFamilyAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        if (Current is not { } current)
        {
            return Redirect(Home);
        }

        var on = DeclinedOn.Validate(ModelState, nameof(DeclinedOn), "The day you told the adviser", notAfter: Today);
        return await RecordAsync((context, ct) => recording.DeclineMediationAsync(context, Id, current.Id, on!.Value, ct), _ => nameof(DeclinedOn),
            "Saved. The adviser must give you a certificate within 3 working days. You need it to appeal.");
    }

    public async Task<IActionResult> OnPostWantAsync()
    {
        if (await LoadFamilyAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        if (Current is not { } current)
        {
            return Redirect(Home);
        }

        return await RecordAsync((context, ct) => recording.ArrangeMediationAsync(context, Id, current.Id, null, Issues, null, false, false, ct), _ => nameof(Issues),
            $"The council has been told you want mediation. It must take place by {Domain.Common.UkCalendar.InWords(Today.AddDays(30))}.");
    }

    public async Task<IActionResult> OnPostCertificateAsync()
    {
        if (await LoadFamilyAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        if (Current is not { } current)
        {
            return Redirect(Home);
        }

        var on = CertificateOn.Validate(ModelState, nameof(CertificateOn), "The date on the certificate", notAfter: Today);
        return await RecordAsync((context, ct) => recording.RecordMediationCertificateAsync(context, Id, current.Id, on!.Value, ct), _ => nameof(CertificateOn),
            "Saved your certificate. You can appeal for 1 month from its date, if that is later than 2 months from the decision.");
    }

    public async Task<IActionResult> OnPostAppealAsync()
    {
        if (await LoadFamilyAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        return await RegisterAppealAsync(recording,
            new AppealForm(nameof(AppealDecision), nameof(Sections), nameof(RegisteredOn), nameof(AppealCertificateOn), "The date the tribunal registered your appeal", "The date of your mediation certificate"),
            AppealDecision, Sections, RegisteredOn, TribunalReference, AppealCertificateOn,
            "Saved your appeal. The council will be told by the tribunal and must respond within 30 of the tribunal's working days.");
    }

    public async Task<IActionResult> OnPostWithdrawAsync()
    {
        if (await LoadFamilyAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        if (Pending is not { } pending)
        {
            return Redirect(Home);
        }

        var on = WithdrawnOn.Validate(ModelState, nameof(WithdrawnOn), "The day you withdrew the appeal", notAfter: Today);
        return await RecordAsync((context, ct) => recording.WithdrawAppealAsync(context, Id, pending.Id, on!.Value, ct), _ => nameof(WithdrawnOn), "Saved: your appeal is withdrawn.");
    }

    public async Task<IActionResult> OnPostComplainAsync()
    {
        if (await LoadFamilyAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        return await RecordAsync((context, ct) => recording.MakeComplaintAsync(context, Id, ComplaintSummary, ComplaintAlso.Contains("health"), ComplaintAlso.Contains("disagreement-resolution"), ct),
            _ => nameof(ComplaintSummary), "Your complaint has been sent to the council. You can see below when it must answer.");
    }

    public Task<IActionResult> OnPostEscalateAsync() => ComplaintStepAsync((context, complaint, ct) => recording.EscalateComplaintAsync(context, Id, complaint.Id, ct),
        nameof(ComplaintSummary), "Your complaint is now at stage 2. You can see below when the council must answer.");

    public Task<IActionResult> OnPostCloseComplaintAsync() => ComplaintStepAsync((context, complaint, ct) => recording.CloseComplaintAsync(context, Id, complaint.Id, ct),
        nameof(ComplaintSummary), "Your complaint is closed.");

    public async Task<IActionResult> OnPostOmbudsmanAsync()
    {
        if (await LoadFamilyAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        var on = OmbudsmanOn.Validate(ModelState, nameof(OmbudsmanOn), "The day you took your complaint to the Ombudsman", notAfter: Today);
        return OpenComplaint is not { } complaint ? Redirect(Home)
            : await RecordAsync((context, ct) => recording.ReferComplaintToOmbudsmanAsync(context, Id, complaint.Id, on!.Value, ct), _ => nameof(OmbudsmanOn),
                "Saved: your complaint is with the Ombudsman.");
    }

    private async Task<IActionResult> ComplaintStepAsync(Func<Data.Audit.RequestContext, Complaint, CancellationToken, Task> write, string field, string success)
    {
        if (await LoadFamilyAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        return OpenComplaint is not { } complaint ? Redirect(Home) : await RecordAsync((context, ct) => write(context, complaint, ct), _ => field, success);
    }

    private async Task<IActionResult?> LoadFamilyAsync() => await LoadAsync() ?? (Redress.IsFamily ? null : Forbid());
}
