using OpenSend.Domain.Common;
using OpenSend.Domain.Timescales;

namespace OpenSend.Domain.Tests.Redress;

/// <summary>The redress clocks of section 3 of ../shared/spec/statutory-timescales.md, each date worked out by hand.</summary>
public sealed class RedressClockTests
{
    private static readonly StatutoryRuleSet Rules = RuleSetCatalogue.SendRegulations2014;

    private static DateOnly D(string date) => DateOnly.Parse(date);

    [Theory]
    [InlineData("2026-03-16", "2026-05-18")] // 16 May 2026 is a Saturday: the next working day (HESC r.12(2))
    [InlineData("2026-06-10", "2026-09-01")] // ends 10 August: the first working day of September (r.12(3))
    [InlineData("2026-06-30", "2026-09-01")] // ends Sunday 30 August
    [InlineData("2026-10-25", "2027-01-04")] // ends Christmas Day: after 1 January, past the weekend of 2–3 January
    [InlineData("2026-12-31", "2027-03-01")] // no 31 February; 28 February 2027 is a Sunday
    [InlineData("2027-12-30", "2028-02-29")] // a leap year's 29 February, a Tuesday
    [InlineData("2026-03-02", "2026-05-05")] // 2 May is a Saturday and 4 May the early May bank holiday
    [InlineData("2027-01-26", "2027-03-30")] // 26 March 2027 is Good Friday; Easter Monday follows the weekend
    [InlineData("2026-03-10", "2026-05-11")] // 10 May 2026 is a Sunday
    [InlineData("2026-02-05", "2026-04-07")] // 5 April 2026 is Easter Sunday, 6 April Easter Monday
    public void AnAppeal_IsDueTwoMonthsFromTheDecision_MovedOutOfDaysTheTribunalDoesNotCount(string decided, string appealBy)
    {
        Assert.Equal(D(appealBy), Rules.AppealBy(D(decided)));
    }

    [Theory]
    [InlineData("2026-03-02", "2026-04-20", "2026-05-20")] // the certificate's month ends later
    [InlineData("2026-03-02", "2026-03-20", "2026-05-05")] // the decision's 2 months end later
    [InlineData("2026-06-01", "2026-07-15", "2026-09-01")] // 15 August: into September
    public void AMediationCertificate_GivesAMonthFromItsDate_WhenThatIsLater(string decided, string certificate, string appealBy)
    {
        Assert.Equal(D(appealBy), Rules.AppealBy(D(decided), D(certificate)));
    }

    [Theory]
    [InlineData("2026-07-20", "2026-09-29")] // 9 working days in July, none in August, 21 in September
    [InlineData("2026-12-01", "2027-01-20")] // 17 days to Christmas Eve, none from 25 December to 1 January, 13 in January
    public void TheCouncilsResponse_IsDueIn30TribunalWorkingDays(string sent, string due)
    {
        Assert.Equal(D(due), Rules.Rule(StatutoryStep.AppealResponseBy, ClockAnchor.AppealSentToCouncil).DueFrom(D(sent)));
    }

    [Theory]
    [InlineData("2026-04-02", "2026-04-09")] // Good Friday 3 April and Easter Monday 6 April are not working days
    [InlineData("2026-12-23", "2026-12-30")] // Christmas Day and Monday 28 December (Boxing Day's substitute) are not
    [InlineData("2026-06-10", "2026-06-15")] // Wednesday: Thursday, Friday, Monday
    public void AMediationCertificate_IsDueWithin3WorkingDays(string from, string due)
    {
        Assert.Equal(D(due), Rules.Rule(StatutoryStep.MediationCertificateBy, ClockAnchor.MediationInformation).DueFrom(D(from)));
        Assert.Equal(D(due), Rules.Rule(StatutoryStep.MediationCertificateBy, ClockAnchor.MediationEnded).DueFrom(D(from)));
    }

    [Fact]
    public void Mediation_IsHeldWithin30DaysOfTheCouncilBeingTold_AndWhatTheTribunalCouldNotOrderIsDoneIn2Weeks()
    {
        Assert.Equal(D("2026-05-31"), Rules.Rule(StatutoryStep.MediationBy, ClockAnchor.MediationWanted).DueFrom(D("2026-05-01")));
        Assert.Equal(D("2027-01-06"), Rules.Rule(StatutoryStep.MediationAgreementBy, ClockAnchor.MediationEnded).DueFrom(D("2026-12-23")));
        Assert.EndsWith("reg 37", Rules.Rule(StatutoryStep.MediationBy, ClockAnchor.MediationWanted).Basis);
        Assert.EndsWith("reg 42", Rules.Rule(StatutoryStep.MediationAgreementBy, ClockAnchor.MediationEnded).Basis);
    }

    [Fact]
    public void AnOrderToAssess_Gives2WeeksToNotify_10ToRefuseAPlan_And14ForTheFinalPlan_AcrossTheYearEnd()
    {
        var deadlines = Rules.DeadlinesFrom(ClockAnchor.OrderToAssess, D("2026-11-20"));

        Assert.Equal(
            [(StatutoryStep.NotifyBy, D("2026-12-04")), (StatutoryStep.DecisionNotToIssueBy, D("2027-01-29")), (StatutoryStep.FinalPlanBy, D("2027-02-26"))],
            deadlines.Select(d => (d.Step, d.Due)));
        Assert.All(deadlines, d => Assert.EndsWith("reg 44(2)(b)", d.Basis));
    }

    [Fact]
    public void AnOrderToMakeAPlan_Gives5WeeksForTheDraft_And11ForTheFinal_AcrossALeapDay()
    {
        var deadlines = Rules.DeadlinesFrom(ClockAnchor.OrderToMakePlan, D("2028-01-20"));

        Assert.Equal([(StatutoryStep.DraftPlanBy, D("2028-02-24")), (StatutoryStep.FinalPlanBy, D("2028-04-06"))], deadlines.Select(d => (d.Step, d.Due)));
        Assert.All(deadlines, d => Assert.EndsWith("reg 44(2)(c)", d.Basis));
    }

    [Fact]
    public void AnOrderToAmend_Gives5Weeks_AndOneNamingASettingOnly2Weeks()
    {
        Assert.Equal(D("2027-02-01"), Rules.DeadlinesFrom(ClockAnchor.OrderToAmend, D("2026-12-28")).Single().Due);
        Assert.Equal(D("2027-01-11"), Rules.DeadlinesFrom(ClockAnchor.OrderToNameSetting, D("2026-12-28")).Single().Due);
    }

    [Fact]
    public void AnUnopposedAppeal_HasTheOrdersShape_CountedFromTheCouncilsNotice_UnderReg45()
    {
        var assess = Rules.DeadlinesFrom(ClockAnchor.UnopposedRefusalToAssess, D("2026-11-20"));
        var issue = Rules.DeadlinesFrom(ClockAnchor.UnopposedRefusalToIssue, D("2028-01-20"));

        Assert.Equal([D("2026-12-04"), D("2027-01-29"), D("2027-02-26")], assess.Select(d => d.Due));
        Assert.Equal([D("2028-02-24"), D("2028-04-06")], issue.Select(d => d.Due));
        Assert.All(assess.Concat(issue), d => Assert.EndsWith("reg 45", d.Basis));
    }

    [Fact]
    public void ATribunalsRecommendation_IsAnsweredWithin5Weeks()
    {
        Assert.Equal(D("2026-07-06"), Rules.Rule(StatutoryStep.ResponseBy, ClockAnchor.TribunalRecommendation).DueFrom(D("2026-06-01")));
    }

    [Theory]
    [InlineData("2026-01-01")]
    [InlineData("2026-04-03")]
    [InlineData("2026-04-06")]
    [InlineData("2026-05-04")]
    [InlineData("2026-05-25")]
    [InlineData("2026-08-31")]
    [InlineData("2026-12-25")]
    [InlineData("2026-12-28")] // Boxing Day is a Saturday: its substitute is Monday 28th
    [InlineData("2027-12-27")] // Christmas Day is a Saturday: Monday 27th and Tuesday 28th
    [InlineData("2027-12-28")]
    [InlineData("2022-09-19")] // the State Funeral, by proclamation
    [InlineData("2020-05-08")] // early May moved to VE Day
    [InlineData("2028-01-03")] // 1 January 2028 is a Saturday
    public void BankHolidays_InEnglandAndWales(string date)
    {
        Assert.True(BankHolidays.IsBankHoliday(D(date)));
    }

    [Theory]
    [InlineData("2020-05-04")] // moved to 8 May that year
    [InlineData("2026-12-24")]
    [InlineData("2027-01-02")]
    [InlineData("2022-05-30")] // moved to 2 June for the Platinum Jubilee
    public void NotBankHolidays(string date)
    {
        Assert.False(BankHolidays.IsBankHoliday(D(date)));
    }
}
