using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenSend.Data.Database;
using OpenSend.Data.Identity;
using OpenSend.Domain.Identity;
using OpenSend.Web.GovUk;
using OpenSend.Web.SignIn;

namespace OpenSend.Web.Pages.Development;

/// <summary>
/// Development-only sign-in as any person in the database, in any of their roles, without a
/// password or authenticator (the folder's routes are removed outside Development).
/// </summary>
public sealed class SignInModel(OpenSendDbContext db, StaffSignIn staff) : PageModel
{
    [BindProperty]
    public string? Choice { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public List<GovUkChoice> Choices { get; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        var parts = Choice?.Split(':');
        if (parts is ["membership", var membershipText] && Guid.TryParse(membershipText, out var membershipId))
        {
            var personId = await db.Memberships.Where(m => m.Id == membershipId && m.RemovedAt == null).Select(m => (Guid?)m.PersonId).SingleOrDefaultAsync();
            var choice = personId is { } id ? (await staff.RolesAsync(id)).SingleOrDefault(r => r.MembershipId == membershipId) : null;
            if (choice is not null)
            {
                await HttpContext.SignInAsync(StaffClaims.Scheme, StaffClaims.Staff(choice));
                return LocalRedirect(PendingSignIn.SafeReturnUrl(ReturnUrl, "/caseload"));
            }
        }
        else if (parts is ["family", var personText] && Guid.TryParse(personText, out var familyId)
            && await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == familyId && p.Kind == PersonKind.Family) is { } person)
        {
            await HttpContext.SignInAsync(StaffClaims.Scheme, StaffClaims.Family(person));
            return LocalRedirect(PendingSignIn.SafeReturnUrl(ReturnUrl, "/your-requests"));
        }

        ModelState.AddModelError(nameof(Choice), "Select who you want to sign in as");
        return Page();
    }

    private async Task LoadAsync()
    {
        var memberships = await db.Memberships.AsNoTracking().Where(m => m.RemovedAt == null)
            .Join(db.People.AsNoTracking(), m => m.PersonId, p => p.Id, (m, p) => new { m.Id, m.Role, m.OrganisationId, p.DisplayName })
            .Join(db.Organisations.AsNoTracking(), x => x.OrganisationId, o => o.Id, (x, o) => new { x.Id, x.Role, x.DisplayName, Organisation = o.Name })
            .ToListAsync();
        Choices.AddRange(memberships.OrderBy(m => m.Organisation).ThenBy(m => m.DisplayName).Take(100)
            .Select(m => new GovUkChoice($"membership:{m.Id}", $"{m.DisplayName}, {m.Role.Title()}", m.Organisation)));
        var families = await db.People.AsNoTracking().Where(p => p.Kind == PersonKind.Family).OrderBy(p => p.Email).Take(20).ToListAsync();
        Choices.AddRange(families.Select(p => new GovUkChoice($"family:{p.Id}", p.DisplayName, "Parent, carer or young person")));
    }
}
