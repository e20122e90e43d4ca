using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;

namespace OpenSend.Web.SignIn;

/// <summary>
/// A sign-in half done: the password is right but the authenticator code is still to come, or a
/// family sign-in code has been sent. Kept in its own short-lived cookie that grants no access.
/// </summary>
public static class PendingSignIn
{
    public const string Scheme = "OpenSend.Pending";

    private const string PersonClaim = "pending_person";
    private const string EmailClaim = "pending_email";
    private const string ReturnUrlClaim = "return_url";
    private const string SecondFactorClaim = "second_factor_done";

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    /// <param name="SecondFactorDone">Both factors are proven; only the organisation to act for is still to choose.</param>
    public sealed record State(Guid? PersonId, string? Email, string? ReturnUrl, bool SecondFactorDone = false);

    public static Task StartAsync(HttpContext http, Guid? personId, string? email, string? returnUrl, bool secondFactorDone = false)
    {
        var claims = new List<Claim>();
        if (personId is { } id) claims.Add(new Claim(PersonClaim, id.ToString()));
        if (email is not null) claims.Add(new Claim(EmailClaim, email));
        if (returnUrl is not null) claims.Add(new Claim(ReturnUrlClaim, returnUrl));
        if (secondFactorDone) claims.Add(new Claim(SecondFactorClaim, "true"));
        return http.SignInAsync(Scheme, new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme)));
    }

    public static async Task<State?> ReadAsync(HttpContext http)
    {
        var result = await http.AuthenticateAsync(Scheme);
        if (!result.Succeeded)
        {
            return null;
        }

        var user = result.Principal;
        return new State(
            Guid.TryParse(user.FindFirstValue(PersonClaim), out var id) ? id : null,
            user.FindFirstValue(EmailClaim),
            user.FindFirstValue(ReturnUrlClaim),
            user.HasClaim(SecondFactorClaim, "true"));
    }

    public static Task EndAsync(HttpContext http) => http.SignOutAsync(Scheme);

    /// <summary>Only a local address is followed after sign-in (no open redirects).</summary>
    public static string SafeReturnUrl(string? returnUrl, string fallback) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : fallback;
}
