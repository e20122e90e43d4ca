using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenSend.Data.Access;
using OpenSend.Data.Assessments;
using OpenSend.Domain.Common;
using OpenSend.Domain.Identity;
using OpenSend.Web.GovUk;
using OpenSend.Web.Pages.Shared;
using OpenSend.Web.SignIn;

namespace OpenSend.Web.Pages.Family;

/// <summary>
/// Who makes the decisions about the plan, and who sees the record. From the day after their school
/// leaving date the young person decides (Children and Families Act 2014 s.83(2)), and chooses
/// whether their parents' accounts still see the record, unless the council has recorded that they
/// lack capacity and who acts for them (s.80).
/// </summary>
public sealed class SharingModel(CaseLinks links, TimeProvider time) : PageModel
{
    private const string SuccessKey = "family.sharing.success";

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public string? ParentsKeepAccess { get; set; }

    public FamilySharing Sharing { get; private set; } = default!;

    public string? Success { get; private set; }

    public DateOnly Today => UkCalendar.Today(time);

    public bool IsYoungPerson => Sharing.Case.IsYoungPerson(Today);

    /// <summary>The young person, signed in themselves, once the decisions are theirs and nobody acts for them.</summary>
    public bool MayChoose => IsYoungPerson && Sharing.Relationship == Role.YoungPerson && Sharing.Case.LacksCapacity is null;

    public IReadOnlyList<GovUkChoice> Choices { get; } =
    [
        new("true", "Yes", "They keep seeing your record, and hear when something happens"),
        new("false", "No", "Their access ends now. Ask your caseworker if you want to give it back later"),
    ];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        ParentsKeepAccess = Sharing.ParentsLinked > 0 ? "true" : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        if (!bool.TryParse(ParentsKeepAccess, out var keep))
        {
            ModelState.AddModelError(nameof(ParentsKeepAccess), "Select whether your parent or carer can still see your record");
            return Page();
        }

        return await this.RecordStepAsync(ct => links.ChooseParentAccessAsync(HttpContext.ToRequestContext(), Id, keep, ct), _ => nameof(ParentsKeepAccess), SuccessKey,
            keep ? "Your parent or carer can still see your record" : "Your parent or carer can no longer see your record", $"/your-requests/{Id}/sharing");
    }

    private async Task<IActionResult?> LoadAsync()
    {
        try
        {
            Sharing = await links.FamilySharingAsync(HttpContext.ToRequestContext(), Id, HttpContext.RequestAborted);
        }
        catch (CaseNotFoundException)
        {
            return NotFound();
        }

        Success = TempData[SuccessKey] as string;
        return null;
    }
}
