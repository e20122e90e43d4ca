using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Access;
using OpenSend.Data.Assessments;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Identity;
using OpenSend.Web.GovUk;

namespace OpenSend.Web.Pages.Assessments.Cases;

/// <summary>The LA gives a parent, carer or young person access to the case, or removes it.</summary>
public sealed class FamilyAccessModel(AssessmentQueries queries, CaseLinks links, TimeProvider time) : CaseStepPage(queries, time)
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Relationship { get; set; }

    public IReadOnlyList<CaseConnections.FamilyMember> Family { get; private set; } = [];

    public IReadOnlyList<GovUkChoice> Relationships { get; } = [new(nameof(Role.Parent), "A parent or carer"), new(nameof(Role.YoungPerson), "The young person")];

    public override string Title => "Family access";

    protected override PathwayAction[] Actions => [];

    protected override string DateField => nameof(Email);

    protected override string FieldFor(string refusalCode) => refusalCode == "not-a-family-role" ? nameof(Relationship) : nameof(Email);

    public async Task<IActionResult> OnGetAsync() => await LoadFamilyAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadFamilyAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        if (string.IsNullOrWhiteSpace(Email))
        {
            ModelState.AddModelError(nameof(Email), "Enter their email address");
        }
        else if (EmailAddresses.Parse(Email) is null)
        {
            ModelState.AddModelError(nameof(Email), EmailAddresses.FormatMessage);
        }

        if (!Enum.TryParse<Role>(Relationship, out var relationship))
        {
            ModelState.AddModelError(nameof(Relationship), "Select who they are");
        }

        return await RecordAsync((context, ct) => links.LinkFamilyAsync(context, Id, Email!, relationship, ct), $"{Email?.Trim()} can now see the case. We have emailed them how to sign in.");
    }

    /// <summary>A new tracking link, emailed to the requester; the old one stops working (a claim uses a link up).</summary>
    public async Task<IActionResult> OnPostNewLinkAsync()
    {
        if (await LoadFamilyAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        return await RecordAsync((context, ct) => links.ReplaceTrackingLinkAsync(context, Id, ct),
            "A new tracking link has been emailed to the person who made the request. The old link no longer works.");
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid linkId)
    {
        if (await LoadFamilyAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        return await RecordAsync((context, ct) => links.RevokeFamilyAsync(context, Id, linkId, ct), "Access removed");
    }

    private async Task<IActionResult?> LoadFamilyAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        Family = (await links.ConnectionsAsync(Context, Id, HttpContext.RequestAborted)).Family;
        return null;
    }
}
