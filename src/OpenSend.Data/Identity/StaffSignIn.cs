using Microsoft.EntityFrameworkCore;
using OpenSend.Data.Audit;
using OpenSend.Data.Database;
using OpenSend.Domain.Identity;

namespace OpenSend.Data.Identity;

public enum PasswordCheck
{
    /// <summary>Wrong email or password (the two are never told apart).</summary>
    Rejected,

    /// <summary>
    /// Too many failed attempts: try again later. From the password step, said of this client and
    /// address together (<see cref="SignInBackOff"/>), whether or not the address has an account.
    /// </summary>
    LockedOut,

    /// <summary>Right password; the person must now set up an authenticator app.</summary>
    NeedsAuthenticatorSetup,

    /// <summary>Right password; the person must now give a code from their authenticator app.</summary>
    NeedsAuthenticatorCode,
}

public sealed record PasswordResult(PasswordCheck Outcome, Guid? PersonId = null);

/// <summary>One organisation and role a signed-in member of staff can act in.</summary>
public sealed record StaffRoleChoice(Guid MembershipId, Person Person, Organisation Organisation, Role Role);

/// <summary>
/// Staff sign-in: a password, then a code from an authenticator app (two factors). Wrong passwords
/// hold back the client and address that gave them (<see cref="SignInBackOff"/>), never the account,
/// so nobody can lock a caseworker out or learn which addresses have accounts; five wrong
/// authenticator codes (which need the password first) lock the account for 15 minutes. Staff are
/// invited by their organisation's administrator and set their own password from the emailed link.
/// </summary>
public sealed class StaffSignIn(OpenSendDbContext db, ISecretProtector secrets, TimeProvider time, PasswordHashing hashing, SignInBackOff backOff)
{
    /// <summary>
    /// Checks a password from a client (its address). Real and unknown addresses get the same
    /// answers, after the same work: one password hash, one query.
    /// </summary>
    public async Task<PasswordResult> CheckPasswordAsync(string email, string password, string client, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var normalised = Person.NormaliseEmail(email);
        if (backOff.IsHeldBack(client, normalised))
        {
            await AuditAsync(AuditActions.HeldBack, null, normalised, client, now, cancellationToken);
            return new PasswordResult(PasswordCheck.LockedOut);
        }

        var person = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Email == normalised && p.Kind == PersonKind.Staff, cancellationToken);
        // An unknown address, or staff who have not set a password yet, are checked against a hash
        // of the same cost, so timing does not tell them apart from real accounts.
        var stored = person?.PasswordHash is { Length: > 0 } hash ? hash : hashing.Unmatchable;
        if (!PasswordHashing.Verify(password, stored) || person is null)
        {
            var heldBack = backOff.RecordFailure(client, normalised);
            await AuditAsync(heldBack ? AuditActions.HeldBack : AuditActions.PasswordRefused, person, normalised, client, now, cancellationToken);
            return new PasswordResult(heldBack ? PasswordCheck.LockedOut : PasswordCheck.Rejected);
        }

        backOff.RecordSuccess(client, normalised);
        // Locked by wrong authenticator codes: said only to someone who knows the password.
        if (person.IsLockedOut(now))
        {
            return new PasswordResult(PasswordCheck.LockedOut);
        }

        return new PasswordResult(person.TotpEnabled ? PasswordCheck.NeedsAuthenticatorCode : PasswordCheck.NeedsAuthenticatorSetup, person.Id);
    }

    /// <summary>
    /// The authenticator secret the person is setting up: the one already issued if they have not
    /// confirmed it yet (they may have added it to their app), else a new one. Null once set up.
    /// </summary>
    public async Task<AuthenticatorSetup?> AuthenticatorSetupAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        var person = await db.People.SingleAsync(p => p.Id == personId, cancellationToken);
        if (person.TotpEnabled)
        {
            return null;
        }

        if (person.ProtectedTotpSecret is { } existing)
        {
            return Authenticator.SetupFor(secrets.Unprotect(existing), person.Email);
        }

        var setup = Authenticator.NewSetup(person.Email);
        person.BeginTotpSetup(secrets.Protect(setup.Key));
        await db.SaveChangesAsync(cancellationToken);
        return setup;
    }

    /// <summary>Checks a code from the authenticator app (confirming a new set-up the first time); counts failures.</summary>
    public async Task<bool> VerifyCodeAsync(Guid personId, string code, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var person = await db.People.SingleAsync(p => p.Id == personId, cancellationToken);
        if (person.IsLockedOut(now) || person.ProtectedTotpSecret is null)
        {
            return false;
        }

        var step = Authenticator.MatchStep(secrets.Unprotect(person.ProtectedTotpSecret), code, now);
        var settingUp = !person.TotpEnabled;
        var accepted = step is { } matched && (person.TotpEnabled ? person.AcceptTotpStep(matched) : Confirm(person, matched));
        if (accepted)
        {
            person.RecordSignIn(now);
        }
        else
        {
            person.RecordFailedSignIn(now);
        }

        db.AuditRecords.Add(SignInAudit.Record(
            accepted ? (settingUp ? AuditActions.AuthenticatorSetUp : AuditActions.SignedIn) : person.IsLockedOut(now) ? AuditActions.LockedOut : AuditActions.CodeRefused,
            person, person.Email, null, now));
        await db.SaveChangesAsync(cancellationToken);
        return accepted;
    }

    public async Task<bool> IsLockedOutAsync(Guid personId, CancellationToken cancellationToken = default) =>
        (await db.People.AsNoTracking().SingleAsync(p => p.Id == personId, cancellationToken)).IsLockedOut(time.GetUtcNow());

    /// <summary>The organisations and roles the person can act in now (removed memberships give nothing).</summary>
    public async Task<IReadOnlyList<StaffRoleChoice>> RolesAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        var rows = await db.Memberships.AsNoTracking()
            .Where(m => m.PersonId == personId && m.RemovedAt == null)
            .Join(db.Organisations.AsNoTracking(), m => m.OrganisationId, o => o.Id, (m, o) => new { m.Id, m.Role, Organisation = o })
            .ToListAsync(cancellationToken);
        var person = await db.People.AsNoTracking().SingleAsync(p => p.Id == personId, cancellationToken);
        return rows.Select(r => new StaffRoleChoice(r.Id, person, r.Organisation, r.Role)).OrderBy(r => r.Organisation.Name).ThenBy(r => r.Role).ToList();
    }

    /// <summary>Sets a password from an invitation link; returns the person, or null if the link is not valid.</summary>
    public async Task<Guid?> SetPasswordAsync(string token, string password, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var hash = OneTimeCode.Hash(token);
        var invitation = await db.OneTimeCodes.SingleOrDefaultAsync(c => c.CodeHash == hash && c.Purpose == OneTimeCodePurpose.SetPassword, cancellationToken);
        if (invitation?.PersonId is not { } personId || !invitation.IsUsable(now))
        {
            return null;
        }

        var person = await db.People.SingleAsync(p => p.Id == personId, cancellationToken);
        person.SetPassword(hashing.Hash(password));
        invitation.Use(now);
        db.AuditRecords.Add(SignInAudit.Record(AuditActions.PasswordSet, person, person.Email, null, now));
        await db.SaveChangesAsync(cancellationToken);
        return person.Id;
    }

    /// <summary>Whether an invitation link can still be used (for the page that asks for the new password).</summary>
    public async Task<bool> IsInvitationUsableAsync(string token, CancellationToken cancellationToken = default)
    {
        var hash = OneTimeCode.Hash(token);
        var invitation = await db.OneTimeCodes.AsNoTracking().SingleOrDefaultAsync(c => c.CodeHash == hash && c.Purpose == OneTimeCodePurpose.SetPassword, cancellationToken);
        return invitation is not null && invitation.IsUsable(time.GetUtcNow());
    }

    private async Task AuditAsync(AuditAction action, Person? person, string email, string client, DateTimeOffset now, CancellationToken cancellationToken)
    {
        db.AuditRecords.Add(SignInAudit.Record(action, person, email, client, now));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static bool Confirm(Person person, long step)
    {
        person.ConfirmTotp(step);
        return true;
    }
}
