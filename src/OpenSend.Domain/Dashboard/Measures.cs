using OpenSend.Domain.Redress;
using OpenSend.Domain.Returns;
using OpenSend.Domain.Reviews;
using OpenSend.Domain.Timescales;

namespace OpenSend.Domain.Dashboard;

/// <summary>
/// Every measure of the dashboard, each defined once (../shared/spec/dashboard.md; the green paper's
/// chapter 5 paragraph 16 examples marked). Live measures are counted from the SEN2 return for the
/// census that closes the year, as the DfE counts its published statistics from SEN2, so the same
/// definition gives the LA's live figure and matches the published one in form.
/// </summary>
public static class Measures
{
    private const int SixWeeks = 6 * 7;
    private const int TwentyWeeks = 20 * 7;

    /// <summary>
    /// Requests received in the year. A plan that arrived from another LA (reg 15) stands in the return
    /// on a request made to that LA, dated the day the plan was made: it is not a request to this one.
    /// </summary>
    private static IEnumerable<(Sen2Person Person, Sen2Request Request)> RequestsReceived(LiveData d) =>
        d.Return.Requests.Where(x => d.InYear(x.Request.ReceivedDate) && x.Request.Assessment?.Plan?.Active?.TransferredFromLa is null);

    /// <summary>
    /// New plans issued in the year: the assessment ended in a plan whose final version was issued in
    /// the year. A plan that arrived from another LA is not new (it is not in the 20-week counts).
    /// </summary>
    private static IEnumerable<(Sen2Person Person, Sen2Request Request, Sen2Plan Plan)> NewPlansIssued(LiveData d) =>
        d.Return.Plans.Where(x => x.Request.Assessment!.Outcome == Sen2AssessmentOutcome.Y && d.InYear(x.Plan.StartDate) && x.Plan.Active?.TransferredFromLa is null);

    /// <summary>Plans in force on census day.</summary>
    private static IEnumerable<(Sen2Person Person, Sen2Request Request, Sen2Plan Plan)> ActivePlans(LiveData d) =>
        d.Return.Plans.Where(x => x.Plan.Active is not null);

    private static IEnumerable<(Sen2Person Person, Sen2Request Request, Sen2Plan Plan)> CeasedInYear(LiveData d) =>
        d.Return.Plans.Where(x => d.InYear(x.Plan.CeaseDate));

    private static int Days(DateOnly from, DateOnly to) => to.DayNumber - from.DayNumber;

    /// <summary>
    /// The decisions the MoJ's and DfE's appeal rate puts under its appeals, counted from SEN2 as
    /// theirs is: requests refused and decisions not to issue a plan in the year, plans in force on
    /// census day, and plans ceased in the year because needs are met without one.
    /// </summary>
    private static IEnumerable<CountedUnit> AppealableDecisions(LiveData d) =>
        d.Return.Requests
            .Where(x => (x.Request.Outcome == Sen2RequestOutcome.N && d.InYear(x.Request.OutcomeDate))
                || (x.Request.Assessment is { Outcome: Sen2AssessmentOutcome.N } assessment && d.InYear(assessment.OutcomeDate)))
            .Select(x => new CountedUnit(x.Person, null, false))
            .Concat(ActivePlans(d).Select(x => new CountedUnit(x.Person, x.Plan, false)))
            .Concat(CeasedInYear(d).Where(x => x.Plan.CeaseReason == (int)CeaseReason.NeedsMetWithoutPlan).Select(x => new CountedUnit(x.Person, x.Plan, false)));

    /// <summary>
    /// The version of the live definitions. Counts an LA's dashboard keeps say which version made
    /// them; raise this whenever a live definition (or what SEN2 counts) changes, so every kept
    /// count is recounted rather than shown beside counts made the new way.
    /// </summary>
    public const int LiveVersion = 4;

    public static readonly IReadOnlyList<MeasureDefinition> All =
    [
        // Experiences: timeliness and redress.
        new("requests-decided-within-6-weeks", "Requests decided within 6 weeks", MeasureGroup.Experiences, MeasureKind.Percentage,
            "Requests received in the year where the decision whether to assess was made within 6 weeks", "Requests received in the year with a decision whether to assess",
            "Calendar year", "SEND Regulations 2014 reg 5(1); DfE SEN2 item 'request outcome date'", HigherIsBetter: true,
            Live: d => RequestsReceived(d).Where(x => x.Request.Outcome is Sen2RequestOutcome.A or Sen2RequestOutcome.N && x.Request.OutcomeDate is not null)
                .Select(x => new CountedUnit(x.Person, null, Days(x.Request.ReceivedDate, x.Request.OutcomeDate!.Value) <= SixWeeks)),
            Published: new("requests", "request_outcome_six_weeks", ["request_outcome_six_weeks", "request_outcome_over_6_weeks"], "request_outcome_six_weeks_pc")),
        new("plans-within-20-weeks", "New plans issued within 20 weeks", MeasureGroup.Experiences, MeasureKind.Percentage,
            "Final plans issued in the year within 20 weeks of the request", "Final plans issued in the year (new plans, including exception cases)",
            "Calendar year", "SEND Regulations 2014 reg 13(2); DfE definition (SEN2 'week20')", HigherIsBetter: true,
            Live: d => NewPlansIssued(d).Select(x => new CountedUnit(x.Person, x.Plan, Days(x.Request.ReceivedDate, x.Plan.StartDate) <= TwentyWeeks)),
            Published: new("timeliness_20_week", "plans_issued_within_20_weeks", ["plans_issued_den"], "pc_plans_issued_within_20_weeks"),
            GreenPaperExample: "Timeliness of assessments"),
        new("plans-within-20-weeks-excluding-exceptions", "New plans issued within 20 weeks, excluding exceptions", MeasureGroup.Experiences, MeasureKind.Percentage,
            "Final plans issued in the year within 20 weeks of the request, leaving out those an exception applied to", "Final plans issued in the year that no exception applied to",
            "Calendar year", "SEND Regulations 2014 regs 13(2)–(3); DfE definition (SEN2 'week20')", HigherIsBetter: true,
            Live: d => NewPlansIssued(d).Where(x => !x.Request.Assessment!.Week20Exception)
                .Select(x => new CountedUnit(x.Person, x.Plan, Days(x.Request.ReceivedDate, x.Plan.StartDate) <= TwentyWeeks)),
            Published: new("timeliness_20_week", "plans_issued_20_weeks_ex", ["plans_issued_den_ex"], "PC_plans_issued_20_weeks_ex")),
        new("plans-20-to-52-weeks", "New plans issued after 20 weeks but within a year", MeasureGroup.Experiences, MeasureKind.Percentage,
            "Final plans issued in the year more than 20 weeks but less than a year after the request", "Final plans issued in the year",
            "Calendar year", "DfE definition", HigherIsBetter: false,
            Live: d => NewPlansIssued(d).Select(x => new CountedUnit(x.Person, x.Plan, Days(x.Request.ReceivedDate, x.Plan.StartDate) is > TwentyWeeks and < 365)),
            Published: new("timeliness_20_week", "plans_issued_gt20weeks_ltYear", ["plans_issued_den"], "pc_plans_issued_gt20weeks_ltYear")),
        new("plans-over-a-year", "New plans issued more than a year after the request", MeasureGroup.Experiences, MeasureKind.Percentage,
            "Final plans issued in the year a year or more after the request", "Final plans issued in the year",
            "Calendar year", "DfE definition", HigherIsBetter: false,
            Live: d => NewPlansIssued(d).Select(x => new CountedUnit(x.Person, x.Plan, Days(x.Request.ReceivedDate, x.Plan.StartDate) >= 365)),
            Published: new("timeliness_20_week", "plans_issued_gt_1_year", ["plans_issued_den"], "pc_plans_issued_gt_1_year")),
        new("provision-reported-not-delivered", "Provision reported not delivered", MeasureGroup.Experiences, MeasureKind.Percentage,
            "Provision in plans in force that the family or setting, at their latest word in the year, said was partly or not delivered",
            "Pieces of provision in plans in force that a family or setting reported on in the year",
            "Calendar year", "Children and Families Act 2014 s.42 (the duty to secure the provision); OpenSEND's own measure, which no published statistic has", HigherIsBetter: false,
            Live: d => d.ProvisionReportedOn.Select(p => new CountedUnit(p.Person, null, p.Undelivered))),
        new("review-decisions-within-4-weeks", "Annual review decisions within 4 weeks", MeasureGroup.Experiences, MeasureKind.Percentage,
            "Reviews decided in the year where the decision was sent within 4 weeks of the meeting", "Reviews of plans in force decided in the year",
            "Calendar year", "SEND Regulations 2014 reg 20(10)", HigherIsBetter: true,
            Live: d => ActivePlans(d).Where(x => x.Plan.Active!.ReviewMeeting is not null && d.InYear(x.Plan.Active.ReviewDecisionDate))
                .Select(x => new CountedUnit(x.Person, x.Plan, Days(x.Plan.Active!.ReviewMeeting!.Value, x.Plan.Active.ReviewDecisionDate!.Value) <= 28)),
            Published: new("annual_reviews", "number_decsion_4weeks", ["number_decsion_4weeks", "number_decision_gt_4weeks"], "pc_decsion_4weeks")),
        new("reviews-overdue", "Plans not reviewed in the last 12 months", MeasureGroup.Experiences, MeasureKind.Count,
            "Plans in force on census day, made more than a year before it, with no review meeting in the 12 months before it", null,
            "Census day", "Children and Families Act 2014 s.44(1)", HigherIsBetter: false,
            Live: d => ActivePlans(d).Where(x => x.Plan.StartDate.AddYears(1) < d.Census)
                .Select(x => new CountedUnit(x.Person, x.Plan, x.Plan.Active!.ReviewMeeting is not { } met || met.AddYears(1) < d.Census))),
        new("phase-transfers-missed", "Phase transfers not amended before 15 February or 31 March", MeasureGroup.Experiences, MeasureKind.Count,
            "Plans in force whose reg 18 date fell in the year and whose amended plan was not issued by it", null,
            "Calendar year", "SEND Regulations 2014 reg 18", HigherIsBetter: false,
            Live: d => ActivePlans(d).Where(x => d.InYear(x.Plan.Active!.PhaseTransferDueDate))
                .Select(x => new CountedUnit(x.Person, x.Plan, x.Plan.Active!.PhaseTransferFinalDate is not { } final || final > x.Plan.Active.PhaseTransferDueDate))),
        new("tribunal-appeal-rate", "SEND Tribunal appeal rate", MeasureGroup.Experiences, MeasureKind.Percentage,
            "Appeals registered with the First-tier Tribunal (SEND) in the year",
            "Appealable decisions: requests refused and decisions not to issue a plan in the year, plans in force on census day, and plans ceased in the year because needs are met",
            "Calendar year", "Children and Families Act 2014 s.51; MoJ and DfE SEND Tribunal appeal rate (its appealable decisions counted from SEN2)", HigherIsBetter: false,
            Live: d => d.Disagreements.Appeals.Where(a => d.InYear(a.Appeal.RegisteredOn)).Select(a => new CountedUnit(a.Person, null, true, InDenominator: false))
                .Concat(AppealableDecisions(d)),
            Published: new("tribunal_appeals", "appeals_registered", ["appealable_decisions"], "appeal_rate_pc"),
            GreenPaperExample: "Tribunal appeal rates"),
        new("appeals-upheld", "Appeals decided in the family's favour", MeasureGroup.Experiences, MeasureKind.Percentage,
            "Appeals the tribunal decided in the year wholly or partly in favour of the family (it made an order)", "Appeals the tribunal decided in the year (not those withdrawn or conceded)",
            "Calendar year", "SEND Regulations 2014 reg 44; Ministry of Justice tribunal statistics (SEND)", HigherIsBetter: false,
            Live: d => d.Disagreements.Appeals.Where(a => a.Appeal.Stage == AppealStage.Decided && d.InYear(a.Appeal.OutcomeOn))
                .Select(a => new CountedUnit(a.Person, null, a.Appeal.Orders.Count > 0)),
            External: new("Ministry of Justice", "Tribunal statistics quarterly: SEND appeals decided, by outcome and LA (an academic year entered as the year it ends)")),
        new("mediation-take-up", "Families going to mediation", MeasureGroup.Experiences, MeasureKind.Percentage,
            "Families given mediation information in the year who then chose mediation", "Families given mediation information in the year about a decision they could appeal",
            "Calendar year", "Children and Families Act 2014 s.55; SEND Regulations 2014 regs 32–36; green paper ch.2 para 31 (mediation before an appeal)", HigherIsBetter: true,
            Live: d => d.Disagreements.Mediations.Where(m => d.InYear(m.Mediation.InformationGivenOn))
                .Select(m => new CountedUnit(m.Person, null, m.Mediation.CouncilToldOn is { } told && told <= d.Census))),
        new("mediation-agreement", "Mediations reaching agreement", MeasureGroup.Experiences, MeasureKind.Percentage,
            "Mediations held in the year that reached agreement in full or in part", "Mediations held in the year",
            "Calendar year", "SEND Regulations 2014 regs 37–42", HigherIsBetter: true,
            Live: d => d.Disagreements.Mediations.Where(m => d.InYear(m.Mediation.HeldOn))
                .Select(m => new CountedUnit(m.Person, null, m.Mediation.Outcome is MediationOutcome.FullAgreement or MediationOutcome.PartialAgreement))),
        new("appeals-after-mediation", "Mediations followed by an appeal", MeasureGroup.Experiences, MeasureKind.Percentage,
            "Mediations held in the year after which the family appealed the same decision", "Mediations held in the year",
            "Calendar year", "SEND Regulations 2014 regs 37–39; DfE SEN2 (mediation and tribunal items)", HigherIsBetter: false,
            Live: d => d.Disagreements.Mediations.Where(m => d.InYear(m.Mediation.HeldOn))
                .Select(m => new CountedUnit(m.Person, null, m.AppealRegisteredOn is { } registered && registered <= d.Census))),
        new("orders-on-time", "Tribunal orders carried out on time", MeasureGroup.Experiences, MeasureKind.Percentage,
            "Orders and unopposed appeals whose last time limit fell in the year where every step was done within its limit", "Orders and unopposed appeals whose last time limit fell in the year",
            "Calendar year", "SEND Regulations 2014 regs 44–45 (no exception under reg 44(3) counts as on time here)", HigherIsBetter: true,
            Live: d => d.Disagreements.Orders.Select(o => (o.Person, Steps: o.On(d.Census)))
                .Where(o => o.Steps.Count > 0 && o.Steps.Max(s => s.Deadline.Due) is var last && d.InYear(last) && (last < d.Census || o.Steps.All(s => s.State == DeadlineState.Met)))
                .Select(o => new CountedUnit(o.Person, null, o.Steps.All(s => s.State == DeadlineState.Met)))),
        new("complaints-per-1000-plans", "Complaints per 1,000 plans", MeasureGroup.Experiences, MeasureKind.PerThousand,
            "Complaints about SEND made to the council in the year", "Plans in force on census day",
            "Calendar year", "The council's complaints procedure; Local Government Act 1974 Part 3 (the Ombudsman)", HigherIsBetter: false,
            Live: d => d.Disagreements.Complaints.Where(c => d.InYear(c.MadeOn)).Select(c => new CountedUnit(c.Person, null, true, InDenominator: false))
                .Concat(ActivePlans(d).Select(x => new CountedUnit(x.Person, x.Plan, false)))),
        new("weeks-in-redress", "Time from decision to the end of an appeal", MeasureGroup.Experiences, MeasureKind.AverageWeeks,
            "Weeks from the council's decision to the appeal's end (decided, conceded or withdrawn), on average", "Appeals that ended in the year",
            "Calendar year", "Children and Families Act 2014 s.51; green paper ch.2 para 32 (the impact of mediation on redress kept under review)", HigherIsBetter: false,
            Live: d => d.Disagreements.Appeals.Where(a => d.InYear(a.EndedOn))
                .Select(a => new CountedUnit(a.Person, null, true, Days: Days(a.Appeal.DecidedOn, a.EndedOn!.Value)))),
        new("redress-drop-out", "Disagreements the family took no further", MeasureGroup.Experiences, MeasureKind.Percentage,
            "Appeals the family withdrew, and mediation certificates whose time to appeal ran out with no agreement in full and no appeal (even a late one)",
            "Appeals that ended in the year, and mediation certificates whose time to appeal ran out in the year with no appeal",
            "Calendar year", "SEND Regulations 2014 regs 33–39; green paper ch.2 paras 29–32 (redress kept under review, broken down by group to show who is left out)", HigherIsBetter: false,
            Live: d => d.Disagreements.Appeals.Where(a => d.InYear(a.EndedOn)).Select(a => new CountedUnit(a.Person, null, a.Appeal.Stage == AppealStage.Withdrawn))
                .Concat(d.Disagreements.Mediations
                    .Where(m => m.Mediation.CertificateOn is not null && m.Mediation.AppealBy < d.Census && d.InYear(m.Mediation.AppealBy)
                        && (m.AppealRegisteredOn is not { } registered || registered > d.Census))
                    .Select(m => new CountedUnit(m.Person, null, m.Mediation.Outcome != MediationOutcome.FullAgreement)))),

        // Identification of need.
        new("requests-received", "Requests for an EHC needs assessment", MeasureGroup.IdentificationOfNeed, MeasureKind.Count,
            "Requests received in the year", null, "Calendar year", "Children and Families Act 2014 s.36(1); DfE SEN2", HigherIsBetter: null,
            Live: d => RequestsReceived(d).Select(x => new CountedUnit(x.Person, null, true)),
            Published: new("requests", "requests_received_in_year")),
        new("requests-assessed", "Requests the council agreed to assess", MeasureGroup.IdentificationOfNeed, MeasureKind.Percentage,
            "Requests received in the year that the council decided to assess", "Requests received in the year that were decided",
            "Calendar year", "Children and Families Act 2014 s.36(8)", HigherIsBetter: true,
            Live: d => RequestsReceived(d).Where(x => x.Request.Outcome is Sen2RequestOutcome.A or Sen2RequestOutcome.N)
                .Select(x => new CountedUnit(x.Person, null, x.Request.Outcome == Sen2RequestOutcome.A)),
            Published: new("requests", "requests_decided_to_assess", ["requests_decided_to_assess", "requests_decided_not_to_assess"])),
        new("requests-per-10000", "Requests per 10,000 children and young people", MeasureGroup.IdentificationOfNeed, MeasureKind.PerTenThousand,
            "Requests received in the year", "Children and young people aged 0 to 25 (ONS mid-year estimate)", "Calendar year", "DfE SEN2; ONS population estimates", HigherIsBetter: null,
            External: new("ONS and DfE", "Requests from SEN2 over the ONS mid-year population estimate aged 0 to 25, per 10,000")),
        new("active-plans", "EHC plans in force", MeasureGroup.IdentificationOfNeed, MeasureKind.Count,
            "Plans in force on census day", null, "Census day (January)", "DfE SEN2 caseload", HigherIsBetter: null,
            Live: d => ActivePlans(d).Select(x => new CountedUnit(x.Person, x.Plan, true)),
            Published: new("caseload", "ehcplans")),
        new("plans-per-10000", "EHC plans per 10,000 aged 0 to 25", MeasureGroup.IdentificationOfNeed, MeasureKind.PerTenThousand,
            "Plans in force on census day", "Children and young people aged 0 to 25 (ONS mid-year estimate)", "Census day", "DfE SEN2; ONS population estimates", HigherIsBetter: null,
            External: new("ONS and DfE", "Plans in force from SEN2 over the ONS mid-year population estimate aged 0 to 25, per 10,000")),
        new("pupils-with-plans", "Pupils with an EHC plan", MeasureGroup.IdentificationOfNeed, MeasureKind.Percentage,
            "Pupils with an EHC plan in state-funded schools", "All pupils in state-funded schools", "School census (January)", "DfE 'Special educational needs in England'", HigherIsBetter: null,
            External: new("DfE", "Special educational needs in England: pupils with an EHC plan, by LA"),
            GreenPaperExample: "Percentage of pupils with EHC plans"),
        new("plans-by-primary-need", "EHC plans by primary need", MeasureGroup.IdentificationOfNeed, MeasureKind.Count,
            "Plans in force on census day, by the need ranked 1 in section B", null, "Census day (January)", "DfE SEN2 'SEN need' (rank 1)", HigherIsBetter: null,
            Live: d => ActivePlans(d).Select(x => new CountedUnit(x.Person, x.Plan, true)),
            Published: new("sen_needs_all_plans", "ehc_plans"),
            GreenPaperExample: "Proportions by type of need"),
        new("plans-in-mainstream", "Plans naming a mainstream school or college", MeasureGroup.IdentificationOfNeed, MeasureKind.Percentage,
            "Plans in force on census day whose first named setting is a mainstream school", "Plans in force on census day", "Census day (January)", "DfE SEN2 plan detail", HigherIsBetter: true,
            Live: d => ActivePlans(d).Select(x => new CountedUnit(x.Person, x.Plan, x.Plan.PlanSettings.FirstOrDefault() is { } s && d.PlacementOf(s) == PlacementType.Mainstream)),
            Published: new("caseload", "mainstream_total", ["ehcplans"], "mainstream_total_pc")),
        new("plans-in-special", "Plans naming a special school", MeasureGroup.IdentificationOfNeed, MeasureKind.Percentage,
            "Plans in force on census day whose first named setting is a special school (state or non-maintained)", "Plans in force on census day", "Census day (January)", "DfE SEN2 plan detail", HigherIsBetter: null,
            Live: d => ActivePlans(d).Select(x => new CountedUnit(x.Person, x.Plan, x.Plan.PlanSettings.FirstOrDefault() is { } s && d.PlacementOf(s) == PlacementType.Special)),
            Published: new("caseload", "special_total", ["ehcplans"], "special_total_pc")),
        new("plans-in-ap", "Plans naming alternative provision", MeasureGroup.IdentificationOfNeed, MeasureKind.Percentage,
            "Plans in force on census day whose first named setting is a pupil referral unit or AP academy", "Plans in force on census day", "Census day (January)", "DfE SEN2 plan detail", HigherIsBetter: null,
            Live: d => ActivePlans(d).Select(x => new CountedUnit(x.Person, x.Plan, x.Plan.PlanSettings.FirstOrDefault() is { } s && d.PlacementOf(s) == PlacementType.AlternativeProvision)),
            Published: new("caseload", "ap_pru_total", ["ehcplans"], "AP_PRU_total_pc")),

        // Outcomes.
        new("outcomes-on-track", "Plan outcomes achieved or on track at review", MeasureGroup.Outcomes, MeasureKind.Percentage,
            "Outcomes rated achieved or on track in the reports of reviews held in the year", "Outcomes rated in those reports",
            "Calendar year", "SEND Regulations 2014 reg 20(7); green paper ch.2 (standard annual review)", HigherIsBetter: true,
            Live: d => d.Progress.Select(p => new CountedUnit(p.Person, null, p.Progress is OutcomeProgress.Achieved or OutcomeProgress.OnTrack))),
        new("ceased-needs-met", "Plans ceased because needs were met", MeasureGroup.Outcomes, MeasureKind.Percentage,
            "Plans ceased in the year because needs are met without a plan (SEN2 reason 2)", "Plans ceased in the year",
            "Calendar year", "Children and Families Act 2014 s.45; DfE SEN2 cease reason", HigherIsBetter: true,
            Live: d => CeasedInYear(d).Select(x => new CountedUnit(x.Person, x.Plan, x.Plan.CeaseReason == (int)CeaseReason.NeedsMetWithoutPlan)),
            Published: new("ceased_plans", "needs_met", ["total_ceased"])),
        new("attainment-ks2", "Key stage 2: pupils with an EHC plan reaching the expected standard", MeasureGroup.Outcomes, MeasureKind.Percentage,
            "Pupils with an EHC plan reaching the expected standard in reading, writing and maths", "Pupils with an EHC plan at the end of key stage 2", "Academic year", "DfE key stage 2 attainment", HigherIsBetter: true,
            External: new("DfE", "Key stage 2 attainment by SEN status and LA"), GreenPaperExample: "Attainment"),
        new("absence", "Persistent absence of pupils with an EHC plan", MeasureGroup.Outcomes, MeasureKind.Percentage,
            "Pupils with an EHC plan missing 10% or more of sessions", "Pupils with an EHC plan", "Academic year", "DfE pupil absence in schools in England", HigherIsBetter: false,
            External: new("DfE", "Pupil absence by SEN status and LA"), GreenPaperExample: "Absence"),
        new("exclusions", "Pupils with SEN suspended or permanently excluded", MeasureGroup.Outcomes, MeasureKind.Percentage,
            "Pupils with SEN with one or more suspensions or a permanent exclusion", "Pupils with SEN", "Academic year", "DfE suspensions and permanent exclusions in England", HigherIsBetter: false,
            External: new("DfE", "Suspensions and permanent exclusions by SEN status and LA"), GreenPaperExample: "Proportion of children with SEN excluded"),
        new("destinations-16-18", "Young people with SEN in education, employment or apprenticeships after 16 to 18", MeasureGroup.Outcomes, MeasureKind.Percentage,
            "Young people with SEN in a sustained education, apprenticeship or employment destination after 16 to 18 study", "Young people with SEN finishing 16 to 18 study", "Academic year", "DfE 16 to 18 destination measures", HigherIsBetter: true,
            External: new("DfE", "16 to 18 destination measures by SEN status and LA"), GreenPaperExample: "Percentage of young people with SEN in employment, apprenticeships or higher education after 16 to 18"),
        new("health-waiting-times", "Community health waiting times for children and young people", MeasureGroup.Outcomes, MeasureKind.Percentage,
            "Children and young people waiting more than 18 weeks for community health services (speech and language therapy, therapies, community paediatrics)", "Children and young people waiting",
            "Month", "NHS England community health services waiting lists", HigherIsBetter: false,
            External: new("NHS England", "Community health services waiting lists, by ICB mapped to LA"), GreenPaperExample: "Community health waiting times"),

        // Value for money.
        new("high-needs-spend", "High-needs spend", MeasureGroup.ValueForMoney, MeasureKind.Money,
            "High-needs block spend in the financial year", null, "Financial year", "LA section 251 outturn", HigherIsBetter: null,
            External: new("DfE", "LA and school expenditure: section 251 outturn, high needs"), GreenPaperExample: "High-needs spend"),
        new("high-needs-spend-per-plan", "High-needs spend per EHC plan", MeasureGroup.ValueForMoney, MeasureKind.Money,
            "High-needs block spend in the financial year", "Plans in force at the January census in that year", "Financial year", "Section 251 outturn over SEN2 caseload", HigherIsBetter: false,
            External: new("DfE", "Section 251 high-needs outturn over plans in force")),
        new("dsg-high-needs-balance", "High-needs surplus or deficit", MeasureGroup.ValueForMoney, MeasureKind.Money,
            "The dedicated schools grant's cumulative high-needs balance at the end of the financial year (negative is a deficit)", null, "Financial year", "LA DSG management plans / section 251", HigherIsBetter: true,
            External: new("DfE", "DSG cumulative balance, high-needs block"), GreenPaperExample: "High-needs surplus or deficit"),
        new("out-of-area-spend", "Spend on provision outside the area", MeasureGroup.ValueForMoney, MeasureKind.Percentage,
            "High-needs spend on placements outside the LA's area", "All high-needs spend on placements", "Financial year", "Section 251 outturn (in-area and out-of-area lines)", HigherIsBetter: false,
            External: new("DfE", "Section 251: in-area and out-of-area placement spend"), GreenPaperExample: "Percentage of spend on in-area versus out-of-area provision"),
        new("personal-budgets", "Plans with a personal budget", MeasureGroup.ValueForMoney, MeasureKind.Count,
            "Plans in force on census day with a personal budget (direct payments or organised arrangements)", null, "Census day", "Children and Families Act 2014 s.49; DfE SEN2", HigherIsBetter: true,
            Live: d => ActivePlans(d).Select(x => new CountedUnit(x.Person, x.Plan, x.Plan.PersonalBudgetDirectPayments || x.Plan.PersonalBudgetOrganisedArrangements)),
            Published: new("personal_budgets", "personal_budget")),

        // Alternative provision.
        new("pupils-in-ap", "Pupils in alternative provision", MeasureGroup.AlternativeProvision, MeasureKind.Count,
            "Pupils in state-place-funded and LA-funded alternative provision", null, "Census day (January)", "DfE AP census and school census", HigherIsBetter: null,
            External: new("DfE", "Alternative provision census, by tier and LA")),
        new("ap-returned-to-mainstream", "Time-limited AP placements returned to mainstream on time", MeasureGroup.AlternativeProvision, MeasureKind.Percentage,
            "Time-limited AP placements ending with a return to mainstream within the planned time", "Time-limited AP placements ending in the year", "Academic year", "Green paper ch.4 (AP performance framework)", HigherIsBetter: true,
            External: new("AP partnerships", "AP performance framework: reintegration outcomes")),
    ];

    public static MeasureDefinition Get(string id) => All.FirstOrDefault(m => m.Id == id) ?? throw new KeyNotFoundException($"There is no measure '{id}'.");

    public static MeasureDefinition? Find(string id) => All.FirstOrDefault(m => m.Id == id);
}
