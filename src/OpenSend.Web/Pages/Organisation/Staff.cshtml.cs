using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenSend.Data.Identity;
using OpenSend.Domain.Common;
using OpenSend.Domain.Identity;
using OpenSend.Web.GovUk;
using OpenSend.Web.SignIn;

namespace OpenSend.Web.Pages.Organisation;

/// <summary>An organisation's administrator adds and removes its own staff.</summary>
public sealed class StaffModel(PeopleDirectory directory) : PageModel
{
    private const string SuccessKey = "staff.success";

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Role { get; set; }

    public IReadOnlyList<StaffMember> Staff { get; private set; } = [];

    public IReadOnlyList<GovUkChoice> Roles { get; private set; } = [];

    public string OrganisationName => User.OrganisationName() ?? string.Empty;

    public string? Success { get; private set; }

    public async Task OnGetAsync()
    {
        Success = TempData[SuccessKey] as string;
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            ModelState.AddModelError(nameof(Name), "Enter their full name");
        }

        if (string.IsNullOrWhiteSpace(Email))
        {
            ModelState.AddModelError(nameof(Email), "Enter their work email address");
        }
        else if (EmailAddresses.Parse(Email) is null)
        {
            ModelState.AddModelError(nameof(Email), EmailAddresses.FormatMessage);
        }

        if (!Enum.TryParse<Role>(Role, out var role))
        {
            ModelState.AddModelError(nameof(Role), "Select their role");
        }

        if (ModelState.IsValid)
        {
            try
            {
                var invited = await directory.AddStaffAsync(HttpContext.ToRequestContext(), OrganisationId, Name!, Email!, role, HttpContext.RequestAborted);
                TempData[SuccessKey] = invited is null
                    ? $"{Name!.Trim()} added. They sign in with their existing password and authenticator app."
                    : $"{Name!.Trim()} added. We have emailed them a link to set their password.";
                return RedirectToPage();
            }
            catch (StepRefusedException refused)
            {
                ModelState.AddModelError(refused.Code is "role-not-for-organisation" ? nameof(Role) : nameof(Email), refused.Message);
            }
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid membershipId)
    {
        try
        {
            await directory.RemoveStaffAsync(HttpContext.ToRequestContext(), OrganisationId, membershipId, HttpContext.RequestAborted);
            TempData[SuccessKey] = "Removed. Their access through your organisation has ended.";
            return RedirectToPage();
        }
        catch (StepRefusedException refused)
        {
            ModelState.AddModelError(string.Empty, refused.Message);
            await LoadAsync();
            return Page();
        }
    }

    private Guid OrganisationId => User.ToViewer().OrganisationId!.Value;

    private async Task LoadAsync()
    {
        Staff = await directory.StaffAsync(HttpContext.ToRequestContext(), OrganisationId, HttpContext.RequestAborted);
        var kind = User.ToViewer().OrganisationKind!.Value;
        Roles = RoleText.RolesFor(kind).Select(r => new GovUkChoice(r.ToString(), r.Title())).ToList();
    }
}
