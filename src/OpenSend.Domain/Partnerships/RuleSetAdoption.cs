using OpenSend.Domain.Common;
using OpenSend.Domain.LocalAuthorities;
using OpenSend.Domain.Timescales;
using static OpenSend.Domain.Common.Refusal;

namespace OpenSend.Domain.Partnerships;

/// <summary>
/// The DfE's dated decision that an area runs a rule set the law does not yet apply everywhere (the green
/// paper's proposals, piloted area by area: green paper ch.2 para 26 and ch.5): which rules, from when,
/// why, and who decided. Kept as a history; the area's current rules are on <see cref="LocalAuthority"/>.
/// A clock keeps the rules it started under, so an adoption runs from today or later, never back.
/// </summary>
public sealed class RuleSetAdoption
{
    public const int ReasonLimit = 2_000;

    private RuleSetAdoption()
    {
        LaCode = RuleSetId = Reason = DecidedBy = string.Empty;
    }

    public Guid Id { get; private set; }

    public string LaCode { get; private set; }

    public string RuleSetId { get; private set; }

    public DateOnly From { get; private set; }

    public string Reason { get; private set; }

    public string DecidedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>Records the decision and switches the area's rules from <paramref name="from"/>.</summary>
    public static RuleSetAdoption Decide(LocalAuthority area, string ruleSetId, DateOnly from, string? reason, string decidedBy, DateTimeOffset now)
    {
        var today = UkCalendar.DateOf(now);
        Require(RuleSetCatalogue.Find(ruleSetId) is { AppliesOnlyWhereAdopted: true }, "rule-set-not-adoptable",
            "Choose a rule set an area can adopt: the law in force applies everywhere already");
        Require(from >= today, "adoption-in-the-past",
            $"Rules are adopted from today ({UkCalendar.InWords(today)}) or later, so that no clock already running changes its rules");
        var why = Text.NullIfBlank(reason);
        Require(why is not null, "reason-missing", "Say why the area adopts these rules (the pilot or decision it follows)");
        Require(why!.Length <= ReasonLimit, "reason-too-long", $"Use {ReasonLimit:N0} characters or fewer");
        area.AdoptRuleSet(ruleSetId, from);
        return new RuleSetAdoption
        {
            Id = RecordId.New(),
            LaCode = area.Code,
            RuleSetId = ruleSetId,
            From = from,
            Reason = why,
            DecidedBy = decidedBy,
            RecordedAt = now,
        };
    }

    /// <summary>An adoption made before decisions were recorded (the demo's pilot), written down as it stands on the area.</summary>
    public static RuleSetAdoption AsAlreadyAdopted(LocalAuthority area, string reason, string decidedBy, DateTimeOffset now) =>
        area.RuleAdoption is { } adoption
            ? new RuleSetAdoption { Id = RecordId.New(), LaCode = area.Code, RuleSetId = adoption.RuleSetId, From = adoption.From, Reason = reason, DecidedBy = decidedBy, RecordedAt = now }
            : throw new InvalidOperationException($"{area.Name} has adopted no rule set.");
}
