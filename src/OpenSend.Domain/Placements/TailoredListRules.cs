using OpenSend.Domain.Assessments;
using OpenSend.Domain.Plans;

namespace OpenSend.Domain.Placements;

/// <summary>How a tailored list orders its settings (green paper ch.2 para 25): mainstream first.</summary>
public enum ListTier
{
    Mainstream,

    /// <summary>A resourced provision or SEN unit in a mainstream school, for the child's need.</summary>
    SpecialistInMainstream,
    Special,
    Independent,
}

/// <summary>A setting the LA lists as suitable, with what it knows of its places.</summary>
/// <param name="Available">Places free now: commissioned less filled for specialist places, capacity less pupils for a school; null when unknown.</param>
public sealed record SettingCandidate(Setting Setting, int? Available);

/// <summary>What the list is built for: the child's age when they would start, their primary need, and where they live.</summary>
public sealed record ListRequest(DateOnly DateOfBirth, Sen2NeedType? PrimaryNeed, DateOnly StartsOn, GridPoint? Home, double MaxDistanceKm);

/// <summary>One setting the rules propose, and why.</summary>
public sealed record ProposedSetting(Setting Setting, ListTier Tier, double? DistanceKm, int? Available, string Why);

/// <summary>
/// Builds a tailored list from the settings an LA lists as suitable (its local inclusion plan's
/// available provision, ch.2 para 24): open settings that take the child's age when they would
/// start, cater for their primary need where the setting is specialist, within the travel distance
/// of home; mainstream first, then resourced provision and SEN units, special, independent
/// (para 25), nearest first within each. Pure: the same facts give the same list.
/// </summary>
public static class TailoredListRules
{
    /// <summary>The age that decides which settings take a child: their age on 1 September of the school year they start.</summary>
    public static int AgeAtStart(DateOnly dateOfBirth, DateOnly startsOn)
    {
        var september = new DateOnly(startsOn.Month >= 9 ? startsOn.Year : startsOn.Year - 1, 9, 1);
        return CompulsorySchoolAge.AgeOn(dateOfBirth, september);
    }

    public static IReadOnlyList<ProposedSetting> Propose(ListRequest request, IEnumerable<SettingCandidate> candidates)
    {
        var age = AgeAtStart(request.DateOfBirth, request.StartsOn);
        var proposed = new List<ProposedSetting>();
        foreach (var (setting, available) in candidates)
        {
            if (!setting.IsOpen || !setting.TakesAge(age) || Tier(setting, request.PrimaryNeed) is not { } tier)
            {
                continue;
            }

            var distance = setting.KilometresFrom(request.Home);
            if (distance > request.MaxDistanceKm)
            {
                continue;
            }

            proposed.Add(new ProposedSetting(setting, tier, distance, available, Why(setting, tier, request.PrimaryNeed)));
        }

        return proposed
            .OrderBy(p => p.Tier)
            .ThenBy(p => p.DistanceKm ?? double.MaxValue)
            .ThenBy(p => p.Setting.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Where a setting sits on the list for a child with <paramref name="need"/>, or null when it is
    /// not for the list: mainstream schools take every need (the presumption of mainstream, s.33);
    /// specialist settings only the needs GIAS says they cater for (any, when it lists none).
    /// Pupil referral units, other independent schools and the rest are not offered.
    /// </summary>
    public static ListTier? Tier(Setting setting, Sen2NeedType? need)
    {
        var catersForNeed = need is null || setting.CatersFor.Count == 0 || setting.CatersFor.Contains(need.Value);
        return setting.Category switch
        {
            SettingCategory.Mainstream or SettingCategory.PostSixteen when setting.IsMainstream =>
                setting.Specialist != SpecialistProvision.None && need is { } n && setting.CatersFor.Contains(n) ? ListTier.SpecialistInMainstream : ListTier.Mainstream,
            SettingCategory.Special or SettingCategory.NonMaintainedSpecial or SettingCategory.PostSixteen when catersForNeed => ListTier.Special,
            SettingCategory.IndependentSpecial when catersForNeed => ListTier.Independent,
            _ => null,
        };
    }

    private static string Why(Setting setting, ListTier tier, Sen2NeedType? need)
    {
        var ages = setting.LowAge is { } low && setting.HighAge is { } high ? $", ages {low} to {high}" : string.Empty;
        var needs = setting.CatersFor.Count > 0 ? $" for {string.Join(", ", setting.CatersFor)}" : string.Empty;
        return tier switch
        {
            ListTier.Mainstream => $"Mainstream {(setting.Category == SettingCategory.PostSixteen ? "college" : "school")}{ages}",
            ListTier.SpecialistInMainstream => $"{SpecialistName(setting.Specialist)} for {need} in a mainstream school{ages}",
            ListTier.Special => $"Special {(setting.Category == SettingCategory.NonMaintainedSpecial ? "school (non-maintained)" : setting.Category == SettingCategory.PostSixteen ? "post-16 institution" : "school")}{needs}{ages}",
            _ => $"Independent special school{(setting.Section41Approved ? " (approved under section 41)" : "")}{needs}{ages}",
        };
    }

    private static string SpecialistName(SpecialistProvision provision) => provision switch
    {
        SpecialistProvision.SenUnit => "SEN unit",
        SpecialistProvision.ResourcedProvision => "Resourced provision",
        _ => "Resourced provision and SEN unit",
    };
}
