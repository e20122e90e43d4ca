using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenSend.Domain.Common;
using OpenSend.Domain.Redress;
using OpenSend.Domain.Timescales;
using OpenSend.Web.GovUk;

namespace OpenSend.Web.Pages.Timescales;

/// <summary>
/// The public calculator for redress: the last day to appeal a decision (with a mediation certificate),
/// and the council's time limits after a tribunal's order, an appeal it will not oppose, or a health or
/// social care recommendation. The same clocks as /api/timescales/appeal and its neighbours. A GET form.
/// </summary>
public sealed class RedressModel : PageModel
{
    private const string Appeal = "appeal";
    private const string Recommendation = "recommendation";

    [BindProperty(SupportsGet = true)]
    public string? What { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateInput On { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public DateInput Certificate { get; set; } = new();

    public IReadOnlyList<GovUkChoice> Choices { get; } =
    [
        new(Appeal, "The council made a decision the family can appeal", "The last day to appeal to the tribunal"),
        .. new[] { TribunalOrderKind.Assess, TribunalOrderKind.Reassess, TribunalOrderKind.MakePlan, TribunalOrderKind.Amend, TribunalOrderKind.NameSetting }
            .Select(k => new GovUkChoice($"order:{k.Key()}", $"The tribunal ordered the council to {Text.InSentence(k.Title())}")),
        .. Enum.GetValues<UnopposedAppealKind>()
            .Select(k => new GovUkChoice($"unopposed:{k.Key()}", $"The council told the tribunal it will not oppose an appeal against {UnopposedWords(k)}")),
        new(Recommendation, "The tribunal made a health or social care recommendation"),
    ];

    public string? Heading { get; private set; }

    public StatutoryRuleSet? Rules { get; private set; }

    public IReadOnlyList<StatutoryDeadline> Deadlines { get; private set; } = [];

    public void OnGet()
    {
        if (What is null && On.IsEmpty)
        {
            return;
        }

        if (What is null || Choices.All(c => c.Value != What))
        {
            ModelState.AddModelError(nameof(What), "Select what happened");
        }

        var date = On.Validate(ModelState, nameof(On), "The date it happened");
        DateOnly? certificate = What == Appeal && !Certificate.IsEmpty ? Certificate.Validate(ModelState, nameof(Certificate), "The date of the mediation certificate", notBefore: date) : null;
        if (!ModelState.IsValid || date is not { } from)
        {
            return;
        }

        try
        {
            Rules = RuleSetCatalogue.ForClockStart(from);
        }
        catch (StepRefusedException)
        {
            ModelState.AddModelError(nameof(On), $"The date must be on or after {UkCalendar.InWords(RuleSetCatalogue.SendRegulations2014.EffectiveFrom)}, when the SEND Regulations 2014 came into force");
            return;
        }

        var choice = Choices.Single(c => c.Value == What);
        Heading = $"{choice.Label} on {UkCalendar.InWords(from)}";
        if (What == Appeal)
        {
            var rule = Rules.Rule(StatutoryStep.AppealBy, ClockAnchor.DecisionLetter);
            Deadlines = [new StatutoryDeadline(StatutoryStep.AppealBy, Rules.AppealBy(from, certificate), rule.Title, rule.Duty,
                certificate is null ? rule.Basis : Rules.Rule(StatutoryStep.AppealBy, ClockAnchor.MediationCertificate).Basis)];
            return;
        }

        var anchor = What == Recommendation ? ClockAnchor.TribunalRecommendation
            : What!.StartsWith("order:", StringComparison.Ordinal) ? Web.Timescales.TimescaleEndpoints.OrderKinds[What["order:".Length..]]
            : Web.Timescales.TimescaleEndpoints.UnopposedKinds[What["unopposed:".Length..]];
        Deadlines = Rules.DeadlinesFrom(anchor, from);
    }

    private static string UnopposedWords(UnopposedAppealKind kind) => kind switch
    {
        UnopposedAppealKind.RefusalToAssess => "a refusal to assess",
        UnopposedAppealKind.RefusalToReassess => "a refusal to re-assess",
        UnopposedAppealKind.RefusalToIssue => "a refusal to issue a plan",
        UnopposedAppealKind.Contents => "what the plan says",
        _ => "the school or college named",
    };
}
