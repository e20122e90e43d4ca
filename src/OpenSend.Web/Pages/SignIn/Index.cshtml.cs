using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenSend.Web.GovUk;
using OpenSend.Web.SignIn;

namespace OpenSend.Web.Pages.SignIn;

/// <summary>Development-only sign-in as an invented member of staff (removed from routing outside Development).</summary>
public sealed class IndexModel : PageModel
{
    [BindProperty]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IReadOnlyList<GovUkChoice> Users { get; } = DevelopmentUsers.All
        .Select(u => new GovUkChoice(u.Id, $"{u.Name}, {StaffRoles.Title(u.Role)}", $"{u.LaName} ({u.LaCode})"))
        .ToList();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = DevelopmentUsers.Find(UserId);
        if (user is null)
        {
            ModelState.AddModelError(nameof(UserId), "Select who you want to sign in as");
            return Page();
        }

        var principal = StaffClaims.Principal(user.Id, user.Name, user.Role, user.LaCode, CookieAuthenticationDefaults.AuthenticationScheme);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/caseload");
    }
}
