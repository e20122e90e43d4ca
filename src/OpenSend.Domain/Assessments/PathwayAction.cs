namespace OpenSend.Domain.Assessments;

/// <summary>The steps a caseworker records on an EHC needs assessment, each one named method.</summary>
public enum PathwayAction
{
    ReceiveRequest,
    RecordPanelRecommendation,
    DecideToAssess,
    DecideNotToAssess,
    RequestAdvice,
    RecordAdviceReceived,
    DecideToIssue,
    DecideNotToIssue,
    ServeDraftPlan,
    RecordRepresentations,
    IssueFinalPlan,
    RecordException,
    Withdraw,
    TransferOut,

    /// <summary>A plan another LA maintained arrives with the child (reg 15(2)).</summary>
    ReceiveTransferredPlan,

    /// <summary>The new LA tells the family it holds the plan (reg 15(4)).</summary>
    RecordTransferNotice,

    /// <summary>After a review meeting, the LA's decision to keep, amend or cease the plan (reg 20(10)).</summary>
    RecordReviewDecision,

    /// <summary>The plan ceases, once the family's time to appeal the decision has passed or their appeal was dismissed (s.45; reg 31; reg 44(2)(a)).</summary>
    CeasePlan,

    /// <summary>The LA names the school or college in section I, after consulting the family's preferences (ss.33, 38–40).</summary>
    RecordPlacementDecision,

    /// <summary>A decision to cease is withdrawn, or the tribunal orders the plan to continue (reg 44(2)): the plan stays in force.</summary>
    KeepPlan,
}
