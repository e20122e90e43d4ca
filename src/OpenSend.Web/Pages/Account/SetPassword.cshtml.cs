using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenSend.Data.Identity;
using OpenSend.Web.SignIn;

namespace OpenSend.Web.Pages.Account;

/// <summary>A new member of staff sets their password from the invitation link, then their authenticator app.</summary>
public sealed class SetPasswordModel(StaffSignIn signIn) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public bool Usable { get; private set; }

    public async Task OnGetAsync()
    {
        Response.Headers["Referrer-Policy"] = "no-referrer";
        Usable = Token is not null && await signIn.IsInvitationUsableAsync(Token, HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Response.Headers["Referrer-Policy"] = "no-referrer";
        Usable = Token is not null && await signIn.IsInvitationUsableAsync(Token, HttpContext.RequestAborted);
        if (!Usable)
        {
            return Page();
        }

        if (PasswordHashing.Problem(Password) is { } problem)
        {
            ModelState.AddModelError(nameof(Password), problem);
        }
        else if (Password != ConfirmPassword)
        {
            ModelState.AddModelError(nameof(ConfirmPassword), "Passwords do not match");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var personId = await signIn.SetPasswordAsync(Token!, Password!, HttpContext.RequestAborted);
        if (personId is null)
        {
            Usable = false;
            return Page();
        }

        await PendingSignIn.StartAsync(HttpContext, personId, null, null);
        return Redirect("/sign-in/authenticator");
    }
}
