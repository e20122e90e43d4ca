using OpenSend.Domain.Common;

namespace OpenSend.Domain.Plans;

/// <summary>One part of the easy-read summary: a plain heading and short sentences, one idea each.</summary>
public sealed record EasyReadPart(string Heading, IReadOnlyList<string> Sentences);

/// <summary>
/// An easy-read summary of a plan, beside the full plan, for a child, young person or parent who
/// finds the full plan hard to read (issue 22; Equality Act 2010 s.20; SEND Code of Practice 9.62:
/// the plan is written so it is easily understood). It is made from the plan's own words, in the
/// order people ask: who I am, what I find hard, what I am working towards, the help I get, and
/// where I learn. It never adds or changes anything: the full plan is what the law enforces.
/// </summary>
public static class PlanEasyRead
{
    public static IReadOnlyList<EasyReadPart> Of(PlanContent plan, string givenName)
    {
        var parts = new List<EasyReadPart>();
        if (plan.SectionA is { } a)
        {
            parts.Add(new($"About {givenName}", Sentences(
                a.InTheirOwnWords is { } words ? $"{givenName} says: \"{words.Trim()}\"" : null,
                a.Interests is { } interests ? $"{givenName} likes: {Lower(interests)}" : null,
                a.Aspirations is { } hopes ? $"{givenName} hopes: {Lower(hopes)}" : null)));
        }

        var needs = plan.Needs.OrderBy(n => n.Section).ThenBy(n => n.Rank ?? int.MaxValue).Select(n => Sentence(n.Description)).ToList();
        if (needs.Count > 0)
        {
            parts.Add(new($"What {givenName} finds hard", needs));
        }

        var outcomes = plan.Outcomes.Select(o => Sentence(o.Description) + (o.TargetDate is { } by ? $" By {UkCalendar.InWords(by)}." : string.Empty)).ToList();
        if (outcomes.Count > 0)
        {
            parts.Add(new($"What {givenName} is working towards", outcomes));
        }

        foreach (var (sections, heading) in new[]
        {
            (new[] { PlanSection.F }, $"The help {givenName} gets to learn"),
            (new[] { PlanSection.G }, $"The help {givenName} gets with health"),
            (new[] { PlanSection.H1, PlanSection.H2 }, $"The help {givenName} gets from social care"),
        })
        {
            var help = plan.Provision.Where(p => sections.Contains(p.Section)).Select(Help).ToList();
            if (help.Count > 0)
            {
                parts.Add(new(heading, help));
            }
        }

        if (plan.SectionI is { } setting)
        {
            parts.Add(new($"Where {givenName} learns", [$"{givenName} goes to {setting.Name}."]));
        }

        return parts;
    }

    /// <summary>"Phonics programme. Who helps: Specialist teacher. How often: 4 sessions a week. For how long: 20 minutes."</summary>
    private static string Help(PlanProvision provision) => string.Join(" ", new[]
    {
        Sentence(provision.What),
        provision.DeliveredBy is { } by ? Sentence($"Who helps: {by}") : null,
        provision.Frequency is { } often ? Sentence($"How often: {often}") : null,
        provision.Duration is { } howLong ? Sentence($"For how long: {howLong}") : null,
    }.OfType<string>());

    private static IReadOnlyList<string> Sentences(params string?[] sentences) => sentences.OfType<string>().Select(Sentence).ToList();

    private static string Sentence(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length == 0 || ".!?\"".Contains(trimmed[^1], StringComparison.Ordinal) ? trimmed : trimmed + ".";
    }

    private static string Lower(string text) => text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;
}
