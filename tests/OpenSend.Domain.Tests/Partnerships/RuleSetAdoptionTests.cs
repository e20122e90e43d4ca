using OpenSend.Domain.Common;
using OpenSend.Domain.LocalAuthorities;
using OpenSend.Domain.Partnerships;
using OpenSend.Domain.Timescales;

namespace OpenSend.Domain.Tests.Partnerships;

/// <summary>Issue 24: an area runs the green paper's rules only by the DfE's dated decision, never back in time, and a clock keeps the rules it started under.</summary>
public sealed class RuleSetAdoptionTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);

    private static LocalAuthority Kent() => new("886", "E10000016", "Kent", "E12000008", "South East");

    [Fact]
    public void TheDecision_SwitchesTheAreasRules_ForClocksStartingFromItsDate()
    {
        var kent = Kent();

        var adopted = RuleSetAdoption.Decide(kent, RuleSetCatalogue.GreenPaper2022Id, new DateOnly(2027, 1, 4), " The SEND change programme's second wave. ", "Ruth Okafor", Now);

        Assert.Equal(("886", "The SEND change programme's second wave.", "Ruth Okafor"), (adopted.LaCode, adopted.Reason, adopted.DecidedBy));
        Assert.Equal(RuleSetCatalogue.SendRegulations2014Id, kent.RuleSetForClockStart(new DateOnly(2027, 1, 3)).Id);
        Assert.Equal(RuleSetCatalogue.GreenPaper2022Id, kent.RuleSetForClockStart(new DateOnly(2027, 1, 4)).Id);
    }

    [Theory]
    [InlineData(RuleSetCatalogue.GreenPaper2022Id, "2026-12-06", "A pilot.", "adoption-in-the-past")]
    [InlineData(RuleSetCatalogue.SendRegulations2014Id, "2027-01-04", "A pilot.", "rule-set-not-adoptable")]
    [InlineData("no-such-rules", "2027-01-04", "A pilot.", "rule-set-not-adoptable")]
    [InlineData(RuleSetCatalogue.GreenPaper2022Id, "2027-01-04", "  ", "reason-missing")]
    public void ADecisionThatCannotStand_IsRefused_AndTheAreaKeepsItsRules(string ruleSetId, string from, string reason, string code)
    {
        var kent = Kent();

        var refused = Assert.Throws<StepRefusedException>(() => RuleSetAdoption.Decide(kent, ruleSetId, DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), reason, "Ruth Okafor", Now));

        Assert.Equal(code, refused.Code);
        Assert.Null(kent.RuleAdoption);
    }
}
