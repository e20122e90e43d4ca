using OpenSend.Data.Plans;
using OpenSend.Web.Pages.Plans;

namespace OpenSend.Web.Pages.Family;

/// <summary>The family says whether one piece of support in the plan is happening.</summary>
public sealed class ReportDeliveryModel(ProvisionDeliveryQueries queries, ProvisionDelivery delivery) : DeliveryReportPage(queries, delivery)
{
    public override string DeliveryLink => $"/your-requests/{Id}/plan/delivery";

    public override bool ForFamily => true;
}
