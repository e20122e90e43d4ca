using System.Globalization;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace OpenSend.Web.SignIn;

/// <summary>
/// The absolute limit on a session, beside the idle limit (OpenSend:SessionIdleMinutes): the time
/// of sign-in is kept in the cookie's protected properties, which sliding renewal carries over
/// unchanged, and a session older than OpenSend:SessionAbsoluteHours (10, a working day) is ended.
/// </summary>
public static class SessionLifetime
{
    public const string SignedInAtKey = "opensend-signed-in-at";

    public const int DefaultAbsoluteHours = 10;

    public static Task Start(CookieSigningInContext context)
    {
        var time = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        context.Properties.Items[SignedInAtKey] = time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        return Task.CompletedTask;
    }

    /// <summary>False for a session past its limit, or one with no time of sign-in (made before the limit existed).</summary>
    public static bool IsWithinAbsoluteLimit(CookieValidatePrincipalContext context, TimeSpan limit) =>
        context.Properties.Items.TryGetValue(SignedInAtKey, out var text)
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var signedInAt)
        && context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow() - signedInAt < limit;
}
