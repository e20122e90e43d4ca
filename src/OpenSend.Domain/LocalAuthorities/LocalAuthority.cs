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

    /// <summary>How often, in months, plans of children under 5 are reviewed (the CoP's 3 to 6 months, 9.178); 6 unless the LA sets it.</summary>
    public int UnderFivesReviewMonths { get; private set; } = Reviews.ReviewSchedule.LongestUnderFivesInterval;

    public void SetUnderFivesReviewMonths(int months)
    {
        if (months is < Reviews.ReviewSchedule.ShortestUnderFivesInterval or > Reviews.ReviewSchedule.LongestUnderFivesInterval)
        {
            throw new Common.StepRefusedException("under-fives-interval",
                $"The review interval for children under 5 must be between {Reviews.ReviewSchedule.ShortestUnderFivesInterval} and {Reviews.ReviewSchedule.LongestUnderFivesInterval} months (SEND Code of Practice 9.178).");
        }

        UnderFivesReviewMonths = months;
    }

    /// <summary>The longest and shortest times a council may state for deciding on a request for an early review.</summary>
    public const int FewestEarlyReviewDecisionDays = 5;
    public const int MostEarlyReviewDecisionDays = 28;

    /// <summary>
    /// How many days the council gives itself to decide on a request for an early review. The law
    /// sets none; 15 unless the council states otherwise, as for a request to re-assess (reg 24).
    /// </summary>
    public int EarlyReviewDecisionDays { get; private set; } = 15;

    public void SetEarlyReviewDecisionDays(int days)
    {
        if (days is < FewestEarlyReviewDecisionDays or > MostEarlyReviewDecisionDays)
        {
            throw new Common.StepRefusedException("early-review-days",
                $"The time to decide on a request for an early review must be between {FewestEarlyReviewDecisionDays} and {MostEarlyReviewDecisionDays} days.");
        }

        EarlyReviewDecisionDays = days;
    }

    /// <summary>The longest a council may give itself to answer each stage of a complaint, in working days.</summary>
    public const int MostComplaintWorkingDays = 65;

    /// <summary>
    /// The council's own time limits for its complaints procedure, in working days: the law leaves each
    /// council to set them (Local Government and Social Care Ombudsman guidance expects a clear, short
    /// procedure); 10 and 20 unless the council states otherwise.
    /// </summary>
    public int ComplaintStageOneWorkingDays { get; private set; } = 10;

    public int ComplaintStageTwoWorkingDays { get; private set; } = 20;

    public void SetComplaintWorkingDays(int stageOne, int stageTwo)
    {
        if (stageOne is < 1 or > MostComplaintWorkingDays || stageTwo is < 1 or > MostComplaintWorkingDays)
        {
            throw new Common.StepRefusedException("complaint-days", $"Each stage's time limit must be between 1 and {MostComplaintWorkingDays} working days.");
        }

        ComplaintStageOneWorkingDays = stageOne;
        ComplaintStageTwoWorkingDays = stageTwo;
    }

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
