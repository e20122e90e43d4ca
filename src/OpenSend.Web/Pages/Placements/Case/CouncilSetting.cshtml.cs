using OpenSend.Data.Placements;

namespace OpenSend.Web.Pages.Placements.Case;

/// <summary>s.40: where no preference of the family's can be named, the council proposes a setting of its own, which it must consult too.</summary>
public sealed class CouncilSettingModel(PlacementNaming naming, SettingsRegister register, TimeProvider time) : ChooseSettingPage(naming, register, time)
{
    public override string Title => "Propose a setting of the council's own";

    protected override string ReasonMissing => "Enter why the council proposes this setting";

    protected override string Done => "Setting proposed: consult it before naming it";

    protected override Task WriteAsync(Data.Audit.RequestContext context, string urn, string reason, CancellationToken cancellationToken) =>
        Naming.ProposeCouncilSettingAsync(context, Id, urn, reason, cancellationToken);
}
