using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using OpenSend.Data.Access;
using OpenSend.Data.Assessments;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Identity;
using OpenSend.Web.GovUk;

namespace OpenSend.Web.Pages.Assessments.Cases;

/// <summary>The LA links the child's settings to the case (their staff can then see it), or ends a link.</summary>
public sealed class SettingsModel(AssessmentQueries queries, CaseLinks links, TimeProvider time) : CaseStepPage(queries, time)
{
    [BindProperty]
    public string? OrganisationId { get; set; }

    [BindProperty]
    public string? Relationship { get; set; }

    public IReadOnlyList<CaseConnections.LinkedSetting> Linked { get; private set; } = [];

    public List<SelectListItem> Settings { get; } = [new("Select a setting", string.Empty)];

    public IReadOnlyList<GovUkChoice> Relationships { get; } = Enum.GetValues<SettingRelationship>().Select(r => new GovUkChoice(r.ToString(), Describe(r))).ToList();

    public override string Title => "Settings linked to the case";

    protected override PathwayAction[] Actions => [];

    protected override string DateField => nameof(OrganisationId);

    public static string Describe(SettingRelationship relationship) => relationship switch
    {
        SettingRelationship.RequestingSetting => "Asked for the assessment",
        SettingRelationship.CurrentSetting => "The child attends it now",
        _ => "Named in the plan, or asked for by the family",
    };

    public async Task<IActionResult> OnGetAsync() => await LoadSettingsAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadSettingsAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        if (!Guid.TryParse(OrganisationId, out var organisationId))
        {
            ModelState.AddModelError(nameof(OrganisationId), "Select a setting");
        }

        if (!Enum.TryParse<SettingRelationship>(Relationship, out var relationship))
        {
            ModelState.AddModelError(nameof(Relationship), "Select how the setting is connected to the child");
        }

        return await RecordAsync((context, ct) => links.LinkSettingAsync(context, Id, organisationId, relationship, ct), "Setting linked");
    }

    public async Task<IActionResult> OnPostEndAsync(Guid linkId)
    {
        if (await LoadSettingsAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        return await RecordAsync((context, ct) => links.EndSettingLinkAsync(context, Id, linkId, ct), "Link ended");
    }

    private async Task<IActionResult?> LoadSettingsAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        Linked = (await links.ConnectionsAsync(Context, Id, HttpContext.RequestAborted)).Settings;
        Settings.AddRange((await links.SettingsInAreaAsync(Context, Id, HttpContext.RequestAborted)).Select(o => new SelectListItem($"{o.Name} ({o.Code})", o.Id.ToString())));
        return null;
    }
}
