using System.Security.Cryptography;
using System.Text;

namespace OpenSend.Data.Audit;

/// <summary>
/// The secret the audit chain is keyed with (HMAC-SHA256), kept outside the database
/// (OpenSend:Audit:Key, base64 of at least 32 random bytes; required outside Development). Without
/// it, someone who can write to the database cannot recompute the chain after changing a record:
/// an unkeyed hash can be recomputed by anyone. Development and tests use a fixed key that says what
/// it is.
/// </summary>
public sealed class AuditKey
{
    public const string SettingKey = "OpenSend:Audit:Key";

    public const int MinimumBytes = 32;

    private readonly byte[] _key;

    private AuditKey(byte[] key, bool isDevelopment)
    {
        _key = key;
        IsDevelopment = isDevelopment;
    }

    /// <summary>For Development and tests only: anyone can read it here, so it protects nothing real.</summary>
    public static AuditKey Development { get; } = new(SHA256.HashData("OpenSEND development audit key: never for real records"u8), isDevelopment: true);

    public bool IsDevelopment { get; }

    /// <summary>The configured key, or null with the reason it cannot be used.</summary>
    public static AuditKey? FromBase64(string? text, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            problem = $"{SettingKey} is not set: the audit chain must be keyed with a secret kept outside the database (make one with `openssl rand -base64 32`).";
            return null;
        }

        try
        {
            var key = Convert.FromBase64String(text.Trim());
            if (key.Length >= MinimumBytes)
            {
                return new AuditKey(key, isDevelopment: false);
            }

            problem = $"{SettingKey} is {key.Length} bytes: it must be at least {MinimumBytes} random bytes, base64 (`openssl rand -base64 32`).";
        }
        catch (FormatException)
        {
            problem = $"{SettingKey} is not base64: make one with `openssl rand -base64 32`.";
        }

        return null;
    }

    /// <summary>The configured key, else the development key outside Production-like use (the caller decides).</summary>
    public static AuditKey ConfiguredOrDevelopment(string? text) => FromBase64(text, out _) ?? Development;

    public string Mac(string text) => Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(text)));
}
