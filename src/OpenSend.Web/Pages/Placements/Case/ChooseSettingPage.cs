using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Placements;
using OpenSend.Domain.Common;
using OpenSend.Web.GovUk;

namespace OpenSend.Web.Pages.Placements.Case;

/// <summary>A page that finds a setting in the register by name or URN, then records it with a reason.</summary>
public abstract class ChooseSettingPage(PlacementNaming naming, SettingsRegister register, TimeProvider time) : PlacementPage(naming, time)
{
    [BindProperty(SupportsGet = true)]
    public string? Query { get; set; }

    [BindProperty]
    public string? Urn { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public IReadOnlyList<GovUkChoice> Found { get; private set; } = [];

    protected abstract string ReasonMissing { get; }

    protected abstract Task WriteAsync(Data.Audit.RequestContext context, string urn, string reason, CancellationToken cancellationToken);

    protected abstract string Done { get; }

    protected override string FieldFor(string refusalCode) => refusalCode is "list-reason" or "council-setting-reasons" ? nameof(Reason) : nameof(Urn);

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? await FindAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        await FindAsync();
        if (Text.NullIfBlank(Urn) is null)
        {
            ModelState.AddModelError(nameof(Urn), "Select a setting; search for it by name or URN first");
        }

        if (string.IsNullOrWhiteSpace(Reason))
        {
            ModelState.AddModelError(nameof(Reason), ReasonMissing);
        }

        return await RecordAsync((c, ct) => WriteAsync(c, Urn!, Reason!, ct), Done);
    }

    private async Task<IActionResult> FindAsync()
    {
        if (Text.NullIfBlank(Query) is not null)
        {
            var found = await register.SearchAsync(new SettingSearch(Query), HttpContext.RequestAborted);
            Found = found.Rows.Select(r => new GovUkChoice(r.Setting.Urn, r.Setting.Name,
                $"{(r.Setting.Source == Domain.Placements.SettingSource.Gias ? $"URN {r.Setting.Urn}" : $"UKPRN {r.Setting.Ukprn}")}, {r.Setting.Category.Title()}, ages {PlacementText.Ages(r.Setting)}{(r.Setting.Town is null ? "" : $", {r.Setting.Town}")}")).ToList();
        }

        return Page();
    }
}
