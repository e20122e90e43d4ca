using OpenSend.Domain.Plans;

namespace OpenSend.Domain.Tests.Plans;

/// <summary>A small plan that keeps the golden thread: one need, one outcome, one piece of provision meeting it.</summary>
public static class SmallPlan
{
    public static readonly Guid Need = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    public static readonly Guid Outcome = Guid.Parse("00000000-0000-0000-0000-00000000000e");
    public static readonly Guid Provision = Guid.Parse("00000000-0000-0000-0000-00000000000f");

    /// <summary>Born 14 March 2018: in year 3 on 15 June 2026, so no preparation-for-adulthood outcome is expected yet.</summary>
    public static readonly DateOnly DateOfBirth = new(2018, 3, 14);

    public static readonly DateOnly Today = new(2026, 6, 15);

    public static PlanContent Draft() => PlanContent.Empty
        .WithViews(new ViewsAndAspirations("I like trains and drawing. Loud rooms make me feel worried.", "Ada is happiest with a routine.", "Trains, drawing", "To make friends and read on my own."))
        .WithNeed(new PlanNeed(Need, PlanSection.B, "Difficulty with social communication and changes to routine", Sen2NeedType.ASD, 1))
        .WithOutcome(new PlanOutcome(Outcome, "By July 2027 Ada will start a conversation with a peer at least twice a day", new DateOnly(2027, 7, 23), [Need]))
        .WithProvision(new PlanProvision(Provision, PlanSection.F, "Small-group social communication programme", "Speech and language therapist", "2 sessions a week", "30 minutes each, for the school year", "1:4", "HCPC-registered speech and language therapist", Funder.Education, [Need], [Outcome]));

    public static PlanContent Final() => Draft().WithSetting(new NamedSetting("Oakfield Primary School", "100001", null, null));

    public static PlanCheckContext Issuing(PlanStatus status, DateOnly? dateOfBirth = null) => new(status, dateOfBirth ?? DateOfBirth, Today);
}
