using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using OpenSend.Data.Audit;
using OpenSend.Data.Identity;
using OpenSend.Domain.Common;
using OpenSend.Domain.Identity;

namespace OpenSend.Web.SignIn;

/// <summary>Authorization policies, by what the person is acting as.</summary>
public static class Policies
{
    /// <summary>A local authority's caseworker or SEND manager: records the statutory steps.</summary>
    public const string LaStaff = "LaStaff";

    /// <summary>Any signed-in member of staff (caseload of the cases they can see).</summary>
    public const string Staff = "Staff";

    /// <summary>A signed-in parent, carer or young person.</summary>
    public const string Family = "Family";

    /// <summary>An organisation's administrator: manages its staff.</summary>
    public const string Administrator = "Administrator";

    /// <summary>An LA SEND manager: searches the LA's audit log and exports a child's record.</summary>
    public const string LaManager = "LaManager";

    /// <summary>The Department for Education's staff: decide which areas run the green paper's rules.</summary>
    public const string Dfe = "Dfe";
}

/// <summary>The claims a signed-in person carries, and how a request becomes a <see cref="RequestContext"/>.</summary>
public static class StaffClaims
{
    public const string Scheme = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string PersonKindClaim = "person_kind";
    public const string MembershipClaim = "membership_id";
    public const string OrganisationIdClaim = "organisation_id";
    public const string OrganisationKindClaim = "organisation_kind";
    public const string OrganisationCodeClaim = "organisation_code";
    public const string OrganisationNameClaim = "organisation_name";
    public const string LaCodeClaim = "la_code";

    /// <summary>A member of staff acting in one role for one organisation.</summary>
    public static ClaimsPrincipal Staff(StaffRoleChoice choice)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, choice.Person.Id.ToString()),
            new(ClaimTypes.Name, choice.Person.DisplayName),
            new(ClaimTypes.Role, choice.Role.ToString()),
            new(PersonKindClaim, PersonKind.Staff.ToString()),
            new(MembershipClaim, choice.MembershipId.ToString()),
            new(OrganisationIdClaim, choice.Organisation.Id.ToString()),
            new(OrganisationKindClaim, choice.Organisation.Kind.ToString()),
            new(OrganisationCodeClaim, choice.Organisation.Code),
            new(OrganisationNameClaim, choice.Organisation.Name),
        };
        if (choice.Organisation.LaCode is { } laCode)
        {
            claims.Add(new Claim(LaCodeClaim, laCode));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>A parent, carer or young person (what they see comes from their links to cases).</summary>
    public static ClaimsPrincipal Family(Person person) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, person.Id.ToString()),
            new Claim(ClaimTypes.Name, person.DisplayName),
            new Claim(PersonKindClaim, PersonKind.Family.ToString()),
        ],
        Scheme, ClaimTypes.Name, ClaimTypes.Role));

    public static Viewer ToViewer(this ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true
            || !Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var personId)
            || !Enum.TryParse<PersonKind>(user.FindFirstValue(PersonKindClaim), out var kind))
        {
            return Viewer.Public;
        }

        if (kind == PersonKind.Family)
        {
            return Viewer.Family(personId);
        }

        return Enum.TryParse<Role>(user.FindFirstValue(ClaimTypes.Role), out var role)
            && Guid.TryParse(user.FindFirstValue(OrganisationIdClaim), out var organisationId)
            && Enum.TryParse<OrganisationKind>(user.FindFirstValue(OrganisationKindClaim), out var organisationKind)
                ? new Viewer(personId, PersonKind.Staff, role, organisationId, organisationKind, user.FindFirstValue(LaCodeClaim))
                : Viewer.Public;
    }

    /// <summary>
    /// Who is making this request, for the services and the audit log: a signed-in member of staff
    /// in their role, a family member, or a member of the public.
    /// </summary>
    public static RequestContext ToRequestContext(this HttpContext http)
    {
        var viewer = http.User.ToViewer();
        var source = http.Connection.RemoteIpAddress?.ToString();
        if (viewer == Viewer.Public)
        {
            return RequestContext.Public(source);
        }

        // A family account is recorded by its role, not its email address, so the audit log holds
        // no family contact details (and retention never has to edit it).
        var actor = new Actor(
            viewer.PersonId!.Value.ToString(),
            viewer.IsFamily ? "Parent, carer or young person" : http.User.Identity!.Name ?? "Unknown",
            viewer.Role?.ToString() ?? "Family",
            http.User.FindFirstValue(OrganisationNameClaim));
        return new RequestContext(actor, viewer, source);
    }

    public static string? OrganisationName(this ClaimsPrincipal user) => user.FindFirstValue(OrganisationNameClaim);

    public static Guid? MembershipId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(MembershipClaim), out var id) ? id : null;
}
