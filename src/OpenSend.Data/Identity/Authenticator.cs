using OtpNet;

namespace OpenSend.Data.Identity;

/// <summary>Encrypts secrets at rest (the web app's data protection keys); only the app can read them back.</summary>
public interface ISecretProtector
{
    string Protect(string secret);

    string Unprotect(string protectedSecret);
}

/// <summary>A new authenticator app secret, as the person types or scans it.</summary>
public sealed record AuthenticatorSetup(string Key, string Uri);

/// <summary>
/// Time-based one-time passwords (RFC 6238: 30-second steps, 6 digits, SHA-1, as every authenticator
/// app supports). A code from one step either side is accepted for clock drift; each step only once.
/// </summary>
public static class Authenticator
{
    public const string Issuer = "OpenSEND";

    public static AuthenticatorSetup NewSetup(string accountEmail) =>
        SetupFor(Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(20)), accountEmail);

    public static AuthenticatorSetup SetupFor(string key, string accountEmail) =>
        new(key, new OtpUri(OtpType.Totp, key, accountEmail, Issuer).ToString());

    /// <summary>The time step the code belongs to, or null when it is not a current code for the key.</summary>
    public static long? MatchStep(string base32Key, string code, DateTimeOffset now)
    {
        var digits = new string((code ?? string.Empty).Where(char.IsDigit).ToArray());
        if (digits.Length != 6)
        {
            return null;
        }

        var totp = new Totp(Base32Encoding.ToBytes(base32Key));
        return totp.VerifyTotp(now.UtcDateTime, digits, out var step, new VerificationWindow(previous: 1, future: 1)) ? step : null;
    }

    /// <summary>The code an authenticator app shows at <paramref name="now"/> (for tests and the CLI's checks).</summary>
    public static string CodeAt(string base32Key, DateTimeOffset now) => new Totp(Base32Encoding.ToBytes(base32Key)).ComputeTotp(now.UtcDateTime);

    /// <summary>Groups of four, as GOV.UK shows a key to type in: "ABCD EFGH ...".</summary>
    public static string Readable(string key) => string.Join(' ', key.Chunk(4).Select(c => new string(c)));
}
