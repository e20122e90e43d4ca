using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenSend.Data.Identity;
using OpenSend.Domain.Identity;
using OpenSend.Web.GovUk;
using OpenSend.Web.SignIn;

namespace OpenSend.Web.Pages.SignIn;

/// <summary>For staff with more than one role (a SENCO at two schools): choose who they act for.</summary>
public sealed class OrganisationModel(StaffSignIn signIn) : PageModel
{
    [BindProperty]
    public string? MembershipId { get; set; }

    public IReadOnlyList<GovUkChoice> Choices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await PendingPersonAsync() is not { } personId)
        {
            return Redirect("/sign-in");
        }

        await LoadAsync(personId);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await PendingSignIn.ReadAsync(HttpContext) is not { PersonId: { } personId, SecondFactorDone: true } pending)
        {
            return Redirect("/sign-in");
        }

        var roles = await LoadAsync(personId);
        var chosen = roles.SingleOrDefault(r => r.MembershipId.ToString() == MembershipId);
        if (chosen is null)
        {
            ModelState.AddModelError(nameof(MembershipId), "Select the organisation you are working for");
            return Page();
        }

        await PendingSignIn.EndAsync(HttpContext);
        await HttpContext.SignInAsync(StaffClaims.Scheme, StaffClaims.Staff(chosen));
        return LocalRedirect(PendingSignIn.SafeReturnUrl(pending.ReturnUrl, "/caseload"));
    }

    /// <summary>Only after the authenticator code: the password alone never reaches this page.</summary>
    private async Task<Guid?> PendingPersonAsync() =>
        await PendingSignIn.ReadAsync(HttpContext) is { PersonId: { } personId, SecondFactorDone: true } ? personId : null;

    private async Task<IReadOnlyList<StaffRoleChoice>> LoadAsync(Guid personId)
    {
        var roles = await signIn.RolesAsync(personId, HttpContext.RequestAborted);
        Choices = roles.Select(r => new GovUkChoice(r.MembershipId.ToString(), r.Organisation.Name, r.Role.Title())).ToList();
        return roles;
    }
}
