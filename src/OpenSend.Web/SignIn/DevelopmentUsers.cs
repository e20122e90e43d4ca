using OpenSend.Data.Demo;

namespace OpenSend.Web.SignIn;

/// <summary>
/// Invented staff for the development sign-in, which exists only in the Development environment
/// until the identity issue brings real sign-in (password and two-factor).
/// </summary>
public static class DevelopmentUsers
{
    public sealed record DevelopmentUser(string Id, string Name, string Role, string LaCode, string LaName);

    public static IReadOnlyList<DevelopmentUser> All { get; } =
    [
        new(DemoData.DemoCaseworker.UserId, DemoData.DemoCaseworker.DisplayName, StaffRoles.LaCaseworker, DemoData.DemoLaCode, "Demoshire"),
        new("demo-manager-999", "Priya Shah", StaffRoles.LaSendManager, DemoData.DemoLaCode, "Demoshire"),
        new("demo-caseworker-886", "Alex Morgan", StaffRoles.LaCaseworker, "886", "Kent"),
    ];

    public static DevelopmentUser? Find(string? id) => All.FirstOrDefault(u => u.Id == id);
}
