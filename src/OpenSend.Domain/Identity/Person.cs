namespace OpenSend.Domain.Identity;

public enum PersonKind
{
    /// <summary>Works for an organisation; signs in with a password and an authenticator app.</summary>
    Staff,

    /// <summary>A parent, carer or young person; signs in with a one-time code sent by email.</summary>
    Family,
}

/// <summary>
/// Someone who signs in. Staff get their access through memberships of organisations; families
/// through links to their own children's cases.
/// </summary>
public sealed class Person
{
    /// <summary>Consecutive failed attempts (password or code) before the account is locked.</summary>
    public const int MaximumFailedSignIns = 5;

    /// <summary>How long a lockout lasts (NCSC: throttle, do not lock for ever).</summary>
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    private Person()
    {
        Email = DisplayName = string.Empty;
    }

    public Person(Guid id, PersonKind kind, string email, string displayName, DateTimeOffset now)
    {
        Id = id;
        Kind = kind;
        Email = NormaliseEmail(email);
        DisplayName = displayName.Trim();
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    public PersonKind Kind { get; private set; }

    /// <summary>Lower case, trimmed: one account per address.</summary>
    public string Email { get; private set; }

    public string DisplayName { get; private set; }

    /// <summary>PBKDF2 hash with its parameters; null until the person sets a password.</summary>
    public string? PasswordHash { get; private set; }

    /// <summary>The authenticator app's shared secret, encrypted with the app's data protection keys.</summary>
    public string? ProtectedTotpSecret { get; private set; }

    public bool TotpEnabled { get; private set; }

    /// <summary>The last time step whose code was accepted, so a code cannot be used twice.</summary>
    public long? LastTotpStep { get; private set; }

    public int FailedSignIns { get; private set; }

    public DateTimeOffset? LockedUntil { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? LastSignedInAt { get; private set; }

    public static string NormaliseEmail(string email) => email.Trim().ToLowerInvariant();

    public bool IsLockedOut(DateTimeOffset now) => LockedUntil is { } until && until > now;

    public void RecordFailedSignIn(DateTimeOffset now)
    {
        FailedSignIns++;
        if (FailedSignIns >= MaximumFailedSignIns)
        {
            LockedUntil = now + LockoutDuration;
            FailedSignIns = 0;
        }
    }

    public void RecordSignIn(DateTimeOffset now)
    {
        FailedSignIns = 0;
        LockedUntil = null;
        LastSignedInAt = now;
    }

    public void SetPassword(string passwordHash) => PasswordHash = passwordHash;

    /// <summary>Starts authenticator set-up; the secret is not trusted until a code from it is confirmed.</summary>
    public void BeginTotpSetup(string protectedSecret)
    {
        ProtectedTotpSecret = protectedSecret;
        TotpEnabled = false;
        LastTotpStep = null;
    }

    public void ConfirmTotp(long step)
    {
        TotpEnabled = true;
        LastTotpStep = step;
    }

    /// <summary>Accepts a code's time step once; a replayed or older step is refused.</summary>
    public bool AcceptTotpStep(long step)
    {
        if (LastTotpStep is { } last && step <= last)
        {
            return false;
        }

        LastTotpStep = step;
        return true;
    }
}
