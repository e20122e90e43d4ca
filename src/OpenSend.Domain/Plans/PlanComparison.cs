using System.Globalization;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Common;

namespace OpenSend.Domain.Plans;

/// <summary>One field of a plan item as people read it ("How often": "3 sessions a week").</summary>
public sealed record PlanField(string Name, string Value);

/// <summary>One item of a section as people read it: its key (stable across versions), a heading and its fields.</summary>
public sealed record PlanItem(string Key, Guid? ItemId, string Heading, IReadOnlyList<PlanField> Fields);

/// <summary>
/// How each section of a plan reads: the one place a plan's structured data becomes words, used by
/// the pages, the comparison of versions and the PDF and Word documents, so they always agree.
/// </summary>
public static class PlanReading
{
    public static readonly IReadOnlyList<PlanSection> AllSections = Enum.GetValues<PlanSection>();

    public static string Title(PlanSection section) => section switch
    {
        PlanSection.A => "Views, interests and aspirations",
        PlanSection.B => "Special educational needs",
        PlanSection.C => "Health needs related to special educational needs",
        PlanSection.D => "Social care needs related to special educational needs or disability",
        PlanSection.E => "Outcomes",
        PlanSection.F => "Special educational provision",
        PlanSection.G => "Health provision",
        PlanSection.H1 => "Social care provision under section 2 of the Chronically Sick and Disabled Persons Act 1970",
        PlanSection.H2 => "Other social care provision",
        PlanSection.I => "Placement: the school or other institution",
        PlanSection.J => "Personal budget",
        _ => "Advice and information",
    };

    public static string NeedTypeName(Sen2NeedType type) => type switch
    {
        Sen2NeedType.SPLD => "Specific learning difficulty",
        Sen2NeedType.MLD => "Moderate learning difficulty",
        Sen2NeedType.SLD => "Severe learning difficulty",
        Sen2NeedType.PMLD => "Profound and multiple learning difficulty",
        Sen2NeedType.SEMH => "Social, emotional and mental health",
        Sen2NeedType.SLCN => "Speech, language and communication needs",
        Sen2NeedType.HI => "Hearing impairment",
        Sen2NeedType.VI => "Vision impairment",
        Sen2NeedType.MSI => "Multi-sensory impairment",
        Sen2NeedType.PD => "Physical disability",
        Sen2NeedType.ASD => "Autistic spectrum disorder",
        Sen2NeedType.DS => "Down syndrome",
        _ => "Other difficulty or disability",
    };

    public static string FunderName(Funder funder) => funder switch
    {
        Funder.Education => "Education",
        Funder.Health => "Health",
        _ => "Social care",
    };

    public static string AdulthoodName(AdulthoodOutcome outcome) => outcome switch
    {
        AdulthoodOutcome.Employment => "Employment",
        AdulthoodOutcome.IndependentLiving => "Independent living",
        AdulthoodOutcome.CommunityInclusion => "Friends, relationships and community inclusion",
        _ => "Good health",
    };

    /// <summary>"Psychological advice from Dr Ada Byrne, received 3 May 2026".</summary>
    public static string? SourceName(AdviceSource? source) => source is null ? null
        : $"{source.Kind.Title()} from {source.Adviser}" + (source.ReceivedOn is { } on ? $", received {UkCalendar.InWords(on)}" : string.Empty);

    public static IReadOnlyList<PlanItem> Items(PlanContent plan, PlanSection section)
    {
        var items = new List<PlanItem>();
        string NeedNames(IEnumerable<Guid> ids) => string.Join("; ", ids.Select(id => plan.Needs.FirstOrDefault(n => n.Id == id)?.Description).OfType<string>());
        string OutcomeNames(IEnumerable<Guid> ids) => string.Join("; ", ids.Select(id => plan.Outcomes.FirstOrDefault(o => o.Id == id)?.Description).OfType<string>());

        switch (section)
        {
            case PlanSection.A when plan.SectionA is { } a:
                items.Add(new PlanItem("A", null, Title(section), Fields(
                    ("In their own words", a.InTheirOwnWords), ("Parents' views", a.ParentsViews), ("Interests", a.Interests), ("Aspirations", a.Aspirations),
                    ("Photos and videos", a.Media is { Count: > 0 } media ? string.Join("; ", media.Select(m => m.Caption)) : null))));
                break;
            case PlanSection.B or PlanSection.C or PlanSection.D:
                foreach (var need in plan.NeedsIn(section).OrderBy(n => n.Rank ?? int.MaxValue))
                {
                    items.Add(new PlanItem(need.Id.ToString(), need.Id, need.Description, Fields(
                        ("Need", need.Description),
                        ("Need type", need.NeedType is { } t ? $"{NeedTypeName(t)} ({t})" : null),
                        ("Rank", need.Rank is { } r ? (r == 1 ? "1 (primary need)" : r.ToString(CultureInfo.InvariantCulture)) : null),
                        ("From advice", SourceName(need.Source)))));
                }

                break;
            case PlanSection.E:
                foreach (var outcome in plan.Outcomes)
                {
                    items.Add(new PlanItem(outcome.Id.ToString(), outcome.Id, outcome.Description, Fields(
                        ("Outcome", outcome.Description),
                        ("By", outcome.TargetDate is { } d ? UkCalendar.InWords(d) : null),
                        ("Addresses", NeedNames(outcome.NeedIds)),
                        ("Preparing for adulthood", outcome.PreparingForAdulthood is { } p ? AdulthoodName(p) : null),
                        ("From advice", SourceName(outcome.Source)))));
                }

                break;
            case PlanSection.F or PlanSection.G or PlanSection.H1 or PlanSection.H2:
                foreach (var provision in plan.ProvisionIn(section))
                {
                    items.Add(new PlanItem(provision.Id.ToString(), provision.Id, provision.What, Fields(
                        ("Provision", provision.What),
                        ("Delivered by", provision.DeliveredBy),
                        ("How often", provision.Frequency),
                        ("For how long", provision.Duration),
                        ("Group size or ratio", provision.GroupSizeOrRatio),
                        ("Qualification", provision.Qualification),
                        ("Funded by", provision.FundedBy is { } f ? FunderName(f) : null),
                        ("Meets", NeedNames(provision.NeedIds)),
                        ("Towards", OutcomeNames(provision.OutcomeIds)),
                        ("From advice", SourceName(provision.Source)))));
                }

                break;
            case PlanSection.I when plan.SectionI is { } setting:
                items.Add(new PlanItem("I", null, setting.Name, Fields(
                    ("Setting", setting.Name), ("URN", setting.Urn), ("UKPRN", setting.Ukprn), ("Type of setting", setting.TypeOnly))));
                break;
            case PlanSection.J when plan.SectionJ is { } budget:
                items.Add(new PlanItem("J", null, Title(section), Fields(
                    ("Amount", budget.Amount.ToString("C", CultureInfo.GetCultureInfo("en-GB"))),
                    ("What it covers", budget.Covers),
                    ("Direct payments", budget.DirectPayments ? "Yes" : "No"),
                    ("Arrangements", budget.Arrangements))));
                break;
            case PlanSection.K:
                foreach (var advice in plan.SectionK)
                {
                    items.Add(new PlanItem($"K:{advice.Kind}:{advice.Adviser}:{advice.RequestedOn:yyyy-MM-dd}", null, advice.Adviser, Fields(
                        ("Adviser", advice.Adviser),
                        ("Requested", UkCalendar.InWords(advice.RequestedOn)),
                        ("Received", advice.ReceivedOn is { } received ? UkCalendar.InWords(received) : "Not yet received"))));
                }

                break;
        }

        return items;
    }

    private static List<PlanField> Fields(params (string Name, string? Value)[] fields) =>
        fields.Where(f => !string.IsNullOrWhiteSpace(f.Value)).Select(f => new PlanField(f.Name, f.Value!)).ToList();
}

public enum ChangeKind
{
    Added,
    Removed,
    Changed,
}

/// <summary>A field whose words differ between two versions.</summary>
public sealed record FieldChange(string Field, string? Before, string? After);

/// <summary>An item added, removed or changed between two versions.</summary>
public sealed record ItemChange(ChangeKind Kind, string Heading, Guid? ItemId, IReadOnlyList<FieldChange> Fields);

/// <summary>What changed in one section.</summary>
public sealed record SectionChanges(PlanSection Section, string Title, IReadOnlyList<ItemChange> Changes);

/// <summary>Compares two versions section by section, as people read them (<see cref="PlanReading"/>).</summary>
public static class PlanComparison
{
    /// <summary>The sections that differ, each with its added, removed and changed items; empty when the two read the same.</summary>
    public static IReadOnlyList<SectionChanges> Compare(PlanContent before, PlanContent after)
    {
        var result = new List<SectionChanges>();
        foreach (var section in PlanReading.AllSections)
        {
            var old = PlanReading.Items(before, section);
            var now = PlanReading.Items(after, section);
            var changes = new List<ItemChange>();
            foreach (var item in now)
            {
                var previous = old.FirstOrDefault(o => o.Key == item.Key);
                if (previous is null)
                {
                    changes.Add(new ItemChange(ChangeKind.Added, item.Heading, item.ItemId, item.Fields.Select(f => new FieldChange(f.Name, null, f.Value)).ToList()));
                    continue;
                }

                var fields = item.Fields.Select(f => f.Name).Union(previous.Fields.Select(f => f.Name))
                    .Select(name => new FieldChange(name, previous.Fields.FirstOrDefault(f => f.Name == name)?.Value, item.Fields.FirstOrDefault(f => f.Name == name)?.Value))
                    .Where(f => f.Before != f.After)
                    .ToList();
                if (fields.Count > 0)
                {
                    changes.Add(new ItemChange(ChangeKind.Changed, item.Heading, item.ItemId, fields));
                }
            }

            foreach (var removed in old.Where(o => now.All(n => n.Key != o.Key)))
            {
                changes.Add(new ItemChange(ChangeKind.Removed, removed.Heading, removed.ItemId, removed.Fields.Select(f => new FieldChange(f.Name, f.Value, null)).ToList()));
            }

            if (changes.Count > 0)
            {
                result.Add(new SectionChanges(section, PlanReading.Title(section), changes));
            }
        }

        return result;
    }
}
