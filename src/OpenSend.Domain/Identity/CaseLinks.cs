namespace OpenSend.Domain.Identity;

public enum FamilyLinkSource
{
    /// <summary>The person made the request while signed in.</summary>
    MadeTheRequest,

    /// <summary>The person held the private tracking link and added the request to their account.</summary>
    TrackingLink,

    /// <summary>A caseworker gave the person access.</summary>
    LinkedByCouncil,
}

/// <summary>A parent, carer or young person linked to a child's case: the only way a family account sees a case.</summary>
public sealed class FamilyLink
{
    private FamilyLink()
    {
        LaCode = string.Empty;
    }

    public FamilyLink(Guid id, string laCode, Guid assessmentId, Guid personId, Role relationship, FamilyLinkSource source, DateTimeOffset linkedAt)
    {
        if (!relationship.IsFamily())
        {
            throw new Common.StepRefusedException("not-a-family-role", "Only a parent, carer or young person can be linked to a case as family.");
        }

        Id = id;
        LaCode = laCode;
        AssessmentId = assessmentId;
        PersonId = personId;
        Relationship = relationship;
        Source = source;
        LinkedAt = linkedAt;
    }

    public Guid Id { get; private set; }

    public string LaCode { get; private set; }

    public Guid AssessmentId { get; private set; }

    public Guid PersonId { get; private set; }

    public Role Relationship { get; private set; }

    public FamilyLinkSource Source { get; private set; }

    public DateTimeOffset LinkedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;
}

/// <summary>A setting connected to a child's case; its SENCO and staff can see the case while the link lasts.</summary>
public sealed class SettingLink
{
    private SettingLink()
    {
        LaCode = LinkedBy = string.Empty;
    }

    public SettingLink(Guid id, string laCode, Guid assessmentId, Guid organisationId, SettingRelationship relationship, DateTimeOffset linkedAt, string linkedBy)
    {
        Id = id;
        LaCode = laCode;
        AssessmentId = assessmentId;
        OrganisationId = organisationId;
        Relationship = relationship;
        LinkedAt = linkedAt;
        LinkedBy = linkedBy;
    }

    public Guid Id { get; private set; }

    public string LaCode { get; private set; }

    public Guid AssessmentId { get; private set; }

    public Guid OrganisationId { get; private set; }

    public SettingRelationship Relationship { get; private set; }

    public DateTimeOffset LinkedAt { get; private set; }

    public string LinkedBy { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public void End(DateTimeOffset now) => EndedAt ??= now;
}
