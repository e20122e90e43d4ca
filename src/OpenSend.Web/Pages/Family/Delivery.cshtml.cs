using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Plans;
using OpenSend.Web.Pages.Plans;

namespace OpenSend.Web.Pages.Family;

/// <summary>
/// The family says whether each piece of support in the plan in force is happening, and reads the
/// setting's view and the council's answers (issue 22; the council must secure it, s.42).
/// </summary>
public sealed class DeliveryModel(ProvisionDeliveryQueries queries) : DeliveryPage(queries)
{
    public override string DeliveryLink => $"/your-requests/{Id}/plan/delivery";

    public DeliveryView View => new(Delivery, ForFamily: true, provision => $"{DeliveryLink}/{provision}", AnswerLink: null);

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } elsewhere)
        {
            return elsewhere;
        }

        return Delivery.InForce is null ? Redirect($"/your-requests/{Id}") : Page();
    }
}
