using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenSend.Domain.Common;
using OpenSend.Domain.Timescales;
using OpenSend.Web.GovUk;

namespace OpenSend.Web.Pages.Timescales;

/// <summary>
/// The public EHC timeline calculator: every statutory date of the 20-week pathway from the day a
/// request was received, with the regulation behind each. A GET form, so a result can be shared.
/// </summary>
public sealed class CalculatorModel(TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public DateInput ReceivedOn { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? RuleSet { get; set; }

    public StatutoryRuleSet? Rules { get; private set; }

    public DateOnly? Received { get; private set; }

    public IReadOnlyList<StatutoryDeadline> Deadlines { get; private set; } = [];

    /// <summary>The last day a draft can be served and still give 15 days before the 20-week date.</summary>
    public DateOnly? LatestDraftServedOn { get; private set; }

    public IReadOnlyList<GovUkChoice> RuleSetChoices { get; } = RuleSetCatalogue.All
        .Select(r => new GovUkChoice(r.Id, r.Name, r.AppliesOnlyWhereAdopted
            ? "Proposals, not law: adds a multi-agency panel and mandatory mediation where a local area runs them"
            : "The law in force"))
        .ToList();

    public void OnGet()
    {
        if (!Request.Query.ContainsKey("ReceivedOn.Day") && !Request.Query.ContainsKey("ReceivedOn.Year"))
        {
            return;
        }

        var date = ReceivedOn.Validate(ModelState, nameof(ReceivedOn), "The date the request was received");
        if (date is null)
        {
            return;
        }

        if (RuleSet is not null && RuleSetCatalogue.Find(RuleSet) is { } chosen)
        {
            if (!chosen.InForceOn(date.Value))
            {
                ModelState.AddModelError(nameof(ReceivedOn), $"The date the request was received must be on or after {UkCalendar.InWords(chosen.EffectiveFrom)} for {chosen.Name}");
                return;
            }

            Rules = chosen;
        }
        else
        {
            try
            {
                Rules = RuleSetCatalogue.ForClockStart(date.Value);
            }
            catch (StepRefusedException)
            {
                ModelState.AddModelError(nameof(ReceivedOn), $"The date the request was received must be on or after {UkCalendar.InWords(RuleSetCatalogue.SendRegulations2014.EffectiveFrom)}, when the SEND Regulations 2014 came into force");
                return;
            }
        }

        Received = date;
        Deadlines = Rules.DeadlinesFrom(ClockAnchor.RequestReceived, date.Value);
        var window = Rules.Rule(StatutoryStep.RepresentationsClose).Limit;
        var finalPlan = Rules.Rule(StatutoryStep.FinalPlan).DueFrom(date.Value);
        // Served on D, the window closes on D + 14 and the plan can be final from D + 15.
        LatestDraftServedOn = finalPlan.AddDays(-(window.CountFrom(finalPlan).DayNumber - finalPlan.DayNumber) - 1);
    }

    public string Today => UkCalendar.InWords(UkCalendar.Today(time));
}
