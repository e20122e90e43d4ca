namespace OpenSend.Domain.Identity;

/// <summary>
/// Who is asking to see a child's record, as access decisions need it: the person, the role they
/// are acting in, and the organisation (with its kind and LA) they are acting for. A member of
/// the public (no account) is <see cref="Public"/>.
/// </summary>
public sealed record Viewer(Guid? PersonId, PersonKind? Kind, Role? Role, Guid? OrganisationId, OrganisationKind? OrganisationKind, string? LaCode)
{
    public static Viewer Public { get; } = new(null, null, null, null, null, null);

    public static Viewer Family(Guid personId) => new(personId, PersonKind.Family, null, null, null, null);

    public static Viewer Staff(Guid personId, Role role, Organisation organisation) =>
        new(personId, PersonKind.Staff, role, organisation.Id, organisation.Kind, organisation.LaCode);

    /// <summary>A caseworker or SEND manager of a local authority: works every case of that LA.</summary>
    public bool IsLaStaff => Kind == PersonKind.Staff && OrganisationKind == Identity.OrganisationKind.LocalAuthority
        && Role is Identity.Role.LaCaseworker or Identity.Role.LaSendManager && LaCode is not null;

    public bool IsFamily => Kind == PersonKind.Family && PersonId is not null;

    public bool IsStaff => Kind == PersonKind.Staff && PersonId is not null && Role is not null;
}

/// <summary>What a viewer may do with one child's case.</summary>
public enum CaseAccessLevel
{
    /// <summary>Nothing; the case looks as if it does not exist.</summary>
    None,

    /// <summary>See the case (a setting, an adviser whose advice is in, a panel member, the family).</summary>
    Read,

    /// <summary>See it and contribute to it (an adviser whose advice is still due).</summary>
    Contribute,

    /// <summary>Record the statutory steps (the responsible LA's SEND staff).</summary>
    Manage,
}
