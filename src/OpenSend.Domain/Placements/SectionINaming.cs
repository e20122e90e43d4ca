using OpenSend.Domain.Common;
using OpenSend.Domain.Plans;

namespace OpenSend.Domain.Placements;

/// <summary>What is known when a final (or amended final) plan is issued about the setting it names.</summary>
/// <param name="SectionI">The setting section I names now.</param>
/// <param name="PreviouslyNamed">The setting the plan in force named (null for a first plan).</param>
/// <param name="Placement">The case's placement (tailored list, preferences and decision), if there is one.</param>
/// <param name="Registered">The register's entry for section I's setting, when it has one.</param>
/// <param name="RequestedInRepresentations">The setting the family asked for in their representations on the first draft (s.38(2)(b)).</param>
public sealed record SectionIFacts(NamedSetting? SectionI, NamedSetting? PreviouslyNamed, Placement? Placement, Setting? Registered, string? RequestedInRepresentations);

/// <summary>
/// The check a final plan's section I must pass (ss.33, 39, 40): the setting is the one the council
/// decided to name after considering the family's preferences, consulting the setting (s.39(2)) and
/// recording any ground against an earlier preference (s.39(4)) or the mainstream test (s.33). A
/// section I that only repeats the plan in force is not named anew and is not checked again.
/// </summary>
public static class SectionINaming
{
    public static void RequireLawful(SectionIFacts facts)
    {
        if (facts.SectionI is not { } setting || Same(setting, facts.PreviouslyNamed))
        {
            return;
        }

        var placement = facts.Placement;
        if (placement is { IsDecided: false } && placement.Preferences.Count > 0)
        {
            throw new StepRefusedException("placement-undecided",
                $"The {(placement.FamilyPreferences.Any() ? "family's preferences are" : "council's proposed setting is")} still being considered under Placement. Decide which setting to name there before issuing the final plan (section 39).");
        }

        if (placement is { IsDecided: true } && !placement.Names(setting))
        {
            throw new StepRefusedException(facts.PreviouslyNamed is null ? "section-i-not-as-decided" : "section-i-changed",
                facts.PreviouslyNamed is null || !placement.Names(facts.PreviouslyNamed)
                    ? $"Section I names {setting.Name}, but the council decided on {UkCalendar.InWords(placement.DecidedOn!.Value)} to name {placement.NamedName}. Name {placement.NamedName} in section I, or name again under Placement (section 39)."
                    : $"Section I now names {setting.Name} instead of {placement.NamedName}. An amendment that names a different setting follows section 39 as a new plan does: name again under Placement, with the family's preferences and the setting consulted.");
        }

        if (placement is { IsDecided: true })
        {
            return;
        }

        // No naming has been recorded in OpenSEND: the family's own request is met, or refused only on a recorded ground.
        var familyAskedForIt = facts.RequestedInRepresentations is { } asked && string.Equals(asked.Trim(), setting.Name.Trim(), StringComparison.OrdinalIgnoreCase);
        if (facts.PreviouslyNamed is null && facts.RequestedInRepresentations is { } requested && !familyAskedForIt)
        {
            throw new StepRefusedException("requested-setting-not-considered",
                $"The family asked for {requested} to be named (section 38(2)(b)), but section I names {setting.Name}. Name {requested}, or record it as their preference under Placement with the ground for not naming it (section 39(4)) and decide there.");
        }

        // s.33 governs a setting the council chooses; a special school the family asked for is their s.38(2)(b) request.
        if (!familyAskedForIt && facts.Registered is { IsMainstream: false } registered)
        {
            throw new StepRefusedException("mainstream-presumption",
                $"{registered.Name} is not a mainstream setting. Name it under Placement, where the council consults it and records why mainstream education is incompatible with the family's wishes or the efficient education of others (section 33).");
        }
    }

    private static bool Same(NamedSetting setting, NamedSetting? previous) =>
        previous is not null && (setting.Urn is { } urn && previous.Urn is not null
            ? urn == previous.Urn
            : string.Equals(setting.Name.Trim(), previous.Name.Trim(), StringComparison.OrdinalIgnoreCase));
}
