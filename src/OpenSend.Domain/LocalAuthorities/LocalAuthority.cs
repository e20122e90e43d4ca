using OpenSend.Domain.Timescales;

namespace OpenSend.Domain.LocalAuthorities;

/// <summary>
/// An English local authority with education and SEND duties (153 of them; 3-digit DfE code, e.g.
/// 886 Kent), and the rules it runs: the law, or the green paper's proposals from a date.
/// </summary>
public sealed class LocalAuthority
{
    private LocalAuthority()
    {
        Code = GssCode = Name = RegionCode = RegionName = string.Empty;
    }

    public LocalAuthority(string code, string gssCode, string name, string regionCode, string regionName)
    {
        Code = code;
        GssCode = gssCode;
        Name = name;
        RegionCode = regionCode;
        RegionName = regionName;
    }

    /// <summary>The DfE's 3-digit LA code ("old_la_code" in DfE statistics), the tenant key.</summary>
    public string Code { get; private set; }

    /// <summary>The ONS (GSS) code, e.g. E10000016.</summary>
    public string GssCode { get; private set; }

    public string Name { get; private set; }

    public string RegionCode { get; private set; }

    public string RegionName { get; private set; }

    /// <summary>A rule set the area runs instead of the law's defaults, and from when (system.md capability 1).</summary>
    public string? AdoptedRuleSetId { get; private set; }

    public DateOnly? AdoptedRuleSetFrom { get; private set; }

    public LocalRuleAdoption? RuleAdoption =>
        AdoptedRuleSetId is { } id && AdoptedRuleSetFrom is { } from ? new LocalRuleAdoption(id, from) : null;

    public StatutoryRuleSet RuleSetForClockStart(DateOnly clockStart) => RuleSetCatalogue.ForClockStart(clockStart, RuleAdoption);

    /// <summary>Switches the area to a non-statutory rule set for clocks that start on or after <paramref name="from"/>.</summary>
    public void AdoptRuleSet(string ruleSetId, DateOnly from)
    {
        var ruleSet = RuleSetCatalogue.Get(ruleSetId);
        if (!ruleSet.AppliesOnlyWhereAdopted || from < ruleSet.EffectiveFrom)
        {
            throw new Common.StepRefusedException("rule-set-not-adoptable",
                $"{ruleSet.Name} cannot be adopted from {Common.UkCalendar.InWords(from)}.");
        }

        AdoptedRuleSetId = ruleSetId;
        AdoptedRuleSetFrom = from;
    }
}
