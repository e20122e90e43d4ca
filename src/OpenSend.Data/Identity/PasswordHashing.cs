using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OpenSend.Data.Identity;

/// <summary>
/// Passwords are stored as PBKDF2-HMAC-SHA256 with a random salt (OWASP 2023: 600,000 iterations),
/// in the form "pbkdf2-sha256$iterations$salt$hash" so the cost can rise without breaking old hashes.
/// </summary>
public sealed class PasswordHashing(int iterations = PasswordHashing.DefaultIterations)
{
    public const int DefaultIterations = 600_000;

    /// <summary>NCSC: length beats complexity rules; 12 characters, or three random words.</summary>
    public const int MinimumLength = 12;

    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    private string? _unmatchable;

    /// <summary>
    /// A hash of a random secret at this cost, made once: an unknown address is checked against it,
    /// doing the same work as a real account without hashing anew on every attempt.
    /// </summary>
    public string Unmatchable => _unmatchable ??= Hash(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));

    public string Hash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, HashBytes);
        return string.Join('$', "pbkdf2-sha256", iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(hash));
    }

    public static bool Verify(string password, string? stored)
    {
        var parts = stored?.Split('$');
        if (parts is not ["pbkdf2-sha256", var iterationText, var saltText, var hashText]
            || !int.TryParse(iterationText, NumberStyles.None, CultureInfo.InvariantCulture, out var storedIterations))
        {
            return false;
        }

        var expected = Convert.FromBase64String(hashText);
        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), Convert.FromBase64String(saltText), storedIterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>Why a new password is not acceptable, or null when it is.</summary>
    public static string? Problem(string? password) =>
        string.IsNullOrEmpty(password) ? "Enter a password"
        : password.Length < MinimumLength ? $"Password must be {MinimumLength} characters or more"
        : password.Length > 200 ? "Password must be 200 characters or fewer"
        : null;
}
