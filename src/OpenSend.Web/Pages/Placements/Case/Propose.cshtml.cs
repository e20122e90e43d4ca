using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Placements;
using OpenSend.Domain.Common;
using OpenSend.Domain.Plans;
using OpenSend.Web.GovUk;

namespace OpenSend.Web.Pages.Placements.Case;

/// <summary>The caseworker proposes the tailored list: from where the child lives, their primary need, when they start, how far they can travel.</summary>
public sealed class ProposeModel(PlacementNaming naming, TimeProvider time) : PlacementPage(naming, time)
{
    [BindProperty]
    public string? HomePostcode { get; set; }

    [BindProperty]
    public string? Need { get; set; }

    [BindProperty]
    public DateInput StartsOn { get; set; } = new();

    [BindProperty]
    public string? Distance { get; set; }

    public override string Title => "Propose a tailored list";

    protected override bool NeedsPlacement => false;

    protected override string FieldFor(string refusalCode) => refusalCode switch
    {
        "home-postcode" => nameof(HomePostcode),
        "distance" => nameof(Distance),
        _ => nameof(HomePostcode),
    };

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        if (Placement?.IsDecided == true)
        {
            return Redirect(PlacementLink);
        }

        HomePostcode = Placement?.HomePostcode;
        Need = (Placement?.PrimaryNeed ?? Viewed.PlanPrimaryNeed)?.ToString();
        // The start of the next school year, unless the caseworker says otherwise.
        StartsOn = DateInput.From(Placement?.StartsOn ?? new DateOnly(Today.Month >= 9 ? Today.Year + 1 : Today.Year, 9, 1));
        Distance = (Placement?.MaxDistanceKm ?? 10).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        if (Text.NullIfBlank(HomePostcode) is null)
        {
            ModelState.AddModelError(nameof(HomePostcode), "Enter the postcode where the child lives");
        }

        var startsOn = StartsOn.Validate(ModelState, nameof(StartsOn), "The date the child would start");
        if (!double.TryParse(Distance, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var km))
        {
            ModelState.AddModelError(nameof(Distance), "Enter how far the child can travel, in kilometres, like 10");
        }

        return await RecordAsync((c, ct) => Naming.ProposeListAsync(c, Id, new ListProposal(HomePostcode!, Enum.TryParse<Sen2NeedType>(Need, out var need) ? need : null, startsOn!.Value, km), ct),
            "Tailored list proposed");
    }
}
