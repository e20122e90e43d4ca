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

    /// <summary>The last day to appeal to the First-tier Tribunal (SEND) (HESC r.20, r.12).</summary>
    AppealBy,

    /// <summary>After an order or an unopposed appeal: the family told that the assessment will be made (reg 44(2)(b), reg 45).</summary>
    NotifyBy,

    /// <summary>After an order or an unopposed appeal to assess: the family told if no plan will be issued (reg 44(2)(b), reg 45).</summary>
    DecisionNotToIssueBy,

    /// <summary>After an order or an unopposed appeal: the draft plan served (reg 44(2)(c), reg 45).</summary>
    DraftPlanBy,

    /// <summary>After an order or an unopposed appeal: the final plan issued (reg 44(2)(b)–(c), reg 45).</summary>
    FinalPlanBy,

    /// <summary>The commissioner's response to a tribunal's health or social care recommendation (SI 2017/1306).</summary>
    ResponseBy,

    /// <summary>The council's response to an appeal (HESC r.21).</summary>
    AppealResponseBy,

    /// <summary>A mediation certificate issued (regs 33–34 after the information; reg 39 after mediation).</summary>
    MediationCertificateBy,

    /// <summary>The mediation held, once the council is told the family wants it (reg 37).</summary>
    MediationBy,

    /// <summary>What was agreed in mediation that the tribunal could not order, carried out (reg 42).</summary>
    MediationAgreementBy,

    /// <summary>The decision whether to re-assess, notified within 15 days of the request (reg 24).</summary>
    ReassessmentDecisionBy,

    /// <summary>After a re-assessment: the amended plan, or a notice that it will not change, within 14 weeks of the request (reg 27).</summary>
    ReassessmentOutcomeBy,
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

    /// <summary>The LA's letter telling the family of a decision they can appeal (s.51; HESC r.20).</summary>
    DecisionLetter,

    /// <summary>The mediation adviser issued a certificate (s.55): the family then has 1 month to appeal if that is later.</summary>
    MediationCertificate,

    /// <summary>The family spoke to the mediation adviser and was given the information, or said they do not want mediation (regs 33–34).</summary>
    MediationInformation,

    /// <summary>The council was told the family wants mediation (reg 37).</summary>
    MediationWanted,

    /// <summary>The mediation ended (reg 39), or reached an agreement (reg 42).</summary>
    MediationEnded,

    /// <summary>The tribunal sent the appeal to the council (HESC r.21).</summary>
    AppealSentToCouncil,

    /// <summary>The tribunal ordered the council to assess or re-assess (reg 44(2)(b)).</summary>
    OrderToAssess,

    /// <summary>The tribunal ordered the council to make and maintain a plan (reg 44(2)(c)).</summary>
    OrderToMakePlan,

    /// <summary>The tribunal ordered the council to amend the plan's contents (reg 44(2)).</summary>
    OrderToAmend,

    /// <summary>The tribunal ordered the council to name another school or institution only (reg 44(2)).</summary>
    OrderToNameSetting,

    /// <summary>The council told the tribunal it will not oppose an appeal against a refusal to assess or re-assess (reg 45).</summary>
    UnopposedRefusalToAssess,

    /// <summary>The council told the tribunal it will not oppose an appeal against a refusal to issue a plan (reg 45).</summary>
    UnopposedRefusalToIssue,

    /// <summary>The council told the tribunal it will not oppose an appeal against the plan's contents (reg 45).</summary>
    UnopposedContents,

    /// <summary>The council told the tribunal it will not oppose an appeal against the school or institution named only (reg 45).</summary>
    UnopposedNameSetting,

    /// <summary>The tribunal made a health or social care recommendation (SI 2017/1306).</summary>
    TribunalRecommendation,

    /// <summary>The council received a request for a re-assessment, or decided one is needed (reg 24).</summary>
    ReassessmentRequested,
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
