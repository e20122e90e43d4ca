using Microsoft.AspNetCore.Mvc;
using OpenSend.Data.Plans;

namespace OpenSend.Web.Pages.Plans;

/// <summary>
/// The plan in force's provision with what the family and settings say of its delivery: the council
/// answers reports of missing provision; the setting the child attends reports its own.
/// </summary>
public sealed class DeliveryModel(ProvisionDeliveryQueries queries) : DeliveryPage(queries)
{
    public override string DeliveryLink => $"/cases/{Id}/plan/delivery";

    public DeliveryView View => new(Delivery, ForFamily: false,
        Delivery.Reporter is null ? null : provision => $"{DeliveryLink}/{provision}",
        Delivery.CanAnswer ? report => $"{DeliveryLink}/reports/{report}/answer" : null);

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();
}
