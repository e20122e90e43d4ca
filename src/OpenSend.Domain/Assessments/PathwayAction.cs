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

    /// <summary>The proposed amendments (an amended draft) sent to the family, with at least 15 days to comment (reg 22(2)).</summary>
    ProposeAmendments,

    /// <summary>The amended final plan, with appeal rights against sections B, F and I (reg 22(3); s.51(2)(c)).</summary>
    IssueAmendedPlan,

    /// <summary>Having proposed amendments, the LA decides not to amend, with reasons and appeal rights (reg 22(4); s.51(2)(e)).</summary>
    DecideNotToAmend,

    /// <summary>The tribunal ordered an assessment (reg 44(2)(b)), or the council will not oppose an appeal against refusing one (reg 45): the case reopens.</summary>
    AssessUnderOrder,

    /// <summary>The tribunal ordered a plan made (reg 44(2)(c)), or the council will not oppose an appeal against refusing one (reg 45): the case reopens.</summary>
    MakePlanUnderOrder,

    /// <summary>An order (or unopposed appeal) on the plan in force: amend it, name another setting, or re-assess (reg 44(2), reg 45).</summary>
    RecordOrderOnPlan,

    /// <summary>The family told, after an order or an unopposed appeal, that the assessment will be made (reg 44(2)(b), reg 45).</summary>
    NotifyAssessmentUnderOrder,

    /// <summary>The family, the child's setting or the council asks for the needs to be re-assessed (reg 24(1)).</summary>
    RequestReassessment,

    /// <summary>The council will re-assess (regs 24–25).</summary>
    DecideToReassess,

    /// <summary>The council will not re-assess, with reasons and appeal rights (reg 24; s.51(2)(d)).</summary>
    DecideNotToReassess,

    /// <summary>After a re-assessment, the plan will not change: a notice with reasons and appeal rights (reg 27; s.51(2)(e)).</summary>
    NotifyNoChangeAfterReassessment,

    /// <summary>A decision to cease the plan at any time, not only after a review, once the family and the setting were informed and consulted (s.45; regs 29–31).</summary>
    DecideToCease,
}
