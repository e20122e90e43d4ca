using OpenSend.Domain.Plans;

namespace OpenSend.Domain.Tests.Plans;

public class PlanQualityCheckTests
{
    [Fact]
    public void Run_OnAPlanThatKeepsTheGoldenThread_FindsNothing()
    {
        Assert.Empty(PlanQualityCheck.Run(SmallPlan.Draft(), SmallPlan.Issuing(PlanStatus.Draft)));
        Assert.Empty(PlanQualityCheck.Run(SmallPlan.Final(), SmallPlan.Issuing(PlanStatus.Final)));
    }

    public static TheoryData<string, string, PlanSection, string> Breaches() => new()
    {
        { PlanQualityRules.SectionAMissing, "no section A", PlanSection.A, "Record the views" },
        { PlanQualityRules.NoPrimaryNeed, "need unranked", PlanSection.B, "Rank one special educational need" },
        { PlanQualityRules.NeedWithoutType, "need without type", PlanSection.B, "Give the SEN2 need type" },
        { PlanQualityRules.NeedWithoutProvision, "extra health need", PlanSection.C, "Add provision that meets 'Epilepsy" },
        { PlanQualityRules.ProvisionWithoutNeed, "provision unlinked", PlanSection.F, "Link 'Small-group social communication programme' to the need it meets" },
        { PlanQualityRules.OutcomeWithoutProvision, "extra outcome", PlanSection.E, "Link provision to the outcome 'Ada will read" },
        { PlanQualityRules.OutcomeWithoutTargetDate, "outcome undated", PlanSection.E, "a target date" },
        { PlanQualityRules.OutcomeWithoutNeed, "outcome unlinked", PlanSection.E, "Link the outcome" },
        { PlanQualityRules.ProvisionNotQuantified, "no frequency", PlanSection.F, "Say how often 'Small-group" },
        { PlanQualityRules.ProvisionVague, "as required", PlanSection.F, "Replace 'as required'" },
        { PlanQualityRules.ProvisionWithoutFunder, "no funder", PlanSection.F, "Say who funds" },
        { PlanQualityRules.ProvisionWithoutDeliverer, "no deliverer", PlanSection.F, "Say who delivers" },
    };

    [Theory]
    [MemberData(nameof(Breaches))]
    public void Run_OnAPlanBreakingOneRule_ListsThatDefectWithItsSection(string rule, string breach, PlanSection section, string message)
    {
        var plan = Break(SmallPlan.Draft(), breach);

        var defects = PlanQualityCheck.Run(plan, SmallPlan.Issuing(PlanStatus.Draft));

        var defect = Assert.Single(defects, d => d.RuleCode == rule);
        Assert.Equal(section, defect.Section);
        Assert.Contains(message, defect.Message);
        Assert.Equal(PlanQualityRules.National.Rule(rule).Severity, defect.Severity);
    }

    [Theory]
    [InlineData("access to a quiet space", true)]
    [InlineData("Opportunities for sensory breaks", true)]
    [InlineData("regular check-ins", true)]
    [InlineData("irregular verbs practice", false)] // a vague word inside another word is not vague
    [InlineData("Access arrangements for exams", false)]
    public void Run_FlagsVagueWordingAsWholePhrases(string what, bool flagged)
    {
        var plan = SmallPlan.Draft().WithProvision(SmallPlan.Draft().Provision[0] with { What = what });

        var defects = PlanQualityCheck.Run(plan, SmallPlan.Issuing(PlanStatus.Draft));

        Assert.Equal(flagged, defects.Any(d => d.RuleCode == PlanQualityRules.ProvisionVague));
    }

    [Fact]
    public void Run_OnADraftNamingASetting_IsAnError_AndAFinalWithoutOneIsToo()
    {
        var draft = PlanQualityCheck.Run(SmallPlan.Final(), SmallPlan.Issuing(PlanStatus.Draft));
        var final = PlanQualityCheck.Run(SmallPlan.Draft(), SmallPlan.Issuing(PlanStatus.Final));

        Assert.Equal(PlanQualityRules.SettingInDraft, Assert.Single(draft).RuleCode);
        Assert.Equal(PlanQualityRules.NoSettingInFinal, Assert.Single(final).RuleCode);
    }

    [Theory]
    [InlineData("2012-09-01", false)] // the oldest in year 8 on 15 June 2026
    [InlineData("2012-08-31", true)] // the youngest in year 9: turns 14 on the last day of the school year
    [InlineData("2011-09-01", true)] // the oldest in year 9
    [InlineData("2008-01-10", true)]
    public void Run_FromYear9_WantsAPreparationForAdulthoodOutcome(string dateOfBirth, bool wanted)
    {
        var defects = PlanQualityCheck.Run(SmallPlan.Draft(), SmallPlan.Issuing(PlanStatus.Draft, DateOnly.Parse(dateOfBirth)));

        Assert.Equal(wanted, defects.Any(d => d.RuleCode == PlanQualityRules.NoAdulthoodOutcome));
    }

    [Fact]
    public void Run_WithAnLasOwnSeverity_ReportsItsSeverity()
    {
        var rules = PlanQualityRules.National.WithSeverity(PlanQualityRules.ProvisionWithoutDeliverer, DefectSeverity.Error);

        var defects = PlanQualityCheck.Run(Break(SmallPlan.Draft(), "no deliverer"), SmallPlan.Issuing(PlanStatus.Draft), rules);

        Assert.Equal(DefectSeverity.Error, Assert.Single(defects).Severity);
    }

    [Theory]
    [InlineData(2018, 3, 14, 2026, 6, 15, 3)]
    [InlineData(2017, 9, 1, 2026, 9, 1, 4)] // oldest of their cohort, first day of the school year
    [InlineData(2018, 8, 31, 2026, 8, 31, 3)] // youngest, last day of the school year
    [InlineData(2022, 1, 1, 2026, 9, 2, 0)] // reception
    public void SchoolYear_IsCountedFromTheSeptemberAfterTheFourthBirthday(int y, int m, int d, int onY, int onM, int onD, int year)
    {
        Assert.Equal(year, SchoolYear.Of(new DateOnly(y, m, d), new DateOnly(onY, onM, onD)));
    }

    internal static PlanContent Break(PlanContent plan, string breach)
    {
        var need = plan.Needs[0];
        var outcome = plan.Outcomes[0];
        var provision = plan.Provision[0];
        return breach switch
        {
            "no section A" => plan with { SectionA = null },
            "need unranked" => plan.WithNeed(need with { Rank = null }),
            "need without type" => plan.WithNeed(need with { NeedType = null }),
            "extra health need" => plan.WithNeed(new PlanNeed(Guid.NewGuid(), PlanSection.C, "Epilepsy, with seizures at night")),
            "provision unlinked" => plan.WithProvision(provision with { NeedIds = [] }),
            "extra outcome" => plan.WithOutcome(new PlanOutcome(Guid.NewGuid(), "Ada will read a short book on her own", new DateOnly(2027, 7, 23), [need.Id])),
            "outcome undated" => plan.WithOutcome(outcome with { TargetDate = null }),
            "outcome unlinked" => plan.WithOutcome(outcome with { NeedIds = [] }),
            "no frequency" => plan.WithProvision(provision with { Frequency = " " }),
            "as required" => plan.WithProvision(provision with { Duration = "as required" }),
            "no funder" => plan.WithProvision(provision with { FundedBy = null }),
            "no deliverer" => plan.WithProvision(provision with { DeliveredBy = null }),
            _ => throw new ArgumentOutOfRangeException(nameof(breach)),
        };
    }
}
