namespace OpenSend.Domain.Plans;

/// <summary>
/// Where a plan has got to. It follows from its issued versions, so it is read, never stored.
/// </summary>
public enum PlanStage
{
    /// <summary>Only the council's working copy: nothing issued yet.</summary>
    Drafting,

    /// <summary>A draft is with the family for their representations (s.38; reg 13(1)).</summary>
    DraftIssued,

    /// <summary>A final plan is in force and no amendment is proposed.</summary>
    InForce,

    /// <summary>A final plan is in force and an amended draft is with the family (reg 22(2)).</summary>
    AmendmentDrafted,
}

/// <summary>The named steps of <see cref="EhcPlan"/>.</summary>
public enum PlanAction
{
    Edit,
    IssueDraft,
    IssueFinal,
}

/// <summary>
/// The one table of which steps may be taken at which stage of a plan (convention 1,
/// ../shared/spec/code-style.md), as <c>PathwayTransitions</c> is for the pathway and
/// <c>ReviewTransitions</c> for reviews.
/// </summary>
public static class PlanTransitions
{
    private static readonly HashSet<(PlanStage, PlanAction)> Allowed =
    [
        // The working copy can change at any stage; the family sees only what is issued.
        (PlanStage.Drafting, PlanAction.Edit),
        (PlanStage.DraftIssued, PlanAction.Edit),
        (PlanStage.InForce, PlanAction.Edit),
        (PlanStage.AmendmentDrafted, PlanAction.Edit),
        (PlanStage.Drafting, PlanAction.IssueDraft),
        (PlanStage.DraftIssued, PlanAction.IssueDraft),
        (PlanStage.InForce, PlanAction.IssueDraft),
        (PlanStage.AmendmentDrafted, PlanAction.IssueDraft),
        // s.38 and reg 22(2): a final, first or amended, only follows a draft the family could comment on.
        (PlanStage.DraftIssued, PlanAction.IssueFinal),
        (PlanStage.AmendmentDrafted, PlanAction.IssueFinal),
    ];

    public static bool IsAllowed(PlanStage stage, PlanAction action) => Allowed.Contains((stage, action));
}
