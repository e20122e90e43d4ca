using OpenSend.Data.Plans;

namespace OpenSend.Web.Pages.Plans;

/// <summary>The setting the child attends says whether one piece of provision is being delivered.</summary>
public sealed class ReportDeliveryModel(ProvisionDeliveryQueries queries, ProvisionDelivery delivery) : DeliveryReportPage(queries, delivery)
{
    public override string DeliveryLink => $"/cases/{Id}/plan/delivery";

    public override bool ForFamily => false;
}
