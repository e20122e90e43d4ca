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

        var result = await signIn.CheckPasswordAsync(Email!, Password!, HttpContext.RequestAborted);
        switch (result.Outcome)
        {
            case PasswordCheck.LockedOut:
                ModelState.AddModelError(nameof(Email), "Your account is locked for 15 minutes because of too many failed attempts. Try again later, or ask your administrator");
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
