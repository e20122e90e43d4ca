using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using OpenSend.Data.Identity;
using OpenSend.Web.Security;
using OpenSend.Web.SignIn;

namespace OpenSend.Web.Pages.SignIn;

/// <summary>Staff sign-in, second factor: a code from an authenticator app (set up on first sign-in).</summary>
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class AuthenticatorModel(StaffSignIn signIn) : PageModel
{
    public sealed record SetupView(string ReadableKey, string Uri);

    [BindProperty]
    public string? Code { get; set; }

    public SetupView? Setup { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await PendingSignIn.ReadAsync(HttpContext) is not { PersonId: { } personId })
        {
            return Redirect("/sign-in");
        }

        await ShowSetupAsync(personId);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await PendingSignIn.ReadAsync(HttpContext) is not { PersonId: { } personId } pending)
        {
            return Redirect("/sign-in");
        }

        if (string.IsNullOrWhiteSpace(Code))
        {
            ModelState.AddModelError(nameof(Code), "Enter the 6-digit code from your authenticator app");
            await ShowSetupAsync(personId);
            return Page();
        }

        if (!await signIn.VerifyCodeAsync(personId, Code, HttpContext.RequestAborted))
        {
            ModelState.AddModelError(nameof(Code), await signIn.IsLockedOutAsync(personId, HttpContext.RequestAborted)
                ? "Your account is locked for 15 minutes because of too many failed attempts"
                : "The code is not correct or has expired. Enter the code your app shows now");
            await ShowSetupAsync(personId);
            return Page();
        }

        var roles = await signIn.RolesAsync(personId, HttpContext.RequestAborted);
        if (roles.Count == 1)
        {
            await PendingSignIn.EndAsync(HttpContext);
            await HttpContext.SignInAsync(StaffClaims.Scheme, StaffClaims.Staff(roles[0]));
            return LocalRedirect(PendingSignIn.SafeReturnUrl(pending.ReturnUrl, "/caseload"));
        }

        await PendingSignIn.StartAsync(HttpContext, personId, null, pending.ReturnUrl, secondFactorDone: true);
        return Redirect("/sign-in/organisation");
    }

    private async Task ShowSetupAsync(Guid personId)
    {
        if (await signIn.AuthenticatorSetupAsync(personId, HttpContext.RequestAborted) is { } setup)
        {
            Setup = new SetupView(Authenticator.Readable(setup.Key), setup.Uri);
        }
    }
}
