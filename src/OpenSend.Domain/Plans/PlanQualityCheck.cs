namespace OpenSend.Domain.Plans;

public enum DefectSeverity
{
    /// <summary>The plan cannot be issued (draft or final) until it is put right.</summary>
    Error,

    /// <summary>Shown to the caseworker and recorded with the version; does not stop issue.</summary>
    Warning,
}

/// <summary>When a rule applies: to every plan, or only to drafts or only to final plans, or only to a new plan's first draft.</summary>
public enum RuleApplies
{
    Always,
    DraftOnly,
    FinalOnly,

    /// <summary>A new plan's draft (s.38), not the proposed amendments to a plan in force (reg 22(2)), which keep the setting named.</summary>
    NewPlanDraftOnly,
}

/// <summary>One quality rule: its stable code, how serious a breach is, and why it is a rule.</summary>
public sealed record PlanQualityRule(string Code, DefectSeverity Severity, RuleApplies Applies, string Title, string Basis);

/// <summary>One defect found in a plan: which rule, where (section and item), and what to do.</summary>
public sealed record PlanDefect(string RuleCode, DefectSeverity Severity, PlanSection Section, Guid? ItemId, string Message);

/// <summary>What a check needs besides the plan: what is about to be issued, and the child's age.</summary>
public sealed record PlanCheckContext(PlanStatus Issuing, DateOnly ChildDateOfBirth, DateOnly Today, bool Amendment = false);

/// <summary>
/// A versioned set of quality rules. The rules are data: an LA's severity for each can be looked
/// up by code, and a new national template is a new set, not new code.
/// </summary>
public sealed record PlanQualityRuleSet(string Id, IReadOnlyList<PlanQualityRule> Rules)
{
    public PlanQualityRule Rule(string code) => Rules.FirstOrDefault(r => r.Code == code)
        ?? throw new InvalidOperationException($"Quality rule set '{Id}' has no rule '{code}'.");

    /// <summary>The same rules with some severities changed (an LA's own choices).</summary>
    public PlanQualityRuleSet WithSeverity(string code, DefectSeverity severity) =>
        this with { Rules = Rules.Select(r => r.Code == code ? r with { Severity = severity } : r).ToList() };
}

public static class PlanQualityRules
{
    public const string SectionAMissing = "section-a-missing";
    public const string NoPrimaryNeed = "no-primary-need";
    public const string NeedWithoutType = "need-without-type";
    public const string NeedWithoutProvision = "need-without-provision";
    public const string ProvisionWithoutNeed = "provision-without-need";
    public const string OutcomeWithoutProvision = "outcome-without-provision";
    public const string OutcomeWithoutTargetDate = "outcome-without-target-date";
    public const string OutcomeWithoutNeed = "outcome-without-need";
    public const string ProvisionNotQuantified = "provision-not-quantified";
    public const string ProvisionVague = "provision-vague-wording";
    public const string ProvisionWithoutFunder = "provision-without-funder";
    public const string ProvisionWithoutDeliverer = "provision-without-deliverer";
    public const string NoAdulthoodOutcome = "no-adulthood-outcome";
    public const string SettingInDraft = "setting-named-in-draft";
    public const string NoSettingInFinal = "no-setting-in-final";

    private const string CodeOfPractice = "SEND Code of Practice 0 to 25 (2015)";

    /// <summary>The national template's rules (green paper 2022 ch.2: standardised plans with the golden thread).</summary>
    public static PlanQualityRuleSet National { get; } = new("national-2026", [
        new(SectionAMissing, DefectSeverity.Error, RuleApplies.Always, "Section A is empty",
            "SEND Regulations 2014 reg 12(1)(a): the views, interests and aspirations of the child and parents, or the young person"),
        new(NoPrimaryNeed, DefectSeverity.Error, RuleApplies.Always, "No primary special educational need",
            "SEND Regulations 2014 reg 12(1)(b); SEN2 records a need ranked 1"),
        new(NeedWithoutType, DefectSeverity.Warning, RuleApplies.Always, "Special educational need without an SEN2 need type",
            "SEN2 return: each ranked need has a need type"),
        new(NeedWithoutProvision, DefectSeverity.Error, RuleApplies.Always, "Need with no provision",
            $"{CodeOfPractice} 9.69: provision must be detailed for each identified need"),
        new(ProvisionWithoutNeed, DefectSeverity.Error, RuleApplies.Always, "Provision that meets no need",
            $"{CodeOfPractice} 9.69; the golden thread of ehc-plan.md"),
        new(OutcomeWithoutProvision, DefectSeverity.Error, RuleApplies.Always, "Outcome with no provision",
            $"{CodeOfPractice} 9.66: provision is specified to achieve each outcome"),
        new(OutcomeWithoutTargetDate, DefectSeverity.Error, RuleApplies.Always, "Outcome with no target date",
            $"{CodeOfPractice} 9.66: outcomes are specific, measurable and time-bound"),
        new(OutcomeWithoutNeed, DefectSeverity.Warning, RuleApplies.Always, "Outcome not linked to a need",
            "The golden thread: every outcome addresses a need in section B, C or D"),
        new(ProvisionNotQuantified, DefectSeverity.Error, RuleApplies.Always, "Provision not quantified",
            $"{CodeOfPractice} 9.69: provision must be specified and quantified (how often and for how long)"),
        new(ProvisionVague, DefectSeverity.Error, RuleApplies.Always, "Vague wording in provision",
            $"{CodeOfPractice} 9.69: wording such as 'access to' or 'as required' does not specify provision"),
        new(ProvisionWithoutFunder, DefectSeverity.Error, RuleApplies.Always, "Provision with no funder",
            "Green paper 2022 ch.2 para 15: the digital plan records who funds each piece of provision"),
        new(ProvisionWithoutDeliverer, DefectSeverity.Warning, RuleApplies.Always, "Provision with no one named to deliver it",
            $"{CodeOfPractice} 9.69: by whom the provision is made"),
        new(NoAdulthoodOutcome, DefectSeverity.Warning, RuleApplies.Always, "No preparation for adulthood outcome from year 9",
            $"{CodeOfPractice} 8.9–8.12 and 9.61: from year 9, outcomes prepare for adulthood"),
        new(SettingInDraft, DefectSeverity.Error, RuleApplies.NewPlanDraftOnly, "A draft plan names a setting",
            "Children and Families Act 2014 s.38(2)(b)(ii): the draft must not name a school or other institution, or a type"),
        new(NoSettingInFinal, DefectSeverity.Error, RuleApplies.FinalOnly, "The final plan names no setting",
            "SEND Regulations 2014 reg 12(1)(i); Children and Families Act 2014 s.39–40"),
    ]);

    /// <summary>Words that, in provision, signal it is not specified (SEND Code of Practice 9.69 and tribunal practice).</summary>
    public static readonly IReadOnlyList<string> VagueWording =
        ["access to", "as required", "as needed", "as appropriate", "opportunities for", "opportunity to", "regular", "where possible", "if needed", "may benefit"];
}

/// <summary>Runs a rule set over a plan and lists every defect with its section and item.</summary>
public static class PlanQualityCheck
{
    public static IReadOnlyList<PlanDefect> Run(PlanContent plan, PlanCheckContext context, PlanQualityRuleSet? rules = null)
    {
        rules ??= PlanQualityRules.National;
        var defects = new List<PlanDefect>();

        void Flag(string code, PlanSection section, Guid? item, string message)
        {
            var rule = rules.Rule(code);
            var applies = rule.Applies switch
            {
                RuleApplies.DraftOnly => context.Issuing == PlanStatus.Draft,
                RuleApplies.NewPlanDraftOnly => context.Issuing == PlanStatus.Draft && !context.Amendment,
                RuleApplies.FinalOnly => context.Issuing == PlanStatus.Final,
                _ => true,
            };
            if (applies)
            {
                defects.Add(new PlanDefect(code, rule.Severity, section, item, message));
            }
        }

        if (plan.SectionA is null || plan.SectionA.IsEmpty)
        {
            Flag(PlanQualityRules.SectionAMissing, PlanSection.A, null, "Record the views, interests and aspirations of the child or young person and their parents.");
        }

        var sen = plan.NeedsIn(PlanSection.B).ToList();
        if (!sen.Any(n => n.Rank == 1))
        {
            Flag(PlanQualityRules.NoPrimaryNeed, PlanSection.B, null, "Rank one special educational need as the primary need (rank 1).");
        }

        foreach (var need in sen.Where(n => n.NeedType is null))
        {
            Flag(PlanQualityRules.NeedWithoutType, PlanSection.B, need.Id, $"Give the SEN2 need type of '{Short(need.Description)}'.");
        }

        foreach (var need in plan.Needs.Where(n => !plan.Provision.Any(p => p.NeedIds.Contains(n.Id))))
        {
            Flag(PlanQualityRules.NeedWithoutProvision, need.Section, need.Id, $"Add provision that meets '{Short(need.Description)}' (section {need.Section}).");
        }

        foreach (var outcome in plan.Outcomes)
        {
            if (!plan.Provision.Any(p => p.OutcomeIds.Contains(outcome.Id)))
            {
                Flag(PlanQualityRules.OutcomeWithoutProvision, PlanSection.E, outcome.Id, $"Link provision to the outcome '{Short(outcome.Description)}'.");
            }

            if (outcome.TargetDate is null)
            {
                Flag(PlanQualityRules.OutcomeWithoutTargetDate, PlanSection.E, outcome.Id, $"Give the outcome '{Short(outcome.Description)}' a target date.");
            }

            if (outcome.NeedIds.Count == 0)
            {
                Flag(PlanQualityRules.OutcomeWithoutNeed, PlanSection.E, outcome.Id, $"Link the outcome '{Short(outcome.Description)}' to the needs it addresses.");
            }
        }

        foreach (var provision in plan.Provision)
        {
            var what = Short(provision.What);
            if (provision.NeedIds.Count == 0)
            {
                Flag(PlanQualityRules.ProvisionWithoutNeed, provision.Section, provision.Id, $"Link '{what}' to the need it meets.");
            }

            if (string.IsNullOrWhiteSpace(provision.Frequency) || string.IsNullOrWhiteSpace(provision.Duration))
            {
                var missing = string.IsNullOrWhiteSpace(provision.Frequency) && string.IsNullOrWhiteSpace(provision.Duration) ? "how often and for how long"
                    : string.IsNullOrWhiteSpace(provision.Frequency) ? "how often" : "for how long";
                Flag(PlanQualityRules.ProvisionNotQuantified, provision.Section, provision.Id, $"Say {missing} '{what}' is provided.");
            }

            var text = string.Join(' ', provision.What, provision.Frequency, provision.Duration);
            var vague = PlanQualityRules.VagueWording.Where(w => ContainsPhrase(text, w)).ToList();
            if (vague.Count > 0)
            {
                Flag(PlanQualityRules.ProvisionVague, provision.Section, provision.Id,
                    $"Replace {string.Join(" and ", vague.Select(v => $"'{v}'"))} in '{what}' with exactly what is provided, how often and for how long.");
            }

            if (provision.FundedBy is null)
            {
                Flag(PlanQualityRules.ProvisionWithoutFunder, provision.Section, provision.Id, $"Say who funds '{what}': education, health or social care.");
            }

            if (string.IsNullOrWhiteSpace(provision.DeliveredBy))
            {
                Flag(PlanQualityRules.ProvisionWithoutDeliverer, provision.Section, provision.Id, $"Say who delivers '{what}'.");
            }
        }

        // Year 9 is the school year in which a child in their usual year group turns 14.
        if (SchoolYear.Of(context.ChildDateOfBirth, context.Today) >= 9 && !plan.Outcomes.Any(o => o.PreparingForAdulthood is not null))
        {
            Flag(PlanQualityRules.NoAdulthoodOutcome, PlanSection.E, null,
                "Add at least one outcome preparing for adulthood (employment, independent living, community inclusion or good health).");
        }

        if (plan.SectionI is not null)
        {
            Flag(PlanQualityRules.SettingInDraft, PlanSection.I, null, "Leave section I empty in the draft; name the setting in the final plan after the family's representations.");
        }
        else
        {
            Flag(PlanQualityRules.NoSettingInFinal, PlanSection.I, null, "Name the school or other institution, or the type of setting, in section I.");
        }

        return defects;
    }

    private static bool ContainsPhrase(string text, string phrase)
    {
        var index = 0;
        while ((index = text.IndexOf(phrase, index, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            var before = index == 0 || !char.IsLetter(text[index - 1]);
            var after = index + phrase.Length == text.Length || !char.IsLetter(text[index + phrase.Length]);
            if (before && after)
            {
                return true;
            }

            index += phrase.Length;
        }

        return false;
    }

    private static string Short(string text) => text.Length <= 60 ? text : text[..57].TrimEnd() + "...";
}

/// <summary>National curriculum year groups by age (the year a child is in if in their usual cohort).</summary>
public static class SchoolYear
{
    /// <summary>
    /// The year group on <paramref name="on"/>: reception is 0, year 1 is 1. A child starts
    /// reception in the September after their 4th birthday (a school year runs 1 September to 31 August).
    /// </summary>
    public static int Of(DateOnly dateOfBirth, DateOnly on)
    {
        var schoolYearStarting = on.Month >= 9 ? on.Year : on.Year - 1;
        var cohortYear = dateOfBirth.Month >= 9 ? dateOfBirth.Year + 1 : dateOfBirth.Year;
        return schoolYearStarting - cohortYear - 4;
    }
}
