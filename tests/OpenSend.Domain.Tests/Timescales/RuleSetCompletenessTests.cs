using OpenSend.Domain.Assessments;
using OpenSend.Domain.Timescales;

namespace OpenSend.Domain.Tests.Timescales;

/// <summary>Every rule set is complete: each step has a legal basis and each pathway clock a rule.</summary>
public class RuleSetCompletenessTests
{
    public static TheoryData<string> RuleSetIds => new(RuleSetCatalogue.All.Select(r => r.Id));

    [Theory]
    [MemberData(nameof(RuleSetIds))]
    public void EveryStep_HasItsOwnLegalBasis(string id)
    {
        var rules = RuleSetCatalogue.Get(id);

        Assert.All(Enum.GetValues<PathwayAction>(), action => Assert.True(rules.ActionBasis.ContainsKey(action), $"{id} has no basis for {action}"));
    }

    [Theory]
    [MemberData(nameof(RuleSetIds))]
    public void EveryTimeLimit_CitesItsSource_AndHasFamilyWordingForTheDate(string id)
    {
        var rules = RuleSetCatalogue.Get(id);

        // Reg 18's dates depend on the kind of transfer, so they are the phase transfer rules below.
        Assert.All(Enum.GetValues<StatutoryStep>().Where(s => s != StatutoryStep.PhaseTransferAmendment), step => Assert.Contains(rules.Deadlines, d => d.Step == step));
        Assert.All(rules.Deadlines, d =>
        {
            Assert.Matches(@"reg \d+|s\.\d+|Devon|r\.\d+|SI \d{4}/\d+", d.Basis);
            Assert.Contains("{0}", d.Duty);
        });
        Assert.All(Enum.GetValues<PhaseTransferKind>(), kind => Assert.Contains(rules.PhaseTransfers, p => p.Kind == kind));
        Assert.All(rules.PhaseTransfers, p => Assert.Matches(@"reg 18\(\d\)", p.Basis));
    }

    [Fact]
    public void TheExceptionGrounds_ExcuseOnlyTheLimitsTheirRegulationsCover()
    {
        var rules = RuleSetCatalogue.SendRegulations2014;

        Assert.Equal([StatutoryStep.AdviceProvided], rules.Ground(ExceptionReason.MissedAppointment).BasisByStep.Keys);
        Assert.Equal("SEND Regulations 2014 reg 5(4)(c)", rules.Ground(ExceptionReason.ExceptionalPersonalCircumstances).BasisByStep[StatutoryStep.DecisionToAssess]);

        // Reg 8(2): an adviser is excused for (a) exceptional personal circumstances, (b) 4 weeks away, (c) an appointment not kept; never for a closure.
        Assert.Equal("SEND Regulations 2014 reg 8(2)(a)", rules.Ground(ExceptionReason.ExceptionalPersonalCircumstances).BasisByStep[StatutoryStep.AdviceProvided]);
        Assert.Equal("SEND Regulations 2014 reg 8(2)(b)", rules.Ground(ExceptionReason.AbsentFromArea).BasisByStep[StatutoryStep.AdviceProvided]);
        Assert.Equal("SEND Regulations 2014 reg 8(2)(c)", rules.Ground(ExceptionReason.MissedAppointment).BasisByStep[StatutoryStep.AdviceProvided]);
        Assert.False(rules.Ground(ExceptionReason.SchoolOrCollegeClosure).Excuses(StatutoryStep.AdviceProvided));
        Assert.False(rules.Ground(ExceptionReason.EarlyYearsProviderClosure).Excuses(StatutoryStep.AdviceProvided));
    }
}
