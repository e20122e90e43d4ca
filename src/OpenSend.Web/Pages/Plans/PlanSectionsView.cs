using OpenSend.Domain.Plans;

namespace OpenSend.Web.Pages.Plans;

/// <summary>What <c>_PlanSections</c> shows: the content, the defects to mark beside it, and (for the LA) where to change it.</summary>
public sealed record PlanSectionsView(PlanContent Content, IReadOnlyList<PlanDefect> Defects, Guid? EditableCase)
{
    /// <summary>The family's comments, shown beside the section or item they are about.</summary>
    public IReadOnlyList<PlanComment> Comments { get; init; } = [];

    /// <summary>For the family reading their draft: the case whose draft they may comment on.</summary>
    public Guid? FamilyCommentsOnCase { get; init; }

    public string? CommentLink(PlanSection section, PlanItem? item) => FamilyCommentsOnCase is not { } id ? null
        : $"/your-requests/{id}/draft-plan/comment?section={section}" + (item?.ItemId is { } itemId ? $"&item={itemId}" : string.Empty);

    /// <summary>Where section A's photos are served for this reader (the case's documents, or the family's draft page); none means captions only.</summary>
    public string? PictureLinkBase { get; init; }

    public static PlanSectionsView ReadOnly(PlanContent content) => new(content, [], null);

    public string? EditLink(PlanSection section, PlanItem item) => EditableCase is not { } id ? null : section switch
    {
        PlanSection.A => $"/cases/{id}/plan/views",
        PlanSection.B or PlanSection.C or PlanSection.D => $"/cases/{id}/plan/need?item={item.ItemId}",
        PlanSection.E => $"/cases/{id}/plan/outcome?item={item.ItemId}",
        PlanSection.F or PlanSection.G or PlanSection.H1 or PlanSection.H2 => $"/cases/{id}/plan/provision?item={item.ItemId}",
        PlanSection.I => $"/cases/{id}/plan/setting",
        PlanSection.J => $"/cases/{id}/plan/budget",
        _ => null,
    };

    public (string Href, string Text)? AddLink(PlanSection section) => EditableCase is not { } id ? null : section switch
    {
        PlanSection.A when Content.SectionA is null => ($"/cases/{id}/plan/views", "Add views, interests and aspirations"),
        PlanSection.B or PlanSection.C or PlanSection.D => ($"/cases/{id}/plan/need?section={section}", $"Add a need to section {section}"),
        PlanSection.E => ($"/cases/{id}/plan/outcome", "Add an outcome"),
        PlanSection.F or PlanSection.G or PlanSection.H1 or PlanSection.H2 => ($"/cases/{id}/plan/provision?section={section}", $"Add provision to section {section}"),
        PlanSection.I when Content.SectionI is null => ($"/cases/{id}/plan/setting", "Name the setting (final plan only)"),
        PlanSection.J when Content.SectionJ is null => ($"/cases/{id}/plan/budget", "Add a personal budget"),
        _ => null,
    };
}
