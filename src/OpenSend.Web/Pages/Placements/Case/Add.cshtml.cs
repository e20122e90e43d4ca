using OpenSend.Data.Placements;

namespace OpenSend.Web.Pages.Placements.Case;

/// <summary>The caseworker adds a setting to the tailored list, saying why (a setting outside the area, one the family mentioned).</summary>
public sealed class AddModel(PlacementNaming naming, SettingsRegister register, TimeProvider time) : ChooseSettingPage(naming, register, time)
{
    public override string Title => "Add a setting to the list";

    protected override string ReasonMissing => "Enter why this setting is being added to the list";

    protected override string Done => "Setting added to the list";

    protected override Task WriteAsync(Data.Audit.RequestContext context, string urn, string reason, CancellationToken cancellationToken) =>
        Naming.AddToListAsync(context, Id, urn, reason, cancellationToken);
}
