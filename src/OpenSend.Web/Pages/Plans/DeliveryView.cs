using OpenSend.Data.Plans;
using OpenSend.Domain.Identity;
using OpenSend.Domain.Plans;

namespace OpenSend.Web.Pages.Plans;

/// <summary>
/// The plan in force's provision with what the family and settings say of its delivery, as the
/// family's page and the staff's page both show it: each page says where "report" and "answer" go.
/// </summary>
public sealed record DeliveryView(CaseDelivery Delivery, bool ForFamily, Func<Guid, string>? ReportLink, Func<Guid, string>? AnswerLink)
{
    /// <summary>The family is "you" on their own page; everyone else reads the reporter's name.</summary>
    public string Who(ProvisionDeliveryReport report) =>
        ForFamily && report.Reporter == FamilyOrSetting.Family ? "You" : report.ReportedBy;

    public static string Section(PlanSection section) => $"Section {section}: {PlanReading.Title(section)}";

    /// <summary>The provision's details in one line: who delivers it, how often and for how long.</summary>
    public static string Details(PlanProvision provision) =>
        string.Join(", ", new[] { provision.DeliveredBy, provision.Frequency, provision.Duration }.Where(s => !string.IsNullOrWhiteSpace(s)));

    /// <summary>The three answers a reporter can give, in the family's or staff's words.</summary>
    public static IReadOnlyList<GovUk.GovUkChoice> States(bool forFamily) =>
    [
        new(nameof(DeliveryState.BeingDelivered), DeliveryState.BeingDelivered.Title(), forFamily ? "Your child gets this support as the plan says" : "The child gets this provision as the plan says"),
        new(nameof(DeliveryState.PartlyDelivered), DeliveryState.PartlyDelivered.Title(), "Some of it happens, but less often, for less time or not by the right person"),
        new(nameof(DeliveryState.NotDelivered), DeliveryState.NotDelivered.Title(), "It is not happening at all"),
    ];
}
