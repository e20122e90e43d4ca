namespace OpenSend.Domain.Identity;

/// <summary>The kinds of organisation people work for (system.md "Who uses it").</summary>
public enum OrganisationKind
{
    /// <summary>A local authority; its code is the DfE LA code.</summary>
    LocalAuthority,

    /// <summary>A school, college, early years provider or AP; its code is the URN or UKPRN.</summary>
    Setting,

    /// <summary>An NHS integrated care board (designated medical/clinical officer's organisation).</summary>
    IntegratedCareBoard,

    /// <summary>A social care team (designated social care officer's organisation).</summary>
    SocialCare,

    /// <summary>A local multi-agency panel (green paper 2022 ch.2 paras 12–13).</summary>
    MultiAgencyPanel,

    MediationService,

    DepartmentForEducation,
}

/// <summary>What a person does within an organisation, or for a family, in relation to a child.</summary>
public enum Role
{
    Parent,
    YoungPerson,
    Senco,
    SettingStaff,
    LaCaseworker,
    LaSendManager,
    HealthAdviser,
    SocialCareAdviser,
    PanelMember,
    Mediator,
    DfeAnalyst,
    Administrator,
}

/// <summary>
/// Who speaks for the child beside the council: the family (parent, carer or young person), or a
/// setting the child attends or the plan names. Both report on provision and may ask for an early review.
/// </summary>
public enum FamilyOrSetting
{
    Family,
    Setting,
}

/// <summary>How a setting is connected to a child's case.</summary>
public enum SettingRelationship
{
    /// <summary>The setting made the request for assessment (s.36(1)).</summary>
    RequestingSetting,

    /// <summary>The child attends it now.</summary>
    CurrentSetting,

    /// <summary>The plan names it (section I), or the family asked for it to be named.</summary>
    NamedSetting,
}

public static class RoleText
{
    public static string Title(this Role role) => role switch
    {
        Role.Parent => "Parent or carer",
        Role.YoungPerson => "Young person",
        Role.Senco => "SENCO",
        Role.SettingStaff => "Setting staff",
        Role.LaCaseworker => "LA SEND caseworker",
        Role.LaSendManager => "LA SEND manager",
        Role.HealthAdviser => "Health adviser",
        Role.SocialCareAdviser => "Social care adviser",
        Role.PanelMember => "Panel member",
        Role.Mediator => "Mediator",
        Role.DfeAnalyst => "DfE analyst",
        Role.Administrator => "Administrator",
        _ => role.ToString(),
    };

    public static bool IsFamily(this Role role) => role is Role.Parent or Role.YoungPerson;

    /// <summary>The roles an organisation of this kind can give its staff.</summary>
    public static IReadOnlyList<Role> RolesFor(OrganisationKind kind) => kind switch
    {
        OrganisationKind.LocalAuthority => [Role.LaCaseworker, Role.LaSendManager, Role.Administrator],
        OrganisationKind.Setting => [Role.Senco, Role.SettingStaff, Role.Administrator],
        OrganisationKind.IntegratedCareBoard => [Role.HealthAdviser, Role.Administrator],
        OrganisationKind.SocialCare => [Role.SocialCareAdviser, Role.Administrator],
        OrganisationKind.MultiAgencyPanel => [Role.PanelMember, Role.Administrator],
        OrganisationKind.MediationService => [Role.Mediator, Role.Administrator],
        OrganisationKind.DepartmentForEducation => [Role.DfeAnalyst, Role.Administrator],
        _ => [],
    };
}
