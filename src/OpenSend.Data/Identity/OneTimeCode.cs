using System.Security.Cryptography;
using System.Text;

namespace OpenSend.Data.Identity;

public enum OneTimeCodePurpose
{
    /// <summary>A 6-digit code emailed to a parent or young person to sign in.</summary>
    FamilySignIn,

    /// <summary>A link emailed to new staff to set their password (and then their authenticator app).</summary>
    SetPassword,
}

/// <summary>
/// A short-lived secret sent by email. Only its SHA-256 is stored; it works once, until it
/// expires, and not after too many wrong guesses.
/// </summary>
public sealed class OneTimeCode
{
    public const int MaximumAttempts = 5;

    private OneTimeCode()
    {
        Email = CodeHash = string.Empty;
    }

    public OneTimeCode(Guid id, OneTimeCodePurpose purpose, string email, Guid? personId, string code, DateTimeOffset now, TimeSpan lifetime)
    {
        Id = id;
        Purpose = purpose;
        Email = email;
        PersonId = personId;
        CodeHash = Hash(code);
        CreatedAt = now;
        ExpiresAt = now + lifetime;
    }

    public Guid Id { get; private set; }

    public OneTimeCodePurpose Purpose { get; private set; }

    public string Email { get; private set; }

    public Guid? PersonId { get; private set; }

    public string CodeHash { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset? UsedAt { get; private set; }

    public bool IsUsable(DateTimeOffset now) => UsedAt is null && now < ExpiresAt && Attempts < MaximumAttempts;

    /// <summary>Whether a guess is this code (compared in constant time); counts nothing.</summary>
    public bool Matches(string guess) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(guess.Trim())), Encoding.ASCII.GetBytes(CodeHash));

    public void CountWrongGuess() => Attempts++;

    /// <summary>Spends the code; the right guess counts as an attempt too.</summary>
    public void Use(DateTimeOffset now)
    {
        Attempts++;
        UsedAt = now;
    }

    public static string Hash(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code)));
}
