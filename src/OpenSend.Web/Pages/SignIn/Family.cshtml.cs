using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using OpenSend.Data.Identity;
using OpenSend.Web.GovUk;
using OpenSend.Web.Security;
using OpenSend.Web.SignIn;

namespace OpenSend.Web.Pages.SignIn;

/// <summary>Family sign-in, step 1: the email address a code is sent to.</summary>
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class FamilyModel(FamilySignIn signIn) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

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
            return Page();
        }

        if (EmailAddresses.Parse(Email) is not { } address)
        {
            ModelState.AddModelError(nameof(Email), EmailAddresses.FormatMessage);
            return Page();
        }

        var sent = await signIn.SendCodeAsync(address, HttpContext.RequestAborted);
        await PendingSignIn.StartAsync(HttpContext, null, address, ReturnUrl);
        return Redirect(sent ? "/sign-in/family/code" : "/sign-in/family/code?notSent=true");
    }
}
