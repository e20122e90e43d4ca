using OpenSend.Domain.Assessments;
using OpenSend.Domain.Common;
using OpenSend.Domain.Timescales;

namespace OpenSend.Domain.Tests.Assessments;

/// <summary>Builds a case at a chosen stage, with "now" on a chosen day (noon in London).</summary>
internal sealed class PathwayScenario
{
    public static readonly Actor Caseworker = new("user-1", "Sam Carter", "LaCaseworker", "999");

    public PathwayScenario(string received, string? ruleSetId = null, RequesterKind requester = RequesterKind.Parent, string dateOfBirth = "2018-03-14")
    {
        ReceivedOn = DateOnly.Parse(received);
        Now = AtNoon(ReceivedOn);
        Rules = RuleSetCatalogue.Get(ruleSetId ?? RuleSetCatalogue.SendRegulations2014Id);
        Case = EhcCase.Receive(Guid.NewGuid(), "999", "999-2026-00001",
            new Child("Ada", "Example", DateOnly.Parse(dateOfBirth)),
            new Requester(requester, "Pat Example", "pat@example.invalid", null, null),
            "Struggling to access learning despite SEN support.", true, ReceivedOn, Rules, "hash", Caseworker, Now);
    }

    public DateOnly ReceivedOn { get; }

    public StatutoryRuleSet Rules { get; }

    public EhcCase Case { get; }

    public DateTimeOffset Now { get; private set; }

    public DateOnly Today => UkCalendar.DateOf(Now);

    public static DateTimeOffset AtNoon(DateOnly date) => new(date.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);

    /// <summary>Moves "now" to <paramref name="day"/> and returns it, for recording a step on that day.</summary>
    public DateOnly On(string day)
    {
        var date = DateOnly.Parse(day);
        Now = AtNoon(date);
        return date;
    }

    public PathwayScenario Assessing(string decided, string adviceRequested)
    {
        if (Rules.Policy.PanelRecommendationRequired)
        {
            Case.RecordPanelRecommendation(PanelQuestion.WhetherToAssess, PanelRecommendationOutcome.Yes, On(decided), "", Caseworker, Now);
        }

        Case.DecideToAssess(On(decided), "Evidence of needs not met by SEN support.", Caseworker, Now);
        Case.RequestAdvice(AdviserKind.Educational, "Hill Top Primary School", On(adviceRequested), Caseworker, Now);
        Case.RequestAdvice(AdviserKind.Psychological, "Educational psychology service", On(adviceRequested), Caseworker, Now);
        return this;
    }

    public PathwayScenario DraftServed(string adviceReceived, string decidedToIssue, string served)
    {
        foreach (var advice in Case.AdviceRequests)
        {
            Case.RecordAdviceReceived(advice.Id, On(adviceReceived), Caseworker, Now);
        }

        if (Rules.Policy.PanelRecommendationRequired)
        {
            Case.RecordPanelRecommendation(PanelQuestion.WhetherToIssue, PanelRecommendationOutcome.Yes, On(decidedToIssue), "", Caseworker, Now);
        }

        Case.DecideToIssue(On(decidedToIssue), "", Caseworker, Now);
        Case.ServeDraftPlan(On(served), Caseworker, Now);
        return this;
    }
}
