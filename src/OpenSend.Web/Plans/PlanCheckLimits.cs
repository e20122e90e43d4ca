using OpenSend.Domain.Plans;

namespace OpenSend.Web.Plans;

/// <summary>
/// How big a plan the public quality check takes. The golden-thread rules compare needs, outcomes
/// and provision with each other, so the work grows with their product; the largest real plans have
/// a few dozen of each, and these limits are several times that.
/// </summary>
public static class PlanCheckLimits
{
    public const int Needs = 100;
    public const int Outcomes = 200;
    public const int Provision = 400;

    /// <summary>Each list over its limit, as (field, message).</summary>
    public static IReadOnlyList<(string Field, string Problem)> Problems(PlanContent plan) =>
        new (string Field, int Count, int Limit)[]
        {
            ("plan.needs", plan.Needs?.Count ?? 0, Needs),
            ("plan.outcomes", plan.Outcomes?.Count ?? 0, Outcomes),
            ("plan.provision", plan.Provision?.Count ?? 0, Provision),
        }
        .Where(list => list.Count > list.Limit)
        .Select(list => (list.Field, $"A plan can have at most {list.Limit} items in {list.Field[5..]}; this one has {list.Count}."))
        .ToList();
}
