using OpenSend.Domain.Assessments;
using OpenSend.Domain.Common;

namespace OpenSend.Domain.Timescales;

/// <summary>
/// A version of the law's clocks and workflow rules, effective from a date. A case keeps the
/// rule set that was in force when its clock started, so a change in the law (or a local
/// area switching to the green paper's proposals) never rewrites the deadlines of cases
/// already running.
/// </summary>
public sealed record StatutoryRuleSet
{
    /// <summary>Stable key stored with each case, e.g. "send-regulations-2014".</summary>
    public required string Id { get; init; }

    /// <summary>The name shown to people and in the API, e.g. "SEND Regulations 2014".</summary>
    public required string Name { get; init; }

    /// <summary>Where the rules come from, in one line.</summary>
    public required string Source { get; init; }

    public required DateOnly EffectiveFrom { get; init; }

    public DateOnly? EffectiveUntil { get; init; }

    /// <summary>Proposals, not law: used only where a local area has chosen to run them.</summary>
    public bool AppliesOnlyWhereAdopted { get; init; }

    public required PathwayPolicy Policy { get; init; }

    public required IReadOnlyList<DeadlineRule> Deadlines { get; init; }

    public required IReadOnlyList<PhaseTransferRule> PhaseTransfers { get; init; }

    public required IReadOnlyList<ExceptionGround> ExceptionGrounds { get; init; }

    /// <summary>The legal basis recorded with each step of the pathway.</summary>
    public required IReadOnlyDictionary<PathwayAction, string> ActionBasis { get; init; }

    public bool InForceOn(DateOnly date) =>
        date >= EffectiveFrom && (EffectiveUntil is null || date <= EffectiveUntil);

    public DeadlineRule Rule(StatutoryStep step) =>
        Deadlines.FirstOrDefault(d => d.Step == step)
        ?? throw new InvalidOperationException($"Rule set '{Id}' has no time limit for {step}.");

    /// <summary>
    /// The last day to appeal a decision notified on <paramref name="decidedOn"/>: 2 months from it, or
    /// 1 month from the mediation certificate if that is later (HESC r.20; s.55), each moved out of
    /// the days the tribunal does not count (r.12).
    /// </summary>
    public DateOnly AppealBy(DateOnly decidedOn, DateOnly? certificateOn = null)
    {
        var fromDecision = Rule(StatutoryStep.AppealBy, ClockAnchor.DecisionLetter).DueFrom(decidedOn);
        if (certificateOn is not { } certificate)
        {
            return fromDecision;
        }

        var fromCertificate = Rule(StatutoryStep.AppealBy, ClockAnchor.MediationCertificate).DueFrom(certificate);
        return fromCertificate > fromDecision ? fromCertificate : fromDecision;
    }

    /// <summary>The time limit for <paramref name="step"/> when <paramref name="anchor"/> starts its clock (one step may follow several starts: an amended plan after a review or after an order).</summary>
    public DeadlineRule Rule(StatutoryStep step, ClockAnchor anchor) =>
        Deadlines.FirstOrDefault(d => d.Step == step && d.Anchor == anchor)
        ?? throw new InvalidOperationException($"Rule set '{Id}' has no time limit for {step} from {anchor}.");

    /// <summary>Every deadline whose clock starts at <paramref name="anchor"/>, worked out from <paramref name="start"/>, in date order.</summary>
    public IReadOnlyList<StatutoryDeadline> DeadlinesFrom(ClockAnchor anchor, DateOnly start) =>
        Deadlines.Where(d => d.Anchor == anchor)
            .Select(d => new StatutoryDeadline(d.Step, d.DueFrom(start), d.Title, d.Duty, d.Basis))
            .OrderBy(d => d.Due)
            .ToList();

    public PhaseTransferRule PhaseTransfer(PhaseTransferKind kind) =>
        PhaseTransfers.FirstOrDefault(p => p.Kind == kind)
        ?? throw new InvalidOperationException($"Rule set '{Id}' has no phase transfer rule for {kind}.");

    /// <summary>Reg 18(1)'s fixed day for a transfer at the start of the school year in <paramref name="transferYear"/>.</summary>
    public StatutoryDeadline PhaseTransferDeadline(PhaseTransferKind kind, int transferYear) =>
        PhaseTransferDeadline(kind, new DateOnly(transferYear, 9, 1));

    /// <summary>Reg 18's date for a transfer on <paramref name="transferOn"/>.</summary>
    public StatutoryDeadline PhaseTransferDeadline(PhaseTransferKind kind, DateOnly transferOn)
    {
        var rule = PhaseTransfer(kind);
        return new StatutoryDeadline(
            StatutoryStep.PhaseTransferAmendment,
            rule.DueBefore(transferOn),
            "Review and amend the plan, naming the next setting",
            "The council must review the plan and send the amended plan naming the next school or college by {0}",
            rule.Basis);
    }

    public ExceptionGround Ground(ExceptionReason reason) =>
        ExceptionGrounds.FirstOrDefault(g => g.Reason == reason)
        ?? throw new StepRefusedException(
            "exception-not-in-rule-set",
            $"{Name} does not recognise this reason for missing a time limit.");

    public string BasisFor(PathwayAction action) =>
        ActionBasis.TryGetValue(action, out var basis) ? basis : Source;
}
