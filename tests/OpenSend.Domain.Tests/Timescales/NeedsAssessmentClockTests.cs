using OpenSend.Domain.Common;
using OpenSend.Domain.Timescales;

namespace OpenSend.Domain.Tests.Timescales;

/// <summary>
/// The 20-week pathway's dates for real calendar scenarios. Expected dates were worked out
/// independently (a calendar and reg 5(1), 10(1), 13(2): "N weeks" = same weekday N weeks on).
/// </summary>
public class NeedsAssessmentClockTests
{
    private static readonly StatutoryRuleSet Rules = RuleSetCatalogue.SendRegulations2014;

    public static TheoryData<string, string, string, string, string> Scenarios => new()
    {
        // scenario, request received, 6 weeks (reg 5(1)), 16 weeks (reg 10(1)), 20 weeks (reg 13(2))
        { "the issue's own example, a Monday in January", "2026-01-05", "2026-02-16", "2026-04-27", "2026-05-25" },
        { "received on the last day of January, a Saturday", "2026-01-31", "2026-03-14", "2026-05-23", "2026-06-20" },
        { "received on leap day 29 February 2028", "2028-02-29", "2028-04-11", "2028-06-20", "2028-07-18" },
        { "received on New Year's Eve, crossing the year", "2026-12-31", "2027-02-11", "2027-04-22", "2027-05-20" },
        { "six weeks spanning 29 February in a leap year", "2028-01-20", "2028-03-02", "2028-05-11", "2028-06-08" },
        { "the same date a year earlier, no leap day", "2027-01-20", "2027-03-03", "2027-05-12", "2027-06-09" },
        { "received on the first day of a summer closure", "2026-07-22", "2026-09-02", "2026-11-11", "2026-12-09" },
        { "the day the SEND Regulations 2014 came into force", "2014-09-01", "2014-10-13", "2014-12-22", "2015-01-19" },
        { "received on the Sunday clocks go forward", "2026-03-29", "2026-05-10", "2026-07-19", "2026-08-16" },
        { "received on the Sunday clocks go back", "2026-10-25", "2026-12-06", "2027-02-14", "2027-03-14" },
        { "20 weeks that run through 29 February 2028", "2027-11-30", "2028-01-11", "2028-03-21", "2028-04-18" },
        { "received just before Christmas", "2024-12-23", "2025-02-03", "2025-04-14", "2025-05-12" },
    };

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void DeadlinesFrom_RequestReceived_GivesTheStatutoryDates(string scenario, string received, string decision, string notToIssue, string finalPlan)
    {
        var deadlines = Rules.DeadlinesFrom(ClockAnchor.RequestReceived, DateOnly.Parse(received));

        Assert.True(deadlines.Count == 3, scenario);
        Assert.Equal(DateOnly.Parse(decision), deadlines.Single(d => d.Step == StatutoryStep.DecisionToAssess).Due);
        Assert.Equal(DateOnly.Parse(notToIssue), deadlines.Single(d => d.Step == StatutoryStep.DecisionNotToIssue).Due);
        Assert.Equal(DateOnly.Parse(finalPlan), deadlines.Single(d => d.Step == StatutoryStep.FinalPlan).Due);
    }

    [Fact]
    public void DeadlinesFrom_RequestReceived_CitesTheRegulationForEachStep()
    {
        var deadlines = Rules.DeadlinesFrom(ClockAnchor.RequestReceived, new DateOnly(2026, 1, 5));

        Assert.Equal(
            ["SEND Regulations 2014 reg 5(1)", "SEND Regulations 2014 reg 10(1)", "SEND Regulations 2014 reg 13(2)"],
            deadlines.Select(d => d.Basis));
    }

    [Theory]
    [InlineData("2027-02-15", "2027-03-01")] // 15 days beginning with service: 15 Feb is day 1
    [InlineData("2028-02-15", "2028-02-29")] // leap year: the window closes on leap day
    [InlineData("2026-01-31", "2026-02-14")]
    [InlineData("2026-12-20", "2027-01-03")]
    public void RepresentationWindow_CountsTheDayOfServiceAsDayOne(string served, string closes)
    {
        var deadline = Rules.DeadlinesFrom(ClockAnchor.DraftPlanServed, DateOnly.Parse(served)).Single();

        Assert.Equal(StatutoryStep.RepresentationsClose, deadline.Step);
        Assert.Equal(DateOnly.Parse(closes), deadline.Due);
        Assert.Equal("SEND Regulations 2014 reg 13(1)(a)", deadline.Basis);
    }

    [Theory]
    [InlineData("2028-02-29", "2028-04-11")]
    [InlineData("2026-07-22", "2026-09-02")]
    public void AdviceClock_RunsSixWeeksFromTheRequestForAdvice(string requested, string due)
    {
        var deadline = Rules.DeadlinesFrom(ClockAnchor.AdviceRequested, DateOnly.Parse(requested)).Single();

        Assert.Equal(DateOnly.Parse(due), deadline.Due);
        Assert.Equal("SEND Regulations 2014 reg 8(1)", deadline.Basis);
    }

    [Theory]
    [InlineData("2027-03-10", "2027-02-24", "2027-03-24", "2027-04-07", "2027-06-02")]
    [InlineData("2027-01-07", "2026-12-24", "2027-01-21", "2027-02-04", "2027-04-01")]
    public void AnnualReviewClock_WorksBackAndForwardFromTheMeeting(string meeting, string invitations, string report, string decision, string amended)
    {
        var deadlines = Rules.DeadlinesFrom(ClockAnchor.ReviewMeeting, DateOnly.Parse(meeting)).ToDictionary(d => d.Step, d => d.Due);

        Assert.Equal(DateOnly.Parse(invitations), deadlines[StatutoryStep.InvitationsBy]);
        Assert.Equal(DateOnly.Parse(invitations), deadlines[StatutoryStep.PapersBy]);
        Assert.Equal(DateOnly.Parse(report), deadlines[StatutoryStep.ReportBy]);
        Assert.Equal(DateOnly.Parse(decision), deadlines[StatutoryStep.DecisionBy]);
        Assert.Equal(DateOnly.Parse(amended), deadlines[StatutoryStep.AmendedPlanBy]);
    }

    [Theory]
    // Reg 18(1): "before" 15 February (31 March, secondary to post-16) of the transfer year: the day before is the last on time.
    [InlineData(PhaseTransferKind.EarlyYearsToSchool, 2027, "2027-02-14", "reg 18(1)(b)")]
    [InlineData(PhaseTransferKind.InfantToJunior, 2028, "2028-02-14", "reg 18(1)(b)")]
    [InlineData(PhaseTransferKind.PrimaryToSecondary, 2027, "2027-02-14", "reg 18(1)(b)")]
    [InlineData(PhaseTransferKind.SecondaryToPost16, 2027, "2027-03-30", "reg 18(1)(a)")]
    public void PhaseTransfer_IsDueTheDayBeforeTheFixedDayOfTheTransferYear(PhaseTransferKind kind, int year, string due, string regulation)
    {
        var deadline = Rules.PhaseTransferDeadline(kind, year);

        Assert.Equal(DateOnly.Parse(due), deadline.Due);
        Assert.EndsWith(regulation, deadline.Basis);
    }

    [Fact]
    public void ForClockStart_BeforeTheRegulations_IsRefusedWithTheCommencementDate()
    {
        var refused = Assert.Throws<StepRefusedException>(() => RuleSetCatalogue.ForClockStart(new DateOnly(2014, 8, 31)));

        Assert.Equal("before-send-regulations", refused.Code);
        Assert.Contains("1 September 2014", refused.Message);
    }

    [Fact]
    public void ForClockStart_UsesTheGreenPaperOnlyFromTheDateTheAreaAdoptedIt()
    {
        var adoption = new LocalRuleAdoption(RuleSetCatalogue.GreenPaper2022Id, new DateOnly(2026, 9, 1));

        Assert.Equal(RuleSetCatalogue.SendRegulations2014Id, RuleSetCatalogue.ForClockStart(new DateOnly(2026, 8, 31), adoption).Id);
        Assert.Equal(RuleSetCatalogue.GreenPaper2022Id, RuleSetCatalogue.ForClockStart(new DateOnly(2026, 9, 1), adoption).Id);
        Assert.Equal(RuleSetCatalogue.SendRegulations2014Id, RuleSetCatalogue.ForClockStart(new DateOnly(2026, 9, 1)).Id);
    }

    [Fact]
    public void GreenPaperRules_KeepTheClocksButRequireAPanelAndMediation()
    {
        var greenPaper = RuleSetCatalogue.GreenPaper2022;

        Assert.True(greenPaper.Policy.PanelRecommendationRequired);
        Assert.Equal(MediationBeforeAppeal.Mandatory, greenPaper.Policy.Mediation);
        Assert.False(RuleSetCatalogue.SendRegulations2014.Policy.PanelRecommendationRequired);
        Assert.Equal(
            Rules.DeadlinesFrom(ClockAnchor.RequestReceived, new DateOnly(2026, 1, 5)).Select(d => d.Due),
            greenPaper.DeadlinesFrom(ClockAnchor.RequestReceived, new DateOnly(2026, 1, 5)).Select(d => d.Due));
    }

    [Theory]
    [InlineData("2026-03-28T23:30:00Z", "2026-03-28")] // GMT: the same date
    [InlineData("2026-06-30T23:30:00Z", "2026-07-01")] // BST: already 1 July in London
    public void UkCalendar_Today_IsTheDateInLondon(string instant, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected), UkCalendar.DateOf(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void UkCalendar_InWords_IsTheGovUkDateFormat()
    {
        Assert.Equal("5 January 2026", UkCalendar.InWords(new DateOnly(2026, 1, 5)));
        Assert.Equal("15 February 2027", UkCalendar.InWords(new DateOnly(2027, 2, 15)));
    }
}
