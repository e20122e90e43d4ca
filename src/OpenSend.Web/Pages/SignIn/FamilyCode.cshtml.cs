using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using OpenSend.Data.Identity;
using OpenSend.Web.Security;
using OpenSend.Web.SignIn;

namespace OpenSend.Web.Pages.SignIn;

/// <summary>Family sign-in, step 2: the code from the email.</summary>
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class FamilyCodeModel(FamilySignIn signIn) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    public string Email { get; private set; } = string.Empty;

    /// <summary>No new code was sent: the address has had its codes for the hour (FamilySignIn.MaximumCodesPerHour).</summary>
    [BindProperty(SupportsGet = true)]
    public bool NotSent { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await PendingSignIn.ReadAsync(HttpContext) is not { Email: { } email })
        {
            return Redirect("/sign-in/family");
        }

        Email = email;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await PendingSignIn.ReadAsync(HttpContext) is not { Email: { } email } pending)
        {
            return Redirect("/sign-in/family");
        }

        Email = email;
        if (string.IsNullOrWhiteSpace(Code))
        {
            ModelState.AddModelError(nameof(Code), "Enter the code from the email");
            return Page();
        }

        var person = await signIn.VerifyCodeAsync(email, Code, HttpContext.RequestAborted);
        if (person is null)
        {
            ModelState.AddModelError(nameof(Code), await signIn.IsLockedOutAsync(email, HttpContext.RequestAborted)
                ? "You have entered too many wrong codes. Wait an hour, then send a new code"
                : "The code is not correct or has expired. Check the email, or send a new code");
            return Page();
        }

        await PendingSignIn.EndAsync(HttpContext);
        await HttpContext.SignInAsync(StaffClaims.Scheme, StaffClaims.Family(person));
        return LocalRedirect(PendingSignIn.SafeReturnUrl(pending.ReturnUrl, "/your-requests"));
    }
}
