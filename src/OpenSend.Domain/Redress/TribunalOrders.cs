using System.Text.Json;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Timescales;

namespace OpenSend.Domain.Redress;

/// <summary>What the First-tier Tribunal (SEND) orders when it decides an appeal (s.51(4); reg 44(2)).</summary>
public enum TribunalOrderKind
{
    /// <summary>Make an EHC needs assessment (reg 44(2)(b)).</summary>
    Assess,

    /// <summary>Make a re-assessment (reg 44(2)(b)).</summary>
    Reassess,

    /// <summary>Make and maintain a plan (reg 44(2)(c)).</summary>
    MakePlan,

    /// <summary>Amend the sections of the plan the order names (reg 44(2): 5 weeks).</summary>
    Amend,

    /// <summary>Name another school or institution, or type, only (reg 44(2): 2 weeks).</summary>
    NameSetting,

    /// <summary>Continue to maintain the plan the council decided to cease (reg 44(2): immediately).</summary>
    ContinueToMaintain,

    /// <summary>The appeal is dismissed: the decision stands (a plan to cease ceases at once, reg 44(2)(a)).</summary>
    Dismiss,
}

/// <summary>The appeals that reg 45 gives clocks when the council tells the tribunal it will not oppose them.</summary>
public enum UnopposedAppealKind
{
    RefusalToAssess,
    RefusalToReassess,
    RefusalToIssue,
    Contents,
    NameSetting,
}

public static class TribunalOrderText
{
    public static string Key(this TribunalOrderKind kind) => JsonNamingPolicy.KebabCaseLower.ConvertName(kind.ToString());

    public static string Key(this UnopposedAppealKind kind) => JsonNamingPolicy.KebabCaseLower.ConvertName(kind.ToString());

    /// <summary>What starts the order's clocks, or null for an order carried out at once (continue to maintain, dismiss).</summary>
    public static ClockAnchor? Anchor(this TribunalOrderKind kind) => kind switch
    {
        TribunalOrderKind.Assess or TribunalOrderKind.Reassess => ClockAnchor.OrderToAssess,
        TribunalOrderKind.MakePlan => ClockAnchor.OrderToMakePlan,
        TribunalOrderKind.Amend => ClockAnchor.OrderToAmend,
        TribunalOrderKind.NameSetting => ClockAnchor.OrderToNameSetting,
        _ => null,
    };

    public static ClockAnchor Anchor(this UnopposedAppealKind kind) => kind switch
    {
        UnopposedAppealKind.RefusalToAssess or UnopposedAppealKind.RefusalToReassess => ClockAnchor.UnopposedRefusalToAssess,
        UnopposedAppealKind.RefusalToIssue => ClockAnchor.UnopposedRefusalToIssue,
        UnopposedAppealKind.Contents => ClockAnchor.UnopposedContents,
        _ => ClockAnchor.UnopposedNameSetting,
    };

    public static string Title(this TribunalOrderKind kind) => kind switch
    {
        TribunalOrderKind.Assess => "Carry out an EHC needs assessment",
        TribunalOrderKind.Reassess => "Carry out a re-assessment",
        TribunalOrderKind.MakePlan => "Make and maintain an EHC plan",
        TribunalOrderKind.Amend => "Amend the plan",
        TribunalOrderKind.NameSetting => "Name a different school or college",
        TribunalOrderKind.ContinueToMaintain => "Continue to maintain the plan",
        _ => "Appeal dismissed",
    };

    /// <summary>The orders a tribunal can make on an appeal against <paramref name="decision"/> (s.51(4)), beside dismissing it.</summary>
    public static IReadOnlyList<TribunalOrderKind> OrdersFor(AppealableDecision decision) => decision switch
    {
        AppealableDecision.NotToAssess => [TribunalOrderKind.Assess],
        AppealableDecision.NotToReassess => [TribunalOrderKind.Reassess],
        AppealableDecision.NotToIssue => [TribunalOrderKind.MakePlan],
        AppealableDecision.FinalPlanContents or AppealableDecision.AmendedPlanContents => [TribunalOrderKind.Amend, TribunalOrderKind.NameSetting],
        AppealableDecision.NotToAmend or AppealableDecision.NotToAmendAfterNotice => [TribunalOrderKind.Amend],
        _ => [TribunalOrderKind.ContinueToMaintain, TribunalOrderKind.Amend],
    };

    /// <summary>Reg 45's clocks for an appeal the council will not oppose, or null where reg 45 gives none (ceasing: the plan simply continues).</summary>
    public static UnopposedAppealKind? UnopposedKind(AppealableDecision decision, bool sectionIOnly) => decision switch
    {
        AppealableDecision.NotToAssess => UnopposedAppealKind.RefusalToAssess,
        AppealableDecision.NotToReassess => UnopposedAppealKind.RefusalToReassess,
        AppealableDecision.NotToIssue => UnopposedAppealKind.RefusalToIssue,
        AppealableDecision.FinalPlanContents or AppealableDecision.AmendedPlanContents => sectionIOnly ? UnopposedAppealKind.NameSetting : UnopposedAppealKind.Contents,
        AppealableDecision.NotToAmend or AppealableDecision.NotToAmendAfterNotice => UnopposedAppealKind.Contents,
        _ => null,
    };
}

/// <summary>
/// One order (or unopposed appeal) the council must carry out on a case, with the day its clocks
/// started and the day each step was done. Kept on the case (<see cref="EhcCase.Orders"/>) so its
/// clocks are part of the case's own (<see cref="PathwayClocks"/>) and its next deadline.
/// </summary>
public sealed record OrderClock(
    ClockAnchor Anchor,
    DateOnly From,
    string What,
    DateOnly? NotifiedOn = null,
    DateOnly? NotIssuingOn = null,
    DateOnly? DraftServedOn = null,
    DateOnly? FinalPlanOn = null,
    DateOnly? AmendedPlanOn = null)
{
    /// <summary>Whether every step the order asks for is done (or no longer needed).</summary>
    public bool IsCarriedOut => Anchor switch
    {
        ClockAnchor.OrderToAssess or ClockAnchor.UnopposedRefusalToAssess => NotIssuingOn is not null || FinalPlanOn is not null,
        ClockAnchor.OrderToMakePlan or ClockAnchor.UnopposedRefusalToIssue => FinalPlanOn is not null,
        _ => AmendedPlanOn is not null,
    };

    /// <summary>Where each of the order's deadlines stands on <paramref name="today"/>; a recorded reg 44(3) exception marks a breach excused.</summary>
    public IEnumerable<DeadlineProgress> Evaluate(StatutoryRuleSet rules, IReadOnlyList<ExceptionClockFacts> exceptions, DateOnly today)
    {
        foreach (var rule in rules.Deadlines.Where(d => d.Anchor == Anchor))
        {
            var deadline = new StatutoryDeadline(rule.Step, rule.DueFrom(From), rule.Title, rule.Duty, rule.Basis);
            (DateOnly? done, string? notNeeded) = rule.Step switch
            {
                // A draft or a decision the family is sent also tells them, if late, that the assessment was made.
                StatutoryStep.NotifyBy => (NotifiedOn ?? new[] { DraftServedOn, NotIssuingOn, FinalPlanOn }.Min(), null),
                StatutoryStep.DecisionNotToIssueBy => (NotIssuingOn, FinalPlanOn is not null || DraftServedOn is not null ? "The council is issuing a plan." : null),
                StatutoryStep.FinalPlanBy => (FinalPlanOn, NotIssuingOn is not null ? "The council decided not to issue a plan." : null),
                StatutoryStep.DraftPlanBy => (DraftServedOn ?? FinalPlanOn, null),
                _ => (AmendedPlanOn, null),
            };
            if (done is null && notNeeded is not null)
            {
                yield return DeadlineProgress.NotNeeded(deadline, today, notNeeded);
                continue;
            }

            var excuse = exceptions.FirstOrDefault(e => e.Steps.Contains(rule.Step));
            yield return DeadlineProgress.Evaluate(deadline, done, today, excuse?.Basis);
        }
    }
}

/// <summary>Where the child is while a disagreement about a decision lasts (issue 23): counted so children left without education are seen.</summary>
public enum DisagreementPlacement
{
    /// <summary>A temporary placement while mediation or an appeal is under way.</summary>
    TemporaryPlacement,

    /// <summary>Out of education, awaiting the outcome.</summary>
    OutOfEducation,
}

public static class DisagreementPlacementText
{
    public static string Title(this DisagreementPlacement placement) => placement switch
    {
        DisagreementPlacement.TemporaryPlacement => "In a temporary placement pending mediation or appeal",
        _ => "Out of education, awaiting the outcome",
    };
}
