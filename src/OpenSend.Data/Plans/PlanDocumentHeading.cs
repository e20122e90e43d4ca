using OpenSend.Domain.Common;
using OpenSend.Domain.Plans;

namespace OpenSend.Data.Plans;

/// <summary>One block of a plan document, in reading order.</summary>
public abstract record PlanBlock;

public sealed record PlanHeadingBlock(string Text, int Level) : PlanBlock;

public sealed record PlanParagraphBlock(string Text) : PlanBlock;

public sealed record PlanTableBlock(string[] Columns, IReadOnlyList<string[]> Rows) : PlanBlock;

/// <summary>
/// What every rendering of a plan version says, in order: whose plan, which version, from which
/// LA, then each section. The PDF and the Word document both draw these blocks, so they cannot
/// say different things.
/// </summary>
public sealed record PlanDocumentHeading(string LaName, string CaseReference, string ChildName, DateOnly ChildDateOfBirth, PlanVersion Version)
{
    /// <summary>The provision sections render as tables with these columns.</summary>
    public static readonly string[] ProvisionColumns = ["Provision", "Delivered by", "How often", "For how long", "Group or ratio", "Funded by"];

    public string Title => $"Education, health and care plan for {ChildName}";

    public string StatusLine => $"{Version.Label}, issued {UkCalendar.InWords(Version.IssuedOn)} by {LaName}";

    /// <summary>The running header or footer: the LA, the version and its date, the reference.</summary>
    public string PageLine => $"{LaName}. {Version.Label}, {UkCalendar.InWords(Version.IssuedOn)}. {CaseReference}";

    public static string[] ProvisionRow(PlanProvision p) =>
        [p.What, p.DeliveredBy ?? "", p.Frequency ?? "", p.Duration ?? "", p.GroupSizeOrRatio ?? "", p.FundedBy is { } f ? PlanReading.FunderName(f) : ""];

    public IEnumerable<PlanBlock> Blocks()
    {
        yield return new PlanHeadingBlock(Title, 1);
        yield return new PlanParagraphBlock(StatusLine);
        yield return new PlanParagraphBlock($"Date of birth: {UkCalendar.InWords(ChildDateOfBirth)}. Reference: {CaseReference}.");
        if (Version.Reason is { } reason)
        {
            yield return new PlanParagraphBlock($"Reason for the amendment: {reason}");
        }

        var content = Version.Content;
        foreach (var section in PlanReading.AllSections)
        {
            yield return new PlanHeadingBlock($"Section {section}: {PlanReading.Title(section)}", 2);
            var items = PlanReading.Items(content, section);
            if (items.Count == 0)
            {
                yield return new PlanParagraphBlock(section == PlanSection.I && Version.Status == PlanStatus.Draft
                    ? "A draft plan does not name a school or other institution."
                    : "Nothing recorded.");
                continue;
            }

            if (PlanContent.ProvisionSections.Contains(section))
            {
                yield return new PlanTableBlock(ProvisionColumns, content.ProvisionIn(section).Select(ProvisionRow).ToList());
                foreach (var item in items)
                {
                    var links = item.Fields.Where(f => f.Name is "Meets" or "Towards" or "Qualification").Select(f => $"{f.Name}: {f.Value}").ToList();
                    if (links.Count > 0)
                    {
                        yield return new PlanParagraphBlock($"{item.Heading}. {string.Join(". ", links)}.");
                    }
                }

                continue;
            }

            foreach (var item in items)
            {
                yield return new PlanHeadingBlock(item.Heading, 3);
                foreach (var field in item.Fields.Where(f => f.Value != item.Heading))
                {
                    yield return new PlanParagraphBlock($"{field.Name}: {field.Value}");
                }
            }
        }
    }
}
