using OpenSend.Domain.Assessments;
using OpenSend.Domain.Common;

namespace OpenSend.Domain.Timescales;

/// <summary>A local area's choice to run a non-statutory rule set (the green paper's proposals) from a date.</summary>
public sealed record LocalRuleAdoption(string RuleSetId, DateOnly From);

/// <summary>
/// Every rule set OpenSEND knows, as data. Sources: Children and Families Act 2014 Part 3;
/// the Special Educational Needs and Disability Regulations 2014 (SI 2014/1530); the SEND
/// (Coronavirus) (Amendment) Regulations 2020 (SI 2020/471); First-tier Tribunal (HESC)
/// Rules 2008 r.20; R (L, M and P) v Devon CC [2022] EWHC 493 (Admin); the SEND and AP
/// green paper (2022). See ../shared/spec/statutory-timescales.md.
/// </summary>
public static class RuleSetCatalogue
{
    public const string SendRegulations2014Id = "send-regulations-2014";
    public const string GreenPaper2022Id = "green-paper-2022";

    private const string Regs = "SEND Regulations 2014";

    // The 20-week pathway. Reg 5(1): decide whether to assess within 6 weeks of the request
    // (or of becoming responsible under s.24). Reg 8(1): each adviser has 6 weeks from being
    // asked. Reg 10(1): a decision not to issue within 16 weeks. Reg 13(1)(a): at least 15 days
    // for representations, beginning with the day of service. Reg 13(2): the final plan within
    // 20 weeks.
    private static readonly DeadlineRule[] AssessmentDeadlines =
    [
        new(StatutoryStep.DecisionToAssess, ClockAnchor.RequestReceived, new WeeksAfter(6),
            "Decide whether to assess",
            "The council must tell you whether it will carry out an EHC needs assessment by {0}",
            $"{Regs} reg 5(1)", "reg 5(4)"),
        new(StatutoryStep.AdviceProvided, ClockAnchor.AdviceRequested, new WeeksAfter(6),
            "Advice and information provided",
            "Advice and information must be given to the council by {0}",
            $"{Regs} reg 8(1)", "reg 8(2)"),
        new(StatutoryStep.DecisionNotToIssue, ClockAnchor.RequestReceived, new WeeksAfter(16),
            "Tell the family if no plan will be issued",
            "If the council decides not to issue an EHC plan, it must tell you by {0}",
            $"{Regs} reg 10(1)", "reg 10(4)"),
        new(StatutoryStep.FinalPlan, ClockAnchor.RequestReceived, new WeeksAfter(20),
            "Issue the final EHC plan",
            "If the council issues an EHC plan, it must send you the final plan by {0}",
            $"{Regs} reg 13(2)", "reg 13(3)"),
        new(StatutoryStep.RepresentationsClose, ClockAnchor.DraftPlanServed, new DaysBeginningWith(15),
            "Representations on the draft plan close",
            "You can comment on the draft plan, ask for a meeting and ask for a school or college to be named until {0}",
            $"{Regs} reg 13(1)(a)"),

        // Annual review (reg 20) and the whole review-to-amended-plan process (Devon [2022]).
        new(StatutoryStep.InvitationsBy, ClockAnchor.ReviewMeeting, new WeeksBefore(2),
            "Send invitations to the review meeting",
            "Invitations to the review meeting must be sent by {0}",
            $"{Regs} reg 20(3)"),
        new(StatutoryStep.PapersBy, ClockAnchor.ReviewMeeting, new WeeksBefore(2),
            "Circulate advice and information for the review",
            "Advice and information for the review must be sent out by {0}",
            $"{Regs} reg 20(4)"),
        new(StatutoryStep.ReportBy, ClockAnchor.ReviewMeeting, new WeeksAfter(2),
            "Send the written report of the review meeting",
            "The written report of the review meeting must be sent by {0}",
            $"{Regs} reg 20(7)"),
        new(StatutoryStep.DecisionBy, ClockAnchor.ReviewMeeting, new WeeksAfter(4),
            "Decide to maintain, amend or cease the plan",
            "The council must tell you whether it will keep, change or stop the plan by {0}",
            $"{Regs} reg 20(10)"),
        // Devon [2022]: the reg 20(10) decision and the reg 22(2) notice of the proposed
        // amendments both come within 4 weeks of the meeting (the decision to amend is not complete
        // without them); the amended plan within 12 weeks (4 + reg 22(3)'s 8).
        new(StatutoryStep.AmendmentNoticeBy, ClockAnchor.ReviewMeeting, new WeeksAfter(4),
            "Send the proposed amendments",
            "If the plan is to be changed, the council must send you the proposed changes by {0}",
            "R (L, M and P) v Devon CC [2022] EWHC 493 (Admin); SEND Regulations 2014 reg 22(2)"),
        new(StatutoryStep.AmendedPlanBy, ClockAnchor.ReviewMeeting, new WeeksAfter(12),
            "Issue the amended plan",
            "If the plan is to be changed, the council must send you the amended final plan by {0}",
            "R (L, M and P) v Devon CC [2022] EWHC 493 (Admin)"),

        // Reg 22: proposed amendments go to the family with at least 15 days to comment (reg
        // 22(2)(c), the draft plan's clock); the amended plan follows within 8 weeks (reg 22(3)).
        new(StatutoryStep.AmendedPlanAfterNotice, ClockAnchor.AmendmentNotice, new WeeksAfter(8),
            "Issue the amended plan after the notice",
            "The council must send you the amended plan by {0}",
            $"{Regs} reg 22(3)"),

        // s.44(1): a plan is reviewed in the 12 months starting with the date it was made, then in
        // each 12 months starting with its last review.
        new(StatutoryStep.AnnualReview, ClockAnchor.PlanMadeOrReviewed, new CalendarMonthsBeginningWith(12),
            "Review the plan",
            "The council must review the plan by {0}",
            "Children and Families Act 2014 s.44(1)"),

        // Reg 15: when a child with a plan moves, the plan transfers to the new LA and is treated as
        // made by it on the date the old LA made it (reg 15(3)(a)). Within 6 weeks of the transfer
        // the new LA tells the family it has the plan, whether it proposes to assess and when it will
        // review (reg 15(4)); it reviews before the later of 12 months from the plan being made or
        // last reviewed and 3 months beginning with the transfer (reg 15(5)).
        new(StatutoryStep.TransferNotice, ClockAnchor.PlanTransferred, new WeeksAfter(6),
            "Tell the family the plan has transferred",
            "The council must tell you that it now holds the plan, whether it will carry out a new assessment and when it will review the plan by {0}",
            $"{Regs} reg 15(4)"),
        new(StatutoryStep.TransferReview, ClockAnchor.PlanTransferred, new CalendarMonthsBeginningWith(3),
            "Review the transferred plan",
            "The council must review the plan by {0}",
            $"{Regs} reg 15(5)"),

        // s.39(2): the LA consults the setting before naming it. The Act sets no period; a setting is
        // asked to answer within 15 days, the family's own period on the draft (reg 13(1)(a)).
        new(StatutoryStep.ConsultationResponse, ClockAnchor.SettingConsulted, new DaysAfter(15),
            "The setting answers the consultation",
            "The school or college has been asked to say by {0} whether it can meet the child's needs",
            "Children and Families Act 2014 s.39(2) (15 days: OpenSEND's practice, no period in law)"),
    ];

    private const string Tribunal = "Tribunal Procedure (First-tier Tribunal) (HESC) Rules 2008";

    // Redress (section 3 of ../shared/spec/statutory-timescales.md). The appeal: 2 months from the
    // decision letter or 1 month from the mediation certificate, whichever is later (r.20; s.55), moved
    // out of days the tribunal does not count (r.12). Mediation: the certificate within 3 working days of
    // the information or of the family saying they do not want mediation (regs 33–34); the mediation
    // within 30 days of the council being told it is wanted (reg 37); its certificate within 3 working
    // days of its end (reg 39); what was agreed that the tribunal could not order, within 2 weeks (reg 42).
    // Orders (reg 44(2)) and unopposed appeals (reg 45, counted from the council's notice to the tribunal)
    // have the same shape; a tribunal's health or social care recommendation is answered in 5 weeks.
    private static readonly DeadlineRule[] RedressDeadlines =
    [
        new(StatutoryStep.AppealBy, ClockAnchor.DecisionLetter, new TribunalMonthsAfter(2),
            "Last day to appeal",
            "You can appeal to the First-tier Tribunal (SEND) until {0}",
            $"{Tribunal} r.20 and r.12"),
        new(StatutoryStep.AppealBy, ClockAnchor.MediationCertificate, new TribunalMonthsAfter(1),
            "Last day to appeal after the mediation certificate",
            "You can appeal to the First-tier Tribunal (SEND) until {0}",
            $"{Tribunal} r.20 and r.12; Children and Families Act 2014 s.55"),
        new(StatutoryStep.MediationCertificateBy, ClockAnchor.MediationInformation, new WorkingDaysAfter(3),
            "Issue the mediation certificate",
            "The mediation adviser must give you a certificate by {0}",
            $"{Regs} reg 33 and reg 34"),
        new(StatutoryStep.MediationBy, ClockAnchor.MediationWanted, new DaysAfter(30),
            "Hold the mediation",
            "The mediation must take place by {0}",
            $"{Regs} reg 37"),
        new(StatutoryStep.MediationCertificateBy, ClockAnchor.MediationEnded, new WorkingDaysAfter(3),
            "Issue the certificate after mediation",
            "The mediator must give you a certificate by {0}",
            $"{Regs} reg 39"),
        new(StatutoryStep.MediationAgreementBy, ClockAnchor.MediationEnded, new WeeksAfter(2),
            "Carry out what was agreed in mediation",
            "What was agreed in mediation that the tribunal could not order must be done by {0}",
            $"{Regs} reg 42"),
        new(StatutoryStep.AppealResponseBy, ClockAnchor.AppealSentToCouncil, new TribunalWorkingDaysAfter(30),
            "Send the council's response to the appeal",
            "The council must send its response to the appeal by {0}",
            $"{Tribunal} r.21 and r.12"),
        ..OrderDeadlines(ClockAnchor.OrderToAssess, ClockAnchor.OrderToMakePlan, ClockAnchor.OrderToAmend, ClockAnchor.OrderToNameSetting,
            "the tribunal's order", $"{Regs} reg 44(2)(b)", $"{Regs} reg 44(2)(c)", $"{Regs} reg 44(2)"),
        ..OrderDeadlines(ClockAnchor.UnopposedRefusalToAssess, ClockAnchor.UnopposedRefusalToIssue, ClockAnchor.UnopposedContents, ClockAnchor.UnopposedNameSetting,
            "the council's notice that it will not oppose the appeal", $"{Regs} reg 45", $"{Regs} reg 45", $"{Regs} reg 45"),
        // Regs 24–27: a request for a re-assessment is decided and notified within 15 days; a
        // re-assessment ends within 14 weeks of the request with the amended plan or a notice of no change.
        new(StatutoryStep.ReassessmentDecisionBy, ClockAnchor.ReassessmentRequested, new DaysAfter(15),
            "Decide whether to re-assess",
            "The council must tell you whether it will carry out a re-assessment by {0}",
            $"{Regs} reg 24"),
        new(StatutoryStep.ReassessmentOutcomeBy, ClockAnchor.ReassessmentRequested, new WeeksAfter(14),
            "Issue the plan or a notice of no change after re-assessment",
            "After the re-assessment, the council must send you the amended plan, or tell you it will not change, by {0}",
            $"{Regs} reg 27"),
        new(StatutoryStep.ResponseBy, ClockAnchor.TribunalRecommendation, new WeeksAfter(5),
            "Respond to the tribunal's recommendation",
            "The health or social care commissioner must respond to the tribunal's recommendation by {0}",
            "Special Educational Needs and Disability (First-tier Tribunal Recommendations Power) Regulations 2017 (SI 2017/1306)"),
    ];

    // Reg 44(2)(b): notify within 2 weeks that the assessment will be made, then decide not to issue
    // within 10 weeks or send the final plan within 14; (c): a draft within 5 weeks, the final plan within
    // 11; amending the plan within 5 weeks; naming another school or institution only within 2 weeks.
    private static DeadlineRule[] OrderDeadlines(ClockAnchor assess, ClockAnchor makePlan, ClockAnchor amend, ClockAnchor nameSetting,
        string startWords, string assessBasis, string makePlanBasis, string amendBasis) =>
    [
        new(StatutoryStep.NotifyBy, assess, new WeeksAfter(2),
            "Tell the family the assessment will be made",
            $"After {startWords}, the council must tell you by {{0}} that it will carry out the assessment",
            assessBasis),
        new(StatutoryStep.DecisionNotToIssueBy, assess, new WeeksAfter(10),
            "Tell the family if no plan will be issued",
            $"After {startWords}, if the council decides not to issue a plan it must tell you by {{0}}",
            assessBasis),
        new(StatutoryStep.FinalPlanBy, assess, new WeeksAfter(14),
            "Issue the final plan",
            $"After {startWords}, if the council issues a plan it must send you the final plan by {{0}}",
            assessBasis),
        new(StatutoryStep.DraftPlanBy, makePlan, new WeeksAfter(5),
            "Send the draft plan",
            $"After {startWords}, the council must send you the draft plan by {{0}}",
            makePlanBasis),
        new(StatutoryStep.FinalPlanBy, makePlan, new WeeksAfter(11),
            "Issue the final plan",
            $"After {startWords}, the council must send you the final plan by {{0}}",
            makePlanBasis),
        new(StatutoryStep.AmendedPlanBy, amend, new WeeksAfter(5),
            "Issue the amended plan",
            $"After {startWords}, the council must send you the amended plan by {{0}}",
            amendBasis),
        new(StatutoryStep.AmendedPlanBy, nameSetting, new WeeksAfter(2),
            "Issue the plan naming the school or college",
            $"After {startWords}, the council must send you the plan naming the school or college by {{0}}",
            amendBasis),
    ];

    // Reg 18(1): the review and amendment (naming the next setting) are completed *before* 31 March
    // in the calendar year of a transfer from secondary school to a post-16 institution (18(1)(a)),
    // and before 15 February for every other transfer between phases (18(1)(b); reg 2(1) "transfer
    // between phases of education"). "Before" makes the last day on time 30 March and 14 February.
    private static readonly PhaseTransferRule[] PhaseTransfers =
    [
        new(PhaseTransferKind.EarlyYearsToSchool, new BeforeDayInYear(2, 15), $"{Regs} reg 18(1)(b)"),
        new(PhaseTransferKind.InfantToJunior, new BeforeDayInYear(2, 15), $"{Regs} reg 18(1)(b)"),
        new(PhaseTransferKind.PrimaryToMiddle, new BeforeDayInYear(2, 15), $"{Regs} reg 18(1)(b)"),
        new(PhaseTransferKind.PrimaryToSecondary, new BeforeDayInYear(2, 15), $"{Regs} reg 18(1)(b)"),
        new(PhaseTransferKind.MiddleToSecondary, new BeforeDayInYear(2, 15), $"{Regs} reg 18(1)(b)"),
        new(PhaseTransferKind.SecondaryToPost16, new BeforeDayInYear(3, 31), $"{Regs} reg 18(1)(a)"),
        // Reg 18(2): a move between post-16 institutions "at any other time" has no fixed day.
        new(PhaseTransferKind.Post16ToPost16, new CalendarMonthsBefore(5), $"{Regs} reg 18(2)"),
    ];

    private static ExceptionGround PathwayGround(ExceptionReason reason, char letter, string title, string explanation, int? minimumDays, char? adviserLetter = null)
    {
        var bases = new Dictionary<StatutoryStep, string>
        {
            [StatutoryStep.DecisionToAssess] = $"{Regs} reg 5(4)({letter})",
            [StatutoryStep.DecisionNotToIssue] = $"{Regs} reg 10(4)({letter})",
            [StatutoryStep.FinalPlan] = $"{Regs} reg 13(3), applying reg 10(4)({letter})",
        };
        if (adviserLetter is { } adviser)
        {
            bases[StatutoryStep.AdviceProvided] = $"{Regs} reg 8(2)({adviser})";
        }

        // Reg 44(3): the limits for carrying out an order are excused for exceptional personal
        // circumstances, absence (for 2 weeks, ground AbsentFromAreaAfterOrder) and, where advice was
        // asked of a closed school or college, its closure.
        if (reason is ExceptionReason.ExceptionalPersonalCircumstances)
        {
            foreach (var step in OrderSteps)
            {
                bases[step] = $"{Regs} reg 44(3)";
            }
        }
        else if (reason is ExceptionReason.SchoolOrCollegeClosure or ExceptionReason.EarlyYearsProviderClosure)
        {
            bases[StatutoryStep.DecisionNotToIssueBy] = $"{Regs} reg 44(3)";
            bases[StatutoryStep.FinalPlanBy] = $"{Regs} reg 44(3)";
        }

        return new(reason, title, explanation, bases, minimumDays);
    }

    private static readonly StatutoryStep[] OrderSteps =
        [StatutoryStep.NotifyBy, StatutoryStep.DecisionNotToIssueBy, StatutoryStep.DraftPlanBy, StatutoryStep.FinalPlanBy, StatutoryStep.AmendedPlanBy];

    // Regs 5(4), 10(4) and 13(3) excuse the LA's limits for the same four reasons. Reg 8(2)
    // excuses an adviser for three: (a) exceptional personal circumstances, (b) absence from the
    // area for at least 4 weeks, (c) an appointment not kept; a closure is not among them. SI
    // 2020/471 added reasons relating to coronavirus for 1 May to 25 September 2020 inclusive.
    private static readonly ExceptionGround[] ExceptionGrounds2014 =
    [
        PathwayGround(ExceptionReason.SchoolOrCollegeClosure, 'a',
            "School or college closed for 4 weeks or more",
            "Advice was asked of a school or post-16 institution in the period from one week before it closed for at least 4 weeks in a row to one week before it reopened.",
            28),
        PathwayGround(ExceptionReason.EarlyYearsProviderClosure, 'b',
            "Early years provider closed for 4 weeks or more",
            "Advice was asked of a provider of relevant early years education in the period from one week before it closed for at least 4 weeks in a row to one week before it reopened.",
            28),
        PathwayGround(ExceptionReason.ExceptionalPersonalCircumstances, 'c',
            "Exceptional personal circumstances",
            "Exceptional personal circumstances affected the child, their parent or the young person.",
            null, adviserLetter: 'a'),
        PathwayGround(ExceptionReason.AbsentFromArea, 'd',
            "Away from the area for 4 weeks or more",
            "The child, their parent or the young person was away from the council's area for at least 4 weeks in a row.",
            28, adviserLetter: 'b'),
        new(ExceptionReason.AbsentFromAreaAfterOrder,
            "Away from the area for 2 weeks or more (after a tribunal's order)",
            "The child, their parent or the young person was away from the council's area for at least 2 weeks in a row while the council was carrying out the tribunal's order.",
            OrderSteps.ToDictionary(s => s, _ => $"{Regs} reg 44(3)"),
            14),
        new(ExceptionReason.MissedAppointment,
            "Appointment not kept",
            "The child, their parent or the young person did not keep an appointment for an examination or test during the 6 weeks.",
            new Dictionary<StatutoryStep, string> { [StatutoryStep.AdviceProvided] = $"{Regs} reg 8(2)(c)" }),
        new(ExceptionReason.Coronavirus,
            "Coronavirus (1 May to 25 September 2020)",
            "It was not practicable to meet the time limit for a reason relating to the incidence or transmission of coronavirus.",
            new Dictionary<StatutoryStep, string>
            {
                [StatutoryStep.DecisionToAssess] = "SI 2020/471, modifying SEND Regulations 2014 reg 5",
                [StatutoryStep.AdviceProvided] = "SI 2020/471, modifying SEND Regulations 2014 reg 8",
                [StatutoryStep.DecisionNotToIssue] = "SI 2020/471, modifying SEND Regulations 2014 reg 10",
                [StatutoryStep.FinalPlan] = "SI 2020/471, modifying SEND Regulations 2014 reg 13",
            },
            AvailableFrom: new DateOnly(2020, 5, 1),
            AvailableUntil: new DateOnly(2020, 9, 25)),
    ];

    private static readonly Dictionary<PathwayAction, string> ActionBasis2014 = new()
    {
        [PathwayAction.ReceiveRequest] = "Children and Families Act 2014 s.36(1); SEND Regulations 2014 regs 3–4",
        [PathwayAction.RecordPanelRecommendation] = "The council's own decision-making process (the SEND Regulations 2014 do not require a panel)",
        [PathwayAction.DecideToAssess] = "Children and Families Act 2014 s.36(8); SEND Regulations 2014 reg 5(1)",
        [PathwayAction.DecideNotToAssess] = "SEND Regulations 2014 reg 5(1); appeal and mediation rights reg 5(3)",
        [PathwayAction.RequestAdvice] = "SEND Regulations 2014 reg 6(1)",
        [PathwayAction.RecordAdviceReceived] = "SEND Regulations 2014 reg 8(1)",
        [PathwayAction.DecideToIssue] = "Children and Families Act 2014 s.37(1)",
        [PathwayAction.DecideNotToIssue] = "SEND Regulations 2014 reg 10(1); appeal and mediation rights reg 10(3)",
        [PathwayAction.ServeDraftPlan] = "Children and Families Act 2014 s.38(1); SEND Regulations 2014 reg 13(1)",
        [PathwayAction.RecordRepresentations] = "Children and Families Act 2014 s.38(2); SEND Regulations 2014 reg 13(1)(a)",
        [PathwayAction.IssueFinalPlan] = "Children and Families Act 2014 s.39–40; SEND Regulations 2014 reg 13(2); appeal and mediation rights reg 14",
        [PathwayAction.RecordException] = "SEND Regulations 2014 regs 5(4), 8(2)(a)–(c), 10(4), 13(3)",
        [PathwayAction.Withdraw] = "Request withdrawn by the parent or young person who made it (Children and Families Act 2014 s.36(1))",
        [PathwayAction.TransferOut] = "Children and Families Act 2014 s.24 (the receiving council becomes responsible)",
        [PathwayAction.ReceiveTransferredPlan] = "Children and Families Act 2014 s.47; SEND Regulations 2014 reg 15(2)–(3)",
        [PathwayAction.RecordTransferNotice] = "SEND Regulations 2014 reg 15(4)",
        [PathwayAction.RecordReviewDecision] = "Children and Families Act 2014 s.44; SEND Regulations 2014 reg 20(10); appeal rights s.51(2)(e)–(f)",
        [PathwayAction.RecordPlacementDecision] = "Children and Families Act 2014 ss.33, 38(2)(b), 39(2)–(4), 40; appeal rights s.51(2)(c)",
        [PathwayAction.CeasePlan] = "Children and Families Act 2014 s.45; SEND Regulations 2014 regs 29–31; after an appeal is dismissed, reg 44(2)(a)",
        [PathwayAction.ProposeAmendments] = "Children and Families Act 2014 s.44(4); SEND Regulations 2014 reg 22(2)",
        [PathwayAction.IssueAmendedPlan] = "SEND Regulations 2014 reg 22(3); appeal rights s.51(2)(c)",
        [PathwayAction.DecideNotToAmend] = "SEND Regulations 2014 reg 22(4); appeal rights s.51(2)(e)",
        [PathwayAction.KeepPlan] = "Children and Families Act 2014 s.45; after the tribunal orders the plan to continue, SEND Regulations 2014 reg 44(2)",
        [PathwayAction.AssessUnderOrder] = "Children and Families Act 2014 s.51; SEND Regulations 2014 reg 44(2)(b), or reg 45 where the council did not oppose the appeal",
        [PathwayAction.MakePlanUnderOrder] = "Children and Families Act 2014 s.51; SEND Regulations 2014 reg 44(2)(c), or reg 45 where the council did not oppose the appeal",
        [PathwayAction.RecordOrderOnPlan] = "Children and Families Act 2014 s.51; SEND Regulations 2014 reg 44(2), or reg 45 where the council did not oppose the appeal",
        [PathwayAction.NotifyAssessmentUnderOrder] = "SEND Regulations 2014 reg 44(2)(b) and reg 45",
        [PathwayAction.RequestReassessment] = "SEND Regulations 2014 reg 24(1)",
        [PathwayAction.DecideToReassess] = "SEND Regulations 2014 regs 24–25",
        [PathwayAction.DecideNotToReassess] = "SEND Regulations 2014 reg 24; appeal rights s.51(2)(d)",
        [PathwayAction.NotifyNoChangeAfterReassessment] = "SEND Regulations 2014 reg 27; appeal rights s.51(2)(e)",
        [PathwayAction.DecideToCease] = "Children and Families Act 2014 s.45; SEND Regulations 2014 regs 29–31; appeal rights s.51(2)(f)",
    };

    public static StatutoryRuleSet SendRegulations2014 { get; } = new()
    {
        Id = SendRegulations2014Id,
        Name = "SEND Regulations 2014",
        Source = "Children and Families Act 2014 Part 3 and the Special Educational Needs and Disability Regulations 2014 (SI 2014/1530)",
        // Reg 1: the Regulations came into force on 1 September 2014.
        EffectiveFrom = new DateOnly(2014, 9, 1),
        Policy = new PathwayPolicy(
            PanelRecommendationRequired: false,
            Mediation: MediationBeforeAppeal.InformationAndCertificate,
            AppealBasis: "Tribunal Procedure (First-tier Tribunal) (HESC) Rules 2008 r.20; Children and Families Act 2014 s.55"),
        Deadlines = [.. AssessmentDeadlines, .. RedressDeadlines],
        PhaseTransfers = PhaseTransfers,
        ExceptionGrounds = ExceptionGrounds2014,
        ActionBasis = ActionBasis2014,
    };

    /// <summary>
    /// The 2022 green paper's proposals (not law): the same clocks, plus a statutory multi-agency
    /// panel whose recommendation the LA must take into account (chapter 2 paragraphs 12–13) and
    /// mediation made mandatory before an appeal (chapter 2 paragraph 31). A local area opts in.
    /// </summary>
    public static StatutoryRuleSet GreenPaper2022 { get; } = SendRegulations2014 with
    {
        Id = GreenPaper2022Id,
        Name = "Green paper 2022 proposals",
        Source = "SEND Regulations 2014 with the proposals of 'SEND Review: right support, right place, right time' (DfE, March 2022)",
        // Published 29 March 2022; never in force nationally, only where an area adopts it.
        EffectiveFrom = new DateOnly(2022, 3, 29),
        AppliesOnlyWhereAdopted = true,
        Policy = SendRegulations2014.Policy with
        {
            PanelRecommendationRequired = true,
            Mediation = MediationBeforeAppeal.Mandatory,
            AppealBasis = "Green paper 2022 chapter 2 paragraph 31 (mandatory mediation); First-tier Tribunal rules r.20",
        },
        ActionBasis = new Dictionary<PathwayAction, string>(ActionBasis2014)
        {
            [PathwayAction.RecordPanelRecommendation] = "Green paper 2022 chapter 2 paragraphs 12–13 (statutory multi-agency panel)",
            [PathwayAction.DecideToAssess] = "SEND Regulations 2014 reg 5(1), taking the panel's recommendation into account (green paper 2022 ch.2 para 13)",
            [PathwayAction.DecideNotToAssess] = "SEND Regulations 2014 reg 5(1), taking the panel's recommendation into account (green paper 2022 ch.2 para 13); appeal rights as the law in force gives them",
            [PathwayAction.DecideToIssue] = "Children and Families Act 2014 s.37(1), taking the panel's recommendation into account (green paper 2022 ch.2 para 13)",
            [PathwayAction.DecideNotToIssue] = "SEND Regulations 2014 reg 10(1), taking the panel's recommendation into account (green paper 2022 ch.2 para 13); appeal rights as the law in force gives them",
        },
    };

    public static IReadOnlyList<StatutoryRuleSet> All { get; } = [SendRegulations2014, GreenPaper2022];

    public static StatutoryRuleSet? Find(string id) => All.FirstOrDefault(r => r.Id == id);

    public static StatutoryRuleSet Get(string id) =>
        Find(id) ?? throw new InvalidOperationException($"No rule set has the id '{id}'.");

    /// <summary>
    /// The rule set a clock that starts on <paramref name="clockStart"/> runs under: the local
    /// area's adopted rule set if it had adopted one by then, otherwise the law in force that day.
    /// </summary>
    public static StatutoryRuleSet ForClockStart(DateOnly clockStart, LocalRuleAdoption? adoption = null)
    {
        if (adoption is not null && clockStart >= adoption.From)
        {
            var adopted = Get(adoption.RuleSetId);
            if (adopted.InForceOn(clockStart))
            {
                return adopted;
            }
        }

        return All.FirstOrDefault(r => !r.AppliesOnlyWhereAdopted && r.InForceOn(clockStart))
            ?? throw new StepRefusedException(
                "before-send-regulations",
                $"The date must be on or after {UkCalendar.InWords(SendRegulations2014.EffectiveFrom)}, when the SEND Regulations 2014 came into force.");
    }
}
