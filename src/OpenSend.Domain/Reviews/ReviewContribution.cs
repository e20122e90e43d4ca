namespace OpenSend.Domain.Reviews;

public enum ReviewContributorKind
{
    /// <summary>The parent, carer or young person, with the child's own views.</summary>
    Family,

    /// <summary>Someone invited for their advice: the school, health, social care, an educational psychologist.</summary>
    Professional,
}

/// <summary>
/// Advice and information given for one review (reg 20(3)), or the family's and child's views
/// (s.19), through OpenSEND. Circulated to everyone invited at least 2 weeks before the meeting
/// (reg 20(4)); until then only its author, the leading setting and the council read it.
/// </summary>
public sealed class ReviewContribution
{
    public const int MaxLength = 10_000;

    private ReviewContribution()
    {
        LaCode = AuthorName = Text = string.Empty;
    }

    internal ReviewContribution(Guid id, string laCode, Guid reviewId, Guid assessmentId, ReviewContributorKind kind, Guid? personId, string authorName,
        Guid? organisationId, string? organisationName, string? childViews, string text, DateOnly submittedOn, DateTimeOffset submittedAt)
    {
        Id = id;
        LaCode = laCode;
        ReviewId = reviewId;
        AssessmentId = assessmentId;
        Kind = kind;
        PersonId = personId;
        AuthorName = authorName;
        OrganisationId = organisationId;
        OrganisationName = organisationName;
        ChildViews = childViews;
        Text = text;
        SubmittedOn = submittedOn;
        SubmittedAt = submittedAt;
    }

    public Guid Id { get; private set; }

    /// <summary>The LA maintaining the plan (tenant key).</summary>
    public string LaCode { get; private set; }

    public Guid ReviewId { get; private set; }

    public Guid AssessmentId { get; private set; }

    public ReviewContributorKind Kind { get; private set; }

    /// <summary>Who wrote it (their OpenSEND account).</summary>
    public Guid? PersonId { get; private set; }

    public string AuthorName { get; private set; }

    public Guid? OrganisationId { get; private set; }

    public string? OrganisationName { get; private set; }

    /// <summary>The child's or young person's own views, as the family gives them.</summary>
    public string? ChildViews { get; private set; }

    /// <summary>The advice and information, or the family's views.</summary>
    public string Text { get; private set; }

    public DateOnly SubmittedOn { get; private set; }

    public DateTimeOffset SubmittedAt { get; private set; }

    /// <summary>Removes what identifies the family under the retention policy, keeping the date.</summary>
    public void Anonymise()
    {
        const string removed = "Removed under the retention policy";
        AuthorName = removed;
        ChildViews = ChildViews is null ? null : removed;
        Text = removed;
    }
}
