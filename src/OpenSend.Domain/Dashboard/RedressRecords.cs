using OpenSend.Domain.Redress;
using OpenSend.Domain.Returns;
using OpenSend.Domain.Timescales;

namespace OpenSend.Domain.Dashboard;

/// <summary>
/// What an LA's redress measures are counted from (issue 23): its mediations, appeals, the orders
/// they led to and its complaints, each with the child as the SEN2 return has them, so that the
/// measures break down by sex, ethnicity, age, need and placement as every other live measure does.
/// All of them, whatever their year: each measure picks the year it counts.
/// </summary>
public sealed record RedressRecords(
    IReadOnlyList<MediationCounted> Mediations,
    IReadOnlyList<AppealCounted> Appeals,
    IReadOnlyList<OrderCounted> Orders,
    IReadOnlyList<ComplaintCounted> Complaints)
{
    public static RedressRecords None { get; } = new([], [], [], []);
}

/// <summary>A mediation, and when an appeal on the same decision was registered (if one was).</summary>
public sealed record MediationCounted(Sen2Person Person, Mediation Mediation, DateOnly? AppealRegisteredOn);

/// <summary>An appeal, and whether mediation on the same decision was held before it.</summary>
public sealed record AppealCounted(Sen2Person Person, TribunalAppeal Appeal, bool AfterMediation)
{
    /// <summary>The day the appeal ended: decided, conceded by the council (reg 45), or withdrawn.</summary>
    public DateOnly? EndedOn => Appeal.Stage switch
    {
        AppealStage.Decided or AppealStage.Withdrawn => Appeal.OutcomeOn,
        AppealStage.NotOpposed => Appeal.NotOpposedOn,
        _ => null,
    };
}

/// <summary>An order (or unopposed appeal) on a case, with the rules its clocks run under.</summary>
public sealed record OrderCounted(Sen2Person Person, OrderClock Order, StatutoryRuleSet Rules)
{
    /// <summary>Where each of its deadlines stood on <paramref name="census"/> (no exception excuses a late one here).</summary>
    public IReadOnlyList<DeadlineProgress> On(DateOnly census) =>
        [.. Order.Evaluate(Rules, [], census).Where(p => p.State != DeadlineState.NotNeeded)];
}

/// <summary>A complaint about SEND made to the council, and the day it was made.</summary>
public sealed record ComplaintCounted(Sen2Person Person, DateOnly MadeOn);
