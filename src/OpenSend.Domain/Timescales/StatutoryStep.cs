namespace OpenSend.Domain.Timescales;

/// <summary>
/// A statutory step with a time limit. The API spells these in kebab case
/// ("decision-to-assess"), as the foundation issue fixes them.
/// </summary>
public enum StatutoryStep
{
    DecisionToAssess,
    AdviceProvided,
    DecisionNotToIssue,
    FinalPlan,
    RepresentationsClose,
    InvitationsBy,
    PapersBy,
    ReportBy,
    DecisionBy,
    AmendedPlanBy,

    /// <summary>The plan reviewed within 12 months of being made or last reviewed (s.44(1)).</summary>
    AnnualReview,

    /// <summary>After a plan moves to a new LA: the family told of the transfer (reg 15(4)).</summary>
    TransferNotice,

    /// <summary>After a plan moves to a new LA: the plan reviewed by the new LA (reg 15(5)).</summary>
    TransferReview,

    /// <summary>The amended final plan within 8 weeks of the amendment notice (reg 22(3)).</summary>
    AmendedPlanAfterNotice,

    /// <summary>The plan reviewed and amended to name the next setting before a phase transfer (reg 18).</summary>
    PhaseTransferAmendment,

    /// <summary>A setting consulted about being named answers whether it can meet the child's needs (s.39(2)).</summary>
    ConsultationResponse,

    /// <summary>After a review decides to amend, the proposed amendments sent within 4 weeks of the meeting (Devon [2022]).</summary>
    AmendmentNoticeBy,
}

/// <summary>What starts a statutory clock.</summary>
public enum ClockAnchor
{
    /// <summary>The LA receives a request (s.36(1)) or becomes responsible for the child (s.24).</summary>
    RequestReceived,

    /// <summary>The LA asks an adviser for advice and information (reg 6, reg 8).</summary>
    AdviceRequested,

    /// <summary>A draft plan is served on the parent or young person (reg 13(1)).</summary>
    DraftPlanServed,

    /// <summary>The annual review meeting (reg 20).</summary>
    ReviewMeeting,

    /// <summary>The plan was made, or last reviewed (s.44(1)).</summary>
    PlanMadeOrReviewed,

    /// <summary>The date an EHC plan was transferred to the new LA when the child moved (reg 15(2)).</summary>
    PlanTransferred,

    /// <summary>The LA sends the proposed amendments to the family (reg 22(2)).</summary>
    AmendmentNotice,

    /// <summary>The LA consults a setting about naming it in section I (s.39(2)).</summary>
    SettingConsulted,
}

/// <summary>The transfers between phases of education that reg 18 gives a fixed deadline.</summary>
public enum PhaseTransferKind
{
    EarlyYearsToSchool,
    InfantToJunior,
    PrimaryToMiddle,
    PrimaryToSecondary,
    MiddleToSecondary,
    SecondaryToPost16,

    /// <summary>A young person moving from one post-16 institution to another (reg 18(2)): no fixed day, 5 months before the move.</summary>
    Post16ToPost16,
}
