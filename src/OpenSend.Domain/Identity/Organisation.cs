namespace OpenSend.Domain.Identity;

/// <summary>
/// An organisation people work for. Access to a child's case belongs to an organisation and a
/// role, never to one person's email, so it survives staff changes.
/// </summary>
public sealed class Organisation
{
    private Organisation()
    {
        Name = Code = string.Empty;
    }

    public Organisation(Guid id, OrganisationKind kind, string code, string name, string? laCode)
    {
        Id = id;
        Kind = kind;
        Code = code;
        Name = name;
        LaCode = laCode;
    }

    public Guid Id { get; private set; }

    public OrganisationKind Kind { get; private set; }

    /// <summary>LA code, URN or UKPRN, ICB code: the organisation's own identifier.</summary>
    public string Code { get; private set; }

    public string Name { get; private set; }

    /// <summary>The local authority area it belongs to (an LA's own code; a setting's or panel's LA).</summary>
    public string? LaCode { get; private set; }
}

/// <summary>A person's role within an organisation, from when they were added until they were removed.</summary>
public sealed class Membership
{
    private Membership()
    {
        AddedBy = string.Empty;
    }

    public Membership(Guid id, Guid personId, Guid organisationId, Role role, DateTimeOffset addedAt, string addedBy)
    {
        if (role.IsFamily())
        {
            throw new Common.StepRefusedException("family-role-not-a-membership", "Parents and young people are linked to their own cases, not to an organisation.");
        }

        Id = id;
        PersonId = personId;
        OrganisationId = organisationId;
        Role = role;
        AddedAt = addedAt;
        AddedBy = addedBy;
    }

    public Guid Id { get; private set; }

    public Guid PersonId { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Role Role { get; private set; }

    public DateTimeOffset AddedAt { get; private set; }

    public string AddedBy { get; private set; }

    public DateTimeOffset? RemovedAt { get; private set; }

    public string? RemovedBy { get; private set; }

    public bool IsActive => RemovedAt is null;

    public void Remove(DateTimeOffset now, string removedBy)
    {
        if (RemovedAt is not null)
        {
            throw new Common.StepRefusedException("membership-already-removed", "This person has already been removed from the organisation.");
        }

        RemovedAt = now;
        RemovedBy = removedBy;
    }
}
