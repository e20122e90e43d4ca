using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenSend.Data.Assessments;
using OpenSend.Data.Audit;
using OpenSend.Data.Redress;
using OpenSend.Domain.Common;
using OpenSend.Domain.Plans;
using OpenSend.Domain.Redress;
using OpenSend.Web.GovUk;
using OpenSend.Web.Pages.Shared;
using OpenSend.Web.SignIn;

namespace OpenSend.Web.Pages.Redress;

/// <summary>What the redress summary shows, and where its mediations and appeals link to (none for the family: their page holds their steps).</summary>
public sealed record RedressSummary(CaseRedress Redress, bool ForFamily, string? CaseLink)
{
    public string? MediationLink(Mediation mediation) => CaseLink is null ? null : $"{CaseLink}/redress/mediations/{mediation.Id}";

    public string? AppealLink(TribunalAppeal appeal) => CaseLink is null ? null : $"{CaseLink}/redress/appeals/{appeal.Id}";

    public string? ComplaintLink(Complaint complaint) => CaseLink is null ? null : $"{CaseLink}/redress/complaints/{complaint.Id}";
}

/// <summary>
/// Shared by the redress pages of a case: the case's mediation, appeals and orders as the viewer may see
/// them (404 when they may not see the case), the success banner, and recording through <see cref="StepRecording"/>.
/// </summary>
public abstract class RedressPage(RedressQueries queries, TimeProvider time) : PageModel
{
    public const string SuccessKey = "redress.success";

    protected RedressQueries Queries { get; } = queries;

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public CaseRedress Redress { get; private set; } = default!;

    public string? Success { get; private set; }

    public DateOnly Today => UkCalendar.Today(time);

    public virtual string Home => $"/cases/{Id}/redress";

    protected RequestContext Context => HttpContext.ToRequestContext();

    /// <summary>The decisions the family can appeal, as radio choices with the last day to appeal each.</summary>
    public IReadOnlyList<GovUkChoice> DecisionChoices => Redress.Decisions
        .Select(d => new GovUkChoice(d.Key, $"{d.Decision.Title()} of {UkCalendar.InWords(d.DecidedOn)}", $"Appeal by {UkCalendar.InWords(d.AppealBy)}"))
        .ToList();

    public static IReadOnlyList<GovUkChoice> SectionChoices { get; } =
        [.. TribunalAppeal.EducationSections.Concat(TribunalAppeal.ExtendedSections).Order().Select(s => new GovUkChoice(s.ToString(), $"Section {s}", SectionWords(s)))];

    protected async Task<IActionResult?> LoadAsync()
    {
        try
        {
            Redress = await Queries.ForCaseAsync(Context, Id, HttpContext.RequestAborted);
        }
        catch (CaseNotFoundException)
        {
            return NotFound();
        }

        Success = TempData[SuccessKey] as string;
        return null;
    }

    protected Task<IActionResult> RecordAsync(Func<RequestContext, CancellationToken, Task> write, Func<string, string> fieldFor, string success, string? redirect = null) =>
        this.RecordStepAsync(ct => write(Context, ct), fieldFor, SuccessKey, success, redirect ?? Home);

    /// <summary>The decision picked from <see cref="DecisionChoices"/>, or an error against <paramref name="field"/>.</summary>
    protected AppealableDecisionOn? ChosenDecision(string? key, string field)
    {
        var chosen = Redress.Decisions.FirstOrDefault(d => d.Key == key);
        if (chosen is null)
        {
            ModelState.AddModelError(field, "Select the decision");
        }

        return chosen;
    }

    /// <summary>The names a page gives the appeal form's fields, for validation and refusals.</summary>
    protected sealed record AppealForm(string Decision, string Sections, string RegisteredOn, string CertificateOn, string RegisteredWhat, string CertificateWhat);

    /// <summary>Records an appeal the tribunal registered, from the family's page or the council's, each refusal against its field.</summary>
    protected Task<IActionResult> RegisterAppealAsync(RedressRecording recording, AppealForm form, string? decisionKey, IEnumerable<string> sections, DateInput registeredOn,
        string? tribunalReference, DateInput certificateOn, string success)
    {
        var decision = ChosenDecision(decisionKey, form.Decision);
        var registered = registeredOn.Validate(ModelState, form.RegisteredOn, form.RegisteredWhat, notAfter: Today);
        var certificate = certificateOn.IsEmpty ? null : certificateOn.Validate(ModelState, form.CertificateOn, form.CertificateWhat, notAfter: Today);
        return RecordAsync((context, ct) => recording.RegisterAppealAsync(context, Id, decision!.Decision, decision.DecidedOn, ChosenSections(sections), registered!.Value,
                tribunalReference, certificate, ct),
            code => code switch
            {
                "sections-missing" or "section-not-appealable" or "education-section-missing" or "sections-not-for-this-decision" => form.Sections,
                "certificate-missing" or "certificate-out-of-order" or "mediation-required" => form.CertificateOn,
                "appeal-already-registered" => form.Decision,
                _ => form.RegisteredOn,
            },
            success);
    }

    protected static IReadOnlyList<PlanSection> ChosenSections(IEnumerable<string>? chosen) =>
        [.. (chosen ?? []).Select(s => Enum.TryParse<PlanSection>(s, out var section) ? section : (PlanSection?)null).OfType<PlanSection>()];

    private static string SectionWords(PlanSection section) => section switch
    {
        PlanSection.B => "Special educational needs",
        PlanSection.C => "Health needs (with the tribunal's extended powers)",
        PlanSection.D => "Social care needs (extended powers)",
        PlanSection.F => "Special educational provision",
        PlanSection.G => "Health provision (extended powers)",
        PlanSection.H1 => "Social care provision under the Chronically Sick and Disabled Persons Act 1970 (extended powers)",
        PlanSection.H2 => "Other social care provision (extended powers)",
        _ => "The school or college named",
    };
}
