using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using OpenSend.Data.Audit;
using OpenSend.Data.Database;
using OpenSend.Data.Notifications;
using OpenSend.Domain.Common;
using OpenSend.Domain.Identity;

namespace OpenSend.Data.Identity;

/// <summary>A member of staff as their organisation's administrator sees them.</summary>
public sealed record StaffMember(Guid MembershipId, Guid PersonId, string Name, string Email, Role Role, DateTimeOffset AddedAt, bool HasSignedIn);

/// <summary>
/// Organisations and their staff. An organisation's administrator adds and removes its own
/// staff, so access follows the role, not one person: when a SENCO leaves, removing them ends
/// their access and adding the new SENCO gives it, with nothing for the council to do.
/// </summary>
public sealed class PeopleDirectory(OpenSendDbContext db, ServiceAddress address, TimeProvider time)
{
    public const string InvitationKind = "staff-invitation";

    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(7);

    public async Task<Organisation> AddOrganisationAsync(OrganisationKind kind, string code, string name, string? laCode, CancellationToken cancellationToken = default)
    {
        if (await db.Organisations.AnyAsync(o => o.Kind == kind && o.Code == code, cancellationToken))
        {
            throw new StepRefusedException("organisation-exists", $"There is already an organisation of this kind with the code {code}.");
        }

        var organisation = new Organisation(RecordId.New(), kind, code, name, laCode);
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync(cancellationToken);
        return organisation;
    }

    public Task<Organisation?> FindOrganisationAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, cancellationToken);

    public async Task<IReadOnlyList<StaffMember>> StaffAsync(RequestContext context, Guid organisationId, CancellationToken cancellationToken = default)
    {
        RequireAdministrator(context, organisationId);
        var rows = await db.Memberships.AsNoTracking()
            .Where(m => m.OrganisationId == organisationId && m.RemovedAt == null)
            .Join(db.People.AsNoTracking(), m => m.PersonId, p => p.Id, (m, p) => new { m.Id, PersonId = p.Id, p.DisplayName, p.Email, m.Role, m.AddedAt, p.LastSignedInAt })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new StaffMember(r.Id, r.PersonId, r.DisplayName, r.Email, r.Role, r.AddedAt, r.LastSignedInAt is not null))
            .OrderBy(r => r.Name).ThenBy(r => r.Role).ToList();
    }

    /// <summary>
    /// Gives a person a role in the administrator's organisation, opening a staff account for a new
    /// email address and emailing a link to set a password. Returns the invitation link's token
    /// (null when the person already had an account).
    /// </summary>
    public async Task<string?> AddStaffAsync(RequestContext context, Guid organisationId, string name, string email, Role role, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var organisation = await db.Organisations.SingleAsync(o => o.Id == organisationId, cancellationToken);
        // The command line (Actor.System) creates an organisation's first administrator.
        if (context.Actor != Actor.System)
        {
            RequireAdministrator(context, organisationId);
        }

        if (!RoleText.RolesFor(organisation.Kind).Contains(role))
        {
            throw new StepRefusedException("role-not-for-organisation", $"A {role.Title().ToLowerInvariant()} cannot be added to this kind of organisation.");
        }

        if (string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(email) || !email.Contains('@', StringComparison.Ordinal))
        {
            throw new StepRefusedException("staff-details-missing", "Enter the person's name and email address.");
        }

        var normalised = Person.NormaliseEmail(email);
        var person = await db.People.SingleOrDefaultAsync(p => p.Email == normalised, cancellationToken);
        if (person is { Kind: PersonKind.Family })
        {
            throw new StepRefusedException("email-is-a-family-account", "This email address belongs to a parent's or young person's account. Staff need a work email address.");
        }

        string? token = null;
        if (person is null)
        {
            person = new Person(RecordId.New(), PersonKind.Staff, normalised, name, now);
            db.People.Add(person);
            token = NewToken();
            db.OneTimeCodes.Add(new OneTimeCode(RecordId.New(), OneTimeCodePurpose.SetPassword, normalised, person.Id, token, now, InvitationLifetime));
        }
        else if (person.Id == context.Viewer.PersonId && role != Role.Administrator)
        {
            // Four eyes: an administrator manages accounts; reading children's records is a role someone else grants.
            throw new StepRefusedException("cannot-grant-yourself", $"You cannot make yourself a {role.Title().ToLowerInvariant()}. Ask another administrator to add you.");
        }
        else if (await db.Memberships.AnyAsync(m => m.PersonId == person.Id && m.OrganisationId == organisationId && m.Role == role && m.RemovedAt == null, cancellationToken))
        {
            throw new StepRefusedException("already-a-member", $"{person.DisplayName} is already a {role.Title().ToLowerInvariant()} here.");
        }

        db.Memberships.Add(new Membership(RecordId.New(), person.Id, organisationId, role, now, context.Actor.DisplayName));
        db.Outbox.Add(new OutboxMessage(RecordId.New(), InvitationKind, normalised,
            $"You have been added to {organisation.Name} on OpenSEND",
            token is null
                ? $"{context.Actor.DisplayName} added you to {organisation.Name} as {role.Title().ToLowerInvariant()}. Sign in to OpenSEND with your password and authenticator app."
                : $"{context.Actor.DisplayName} added you to {organisation.Name} as {role.Title().ToLowerInvariant()}.\n\nSet your password within 7 days at: {address.Link($"/account/set-password?token={token}")}\n\nYou will then set up an authenticator app for signing in.",
            organisation.LaCode, now));
        db.AuditRecords.Add(AuditRecord.For(context, organisation.LaCode ?? string.Empty, null, AuditActions.StaffAdded, now, $"{person.DisplayName} ({normalised}) as {role} at {organisation.Name}"));
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }

    /// <summary>Ends a person's role in the organisation; their access through it ends with it.</summary>
    public async Task RemoveStaffAsync(RequestContext context, Guid organisationId, Guid membershipId, CancellationToken cancellationToken = default)
    {
        RequireAdministrator(context, organisationId);
        var now = time.GetUtcNow();
        var membership = await db.Memberships.SingleOrDefaultAsync(m => m.Id == membershipId && m.OrganisationId == organisationId, cancellationToken)
            ?? throw new StepRefusedException("membership-not-found", "That person is not a member of your organisation.");
        if (membership.PersonId == context.Viewer.PersonId && membership.Role == Role.Administrator)
        {
            throw new StepRefusedException("cannot-remove-yourself", "You cannot remove your own administrator role. Ask another administrator.");
        }

        membership.Remove(now, context.Actor.DisplayName);
        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == organisationId, cancellationToken);
        db.AuditRecords.Add(AuditRecord.For(context, organisation.LaCode ?? string.Empty, null, AuditActions.StaffRemoved, now, $"Membership {membershipId} ({membership.Role})"));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Whether a membership still gives its role (checked on every request, so removal takes effect at once).</summary>
    public Task<bool> IsActiveMembershipAsync(Guid membershipId, CancellationToken cancellationToken = default) =>
        db.Memberships.AnyAsync(m => m.Id == membershipId && m.RemovedAt == null, cancellationToken);

    private static void RequireAdministrator(RequestContext context, Guid organisationId)
    {
        if (context.Viewer is not { IsStaff: true, Role: Role.Administrator } || context.Viewer.OrganisationId != organisationId)
        {
            throw new StepRefusedException("not-an-administrator", "Only your organisation's administrators can manage its staff.");
        }
    }

    private static string NewToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
