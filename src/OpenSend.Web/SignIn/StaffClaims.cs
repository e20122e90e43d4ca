using System.Security.Claims;
using OpenSend.Data.Audit;
using OpenSend.Domain.Common;

namespace OpenSend.Web.SignIn;

/// <summary>The roles that work a local authority's caseload.</summary>
public static class StaffRoles
{
    public const string LaCaseworker = "LaCaseworker";
    public const string LaSendManager = "LaSendManager";

    /// <summary>Authorization policy: signed-in LA SEND staff, tied to one LA.</summary>
    public const string LaStaffPolicy = "LaStaff";

    public static string Title(string role) => role switch
    {
        LaCaseworker => "LA SEND caseworker",
        LaSendManager => "LA SEND manager",
        _ => role,
    };
}

public static class StaffClaims
{
    public const string LaCode = "la_code";

    public static ClaimsPrincipal Principal(string userId, string name, string role, string laCode, string scheme) =>
        new(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, userId),
                new Claim(ClaimTypes.Name, name),
                new Claim(ClaimTypes.Role, role),
                new Claim(LaCode, laCode),
            ],
            scheme, ClaimTypes.Name, ClaimTypes.Role));

    /// <summary>
    /// Who is making this request, for the services and the audit log: a signed-in member of staff
    /// with their LA, or a member of the public (no LA, so no staff query can run).
    /// </summary>
    public static RequestContext ToRequestContext(this HttpContext http)
    {
        var user = http.User;
        var source = http.Connection.RemoteIpAddress?.ToString();
        if (user.Identity?.IsAuthenticated == true && user.FindFirstValue(LaCode) is { } laCode)
        {
            var actor = new Actor(
                user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "unknown",
                user.Identity.Name ?? "Unknown",
                user.FindFirstValue(ClaimTypes.Role) ?? "Unknown",
                laCode);
            return new RequestContext(actor, laCode, source);
        }

        return new RequestContext(Actor.PublicRequester("Member of the public"), null, source);
    }
}
