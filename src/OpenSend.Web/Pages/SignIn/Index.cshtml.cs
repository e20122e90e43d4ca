using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using OpenSend.Data.Identity;
using OpenSend.Web.Security;
using OpenSend.Web.SignIn;

namespace OpenSend.Web.Pages.SignIn;

/// <summary>Staff sign-in, first factor: email and password.</summary>
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class IndexModel(StaffSignIn signIn) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email))
        {
            ModelState.AddModelError(nameof(Email), "Enter your email address");
        }

        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), "Enter your password");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await signIn.CheckPasswordAsync(Email!, Password!, HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown", HttpContext.RequestAborted);
        switch (result.Outcome)
        {
            case PasswordCheck.LockedOut:
                ModelState.AddModelError(nameof(Email), "You have entered a wrong password too many times. Wait 15 minutes, then try again, or ask your administrator");
                return Page();
            case PasswordCheck.Rejected:
                ModelState.AddModelError(nameof(Email), "Enter a correct email address and password");
                return Page();
            default:
                await PendingSignIn.StartAsync(HttpContext, result.PersonId, null, ReturnUrl);
                return Redirect("/sign-in/authenticator");
        }
    }
}
