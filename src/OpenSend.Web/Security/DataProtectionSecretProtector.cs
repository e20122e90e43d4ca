using Microsoft.AspNetCore.DataProtection;
using OpenSend.Data.Identity;

namespace OpenSend.Web.Security;

/// <summary>Encrypts authenticator secrets with the app's data protection keys (kept in the database).</summary>
public sealed class DataProtectionSecretProtector(IDataProtectionProvider provider) : ISecretProtector
{
    private readonly IDataProtector _protector = provider.CreateProtector("OpenSend.AuthenticatorSecret.v1");

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);
}
