using OpenSend.Domain.Assessments;
using OpenSend.Domain.Common;
using OpenSend.Domain.Plans;
using OpenSend.Domain.Timescales;
using static OpenSend.Domain.Common.Refusal;

namespace OpenSend.Domain.Redress;

/// <summary>Where an appeal to the First-tier Tribunal (SEND) stands.</summary>
public enum AppealStage
{
    /// <summary>Registered by the tribunal; the council's response is awaited (HESC r.21).</summary>
    Registered,

    /// <summary>The council has responded and opposes the appeal; a hearing follows.</summary>
    Opposed,

    /// <summary>Decided by the tribunal: dismissed, or allowed with orders (reg 44).</summary>
    Decided,

    /// <summary>The council told the tribunal it will not oppose: treated as decided for the family (reg 45).</summary>
    NotOpposed,

    /// <summary>The family withdrew the appeal.</summary>
    Withdrawn,
}

public enum AppealAction
{
    RecordSentToCouncil,
    RecordResponse,
    RecordNotOpposing,
    RecordHearing,
    RecordDecision,
    Withdraw,
}

/// <summary>The one table of which appeal step may be recorded at which stage (convention 1).</summary>
public static class AppealTransitions
{
    private static readonly Dictionary<(AppealStage, AppealAction), AppealStage> Table = new()
    {
        [(AppealStage.Registered, AppealAction.RecordSentToCouncil)] = AppealStage.Registered,
        [(AppealStage.Registered, AppealAction.RecordResponse)] = AppealStage.Opposed,
        // Reg 45: the council may concede at any time before the appeal is decided.
        [(AppealStage.Registered, AppealAction.RecordNotOpposing)] = AppealStage.NotOpposed,
        [(AppealStage.Opposed, AppealAction.RecordNotOpposing)] = AppealStage.NotOpposed,
        [(AppealStage.Opposed, AppealAction.RecordHearing)] = AppealStage.Opposed,
        [(AppealStage.Registered, AppealAction.RecordDecision)] = AppealStage.Decided,
        [(AppealStage.Opposed, AppealAction.RecordDecision)] = AppealStage.Decided,
        [(AppealStage.Registered, AppealAction.Withdraw)] = AppealStage.Withdrawn,
        [(AppealStage.Opposed, AppealAction.Withdraw)] = AppealStage.Withdrawn,
    };

    public static AppealStage? Next(AppealStage from, AppealAction action) => Table.TryGetValue((from, action), out var to) ? to : null;

    public static bool IsAllowed(AppealStage from, AppealAction action) => Table.ContainsKey((from, action));

    public static bool IsPending(this AppealStage stage) => stage is AppealStage.Registered or AppealStage.Opposed;
}

/// <summary>A health or social care recommendation the tribunal made with its extended powers, and the commissioner's answer (SI 2017/1306).</summary>
public sealed record TribunalRecommendation(Guid Id, string Commissioner, string Recommendation, DateOnly MadeOn, DateOnly? RespondedOn = null, string? Response = null);

/// <summary>
/// An appeal to the First-tier Tribunal (SEND) against one of the council's decisions (Children and
/// Families Act 2014 s.51): registered with the mediation certificate s.55 requires (none for an appeal
/// only about section I), the council's response within 30 tribunal working days, whether it opposes,
/// the hearing and the decision with its orders (reg 44) or the council's notice that it will not oppose
/// (reg 45). With the extended powers the tribunal may also hear about sections C, D, G, H1 and H2 and
/// recommend, and the commissioner answers within 5 weeks. Under the green paper's rules mediation itself
/// must have been held before an appeal is registered, except one only about section I.
/// </summary>
public sealed class TribunalAppeal
{
    public const int TextLimit = 5_000;

    /// <summary>Sections the tribunal decides on (s.51(2)(c)): B, F and I.</summary>
    public static readonly IReadOnlySet<PlanSection> EducationSections = new HashSet<PlanSection> { PlanSection.B, PlanSection.F, PlanSection.I };

    /// <summary>Sections the extended powers add, alongside an education section (SI 2017/1306).</summary>
    public static readonly IReadOnlySet<PlanSection> ExtendedSections = new HashSet<PlanSection> { PlanSection.C, PlanSection.D, PlanSection.G, PlanSection.H1, PlanSection.H2 };

    private List<PlanSection> _sections = [];
    private List<TribunalOrderKind> _orders = [];
    private List<TribunalRecommendation> _recommendations = [];

    private TribunalAppeal()
    {
        LaCode = RuleSetId = string.Empty;
    }

    public Guid Id { get; private set; }

    public string LaCode { get; private set; }

    public Guid AssessmentId { get; private set; }

    public string RuleSetId { get; private set; }

    public AppealableDecision Decision { get; private set; }

    public DateOnly DecidedOn { get; private set; }

    /// <summary>For an appeal about the plan's contents: the sections appealed.</summary>
    public IReadOnlyList<PlanSection> Sections => _sections;

    public string? TribunalReference { get; private set; }

    public DateOnly RegisteredOn { get; private set; }

    public DateOnly? MediationCertificateOn { get; private set; }

    /// <summary>The last day to appeal when it was registered; a later appeal needed the tribunal's leave.</summary>
    public DateOnly AppealBy { get; private set; }

    public AppealStage Stage { get; private set; }

    public DateOnly? SentToCouncilOn { get; private set; }

    public DateOnly? ResponseSentOn { get; private set; }

    public DateOnly? NotOpposedOn { get; private set; }

    public DateOnly? HearingOn { get; private set; }

    public DateOnly? OutcomeOn { get; private set; }

    /// <summary>What the tribunal ordered (empty: dismissed, or not yet decided).</summary>
    public IReadOnlyList<TribunalOrderKind> Orders => _orders;

    public string? OutcomeDetail { get; private set; }

    public IReadOnlyList<TribunalRecommendation> Recommendations => _recommendations;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public int Version { get; private set; }

    public StatutoryRuleSet RuleSet => RuleSetCatalogue.Get(RuleSetId);

    public bool IsPending => Stage.IsPending();

    public bool IsLate => RegisteredOn > AppealBy;

    /// <summary>s.55(3)–(5): an appeal only about the school or institution named needs no certificate.</summary>
    public bool SectionIOnly => _sections.Count > 0 && _sections.All(s => s == PlanSection.I);

    public bool Dismissed => Stage == AppealStage.Decided && _orders.Count == 0;

    public IReadOnlyList<AppealAction> AllowedActions => Enum.GetValues<AppealAction>().Where(a => AppealTransitions.IsAllowed(Stage, a)).ToList();

    /// <summary>
    /// The tribunal registered the family's appeal. Under the law in force the family needs the mediation
    /// adviser's certificate (s.55(3)); under the green paper's rules, mediation held (ch.2 para 31);
    /// neither for an appeal only about section I (s.55(5)).
    /// </summary>
    public static TribunalAppeal Register(Guid assessmentId, string laCode, StatutoryRuleSet rules, AppealableDecision decision, DateOnly decidedOn,
        IReadOnlyCollection<PlanSection> sections, DateOnly registeredOn, string? tribunalReference, DateOnly? certificateOn, DateOnly? mediationHeldOn,
        DateTimeOffset now)
    {
        var today = UkCalendar.DateOf(now);
        Require(registeredOn <= today, "date-in-future", $"The date cannot be in the future. Today is {UkCalendar.InWords(today)}.");
        Require(registeredOn >= decidedOn, "date-before-decision", $"The appeal cannot be registered before the decision ({UkCalendar.InWords(decidedOn)}).");
        var aboutContents = decision is AppealableDecision.FinalPlanContents or AppealableDecision.AmendedPlanContents;
        var chosen = sections.Distinct().Order().ToList();
        if (aboutContents)
        {
            Require(chosen.Count > 0, "sections-missing", "Select the sections of the plan the appeal is about");
            Require(chosen.All(s => EducationSections.Contains(s) || ExtendedSections.Contains(s)), "section-not-appealable",
                "An appeal about the plan can be about sections B, F and I, and with them C, D, G, H1 and H2.");
            Require(chosen.Any(EducationSections.Contains), "education-section-missing",
                "The tribunal hears about health and social care sections (C, D, G, H1, H2) only alongside an appeal about B, F or I (SI 2017/1306).");
        }
        else
        {
            Require(chosen.Count == 0, "sections-not-for-this-decision", "Sections are chosen only for an appeal about the contents of a plan.");
        }

        var sectionIOnly = chosen.Count > 0 && chosen.All(s => s == PlanSection.I);
        if (!sectionIOnly)
        {
            if (rules.Policy.Mediation == MediationBeforeAppeal.Mandatory)
            {
                Require(mediationHeldOn is not null, "mediation-required",
                    $"Under the {rules.Name}, mediation must have been held before an appeal is registered, unless it is only about the school or college named (green paper 2022 ch.2 para 31).");
            }

            Require(certificateOn is not null, "certificate-missing",
                "Enter the date of the mediation certificate. The tribunal registers an appeal only with one, unless it is only about the school or college named (s.55(3)).");
            Require(certificateOn >= decidedOn && certificateOn <= registeredOn, "certificate-out-of-order",
                "The certificate must be dated between the decision and the appeal.");
        }

        var appeal = new TribunalAppeal
        {
            Id = RecordId.New(),
            LaCode = laCode,
            AssessmentId = assessmentId,
            RuleSetId = rules.Id,
            Decision = decision,
            DecidedOn = decidedOn,
            _sections = chosen,
            RegisteredOn = registeredOn,
            TribunalReference = Text.NullIfBlank(tribunalReference),
            MediationCertificateOn = certificateOn,
            AppealBy = rules.AppealBy(decidedOn, certificateOn),
            Stage = AppealStage.Registered,
            CreatedAt = now,
            UpdatedAt = now,
        };
        return appeal;
    }

    /// <summary>The tribunal sent the appeal to the council: its response is due in 30 tribunal working days (HESC r.21, r.12).</summary>
    public void RecordSentToCouncil(DateOnly on, DateTimeOffset now)
    {
        var next = Begin(AppealAction.RecordSentToCouncil, on, now, RegisteredOn, "the appeal was registered");
        Require(SentToCouncilOn is null, "already-sent", $"The tribunal sent the appeal to the council on {UkCalendar.InWords(SentToCouncilOn.GetValueOrDefault())}.");
        SentToCouncilOn = on;
        Move(next, now);
    }

    /// <summary>The council's response, opposing the appeal.</summary>
    public void RecordResponse(DateOnly on, DateTimeOffset now)
    {
        var next = Begin(AppealAction.RecordResponse, on, now, SentToCouncilOn ?? RegisteredOn, "the tribunal sent the appeal");
        ResponseSentOn = on;
        Move(next, now);
    }

    /// <summary>
    /// The council tells the tribunal it will not oppose the appeal: it is treated as decided in the
    /// family's favour, and reg 45's clocks run from this day. Returns the clocks' start, or null for an
    /// appeal against ceasing (the plan simply continues).
    /// </summary>
    public UnopposedAppealKind? RecordNotOpposing(DateOnly on, DateTimeOffset now)
    {
        var next = Begin(AppealAction.RecordNotOpposing, on, now, RegisteredOn, "the appeal was registered");
        NotOpposedOn = on;
        OutcomeOn = on;
        Move(next, now);
        return TribunalOrderText.UnopposedKind(Decision, SectionIOnly);
    }

    public void RecordHearing(DateOnly on, DateTimeOffset now)
    {
        var next = Begin(AppealAction.RecordHearing, on, now, ResponseSentOn ?? RegisteredOn, "the council's response");
        HearingOn = on;
        Move(next, now);
    }

    /// <summary>
    /// The tribunal's decision: dismissed (no orders), or the orders it made, which must be ones it can
    /// make on this kind of appeal, with its health and social care recommendations.
    /// </summary>
    public void RecordDecision(DateOnly on, IReadOnlyCollection<TribunalOrderKind> orders, string? detail, IReadOnlyList<(string Commissioner, string Recommendation)> recommendations,
        DateTimeOffset now)
    {
        var next = Begin(AppealAction.RecordDecision, on, now, HearingOn ?? ResponseSentOn ?? RegisteredOn, HearingOn is null ? "the appeal was registered" : "the hearing");
        var made = orders.Where(o => o != TribunalOrderKind.Dismiss).Distinct().ToList();
        var allowed = TribunalOrderText.OrdersFor(Decision);
        Require(made.All(allowed.Contains), "order-not-for-this-appeal",
            $"On this appeal the tribunal can order: {string.Join(", ", allowed.Select(a => Text.InSentence(a.Title())))}; or dismiss it.");
        Require(recommendations.Count == 0 || _sections.Any(ExtendedSections.Contains), "recommendation-without-section",
            "The tribunal recommends on health and social care only when the appeal includes sections C, D, G, H1 or H2.");
        Require(recommendations.All(r => !string.IsNullOrWhiteSpace(r.Commissioner) && !string.IsNullOrWhiteSpace(r.Recommendation)), "recommendation-incomplete",
            "Enter the commissioner and the recommendation for each one");
        _orders = made;
        _recommendations = recommendations.Select(r => new TribunalRecommendation(RecordId.New(), r.Commissioner.Trim(), r.Recommendation.Trim(), on)).ToList();
        OutcomeDetail = Text.NullIfBlank(detail);
        Require(OutcomeDetail is null || OutcomeDetail.Length <= TextLimit, "detail-too-long", $"Use {TextLimit:N0} characters or fewer");
        OutcomeOn = on;
        Move(next, now);
    }

    /// <summary>The commissioner's response to a recommendation (SI 2017/1306: within 5 weeks).</summary>
    public void RecordRecommendationResponse(Guid recommendationId, DateOnly on, string? response, DateTimeOffset now)
    {
        var index = _recommendations.FindIndex(r => r.Id == recommendationId);
        Require(index >= 0, "recommendation-not-found", "That recommendation is not part of this appeal.");
        var recommendation = _recommendations[index];
        Require(recommendation.RespondedOn is null, "recommendation-answered", $"The commissioner responded on {UkCalendar.InWords(recommendation.RespondedOn.GetValueOrDefault())}.");
        var today = UkCalendar.DateOf(now);
        Require(on <= today, "date-in-future", $"The date cannot be in the future. Today is {UkCalendar.InWords(today)}.");
        Require(on >= recommendation.MadeOn, "date-before-previous-step", $"The date cannot be before the recommendation ({UkCalendar.InWords(recommendation.MadeOn)}).");
        var text = Text.NullIfBlank(response) ?? throw new StepRefusedException("response-missing", "Enter the commissioner's response");
        Require(text.Length <= TextLimit, "response-too-long", $"Use {TextLimit:N0} characters or fewer");
        _recommendations = [.. _recommendations.Select(r => r.Id == recommendationId ? r with { RespondedOn = on, Response = text } : r)];
        UpdatedAt = now;
        Version++;
    }

    public void Withdraw(DateOnly on, DateTimeOffset now)
    {
        var next = Begin(AppealAction.Withdraw, on, now, RegisteredOn, "the appeal was registered");
        OutcomeOn = on;
        Move(next, now);
    }

    /// <summary>The council's response (while the appeal is pending) and each recommendation's answer, on <paramref name="today"/>.</summary>
    public IReadOnlyList<DeadlineProgress> Deadlines(DateOnly today)
    {
        var rules = RuleSet;
        var result = new List<DeadlineProgress>();
        if (SentToCouncilOn is { } sent)
        {
            var rule = rules.Rule(StatutoryStep.AppealResponseBy, ClockAnchor.AppealSentToCouncil);
            var deadline = new StatutoryDeadline(rule.Step, rule.DueFrom(sent), rule.Title, rule.Duty, rule.Basis);
            var done = ResponseSentOn ?? NotOpposedOn;
            result.Add(done is null && !IsPending
                ? DeadlineProgress.NotNeeded(deadline, today, "The appeal has ended.")
                : DeadlineProgress.Evaluate(deadline, done, today));
        }

        foreach (var recommendation in _recommendations)
        {
            var rule = rules.Rule(StatutoryStep.ResponseBy, ClockAnchor.TribunalRecommendation);
            result.Add(DeadlineProgress.Evaluate(new StatutoryDeadline(rule.Step, rule.DueFrom(recommendation.MadeOn), rule.Title, rule.Duty, rule.Basis),
                recommendation.RespondedOn, today) with
            { RelatesTo = recommendation.Id });
        }

        return result;
    }

    private AppealStage Begin(AppealAction action, DateOnly on, DateTimeOffset now, DateOnly notBefore, string notBeforeLabel)
    {
        var next = AppealTransitions.Next(Stage, action) ?? throw new StepRefusedException(IsPending ? "appeal-step-not-allowed" : "appeal-ended",
            IsPending
                ? $"That cannot be recorded while the appeal is at '{Stage.Title()}'."
                : $"This appeal ended on {UkCalendar.InWords(OutcomeOn.GetValueOrDefault())} ({Text.InSentence(Stage.Title())}). Nothing more can be recorded on it.");
        var today = UkCalendar.DateOf(now);
        Require(on <= today, "date-in-future", $"The date cannot be in the future. Today is {UkCalendar.InWords(today)}.");
        Require(on >= notBefore, "date-before-previous-step", $"The date cannot be before {notBeforeLabel} ({UkCalendar.InWords(notBefore)}).");
        return next;
    }

    private void Move(AppealStage next, DateTimeOffset now)
    {
        Stage = next;
        UpdatedAt = now;
        Version++;
    }

}

public static class AppealText
{
    public static string Title(this AppealStage stage) => stage switch
    {
        AppealStage.Registered => "Registered: council's response awaited",
        AppealStage.Opposed => "Opposed: hearing to come",
        AppealStage.Decided => "Decided by the tribunal",
        AppealStage.NotOpposed => "Not opposed by the council",
        _ => "Withdrawn",
    };

    public static string Title(this AppealableDecision decision) => decision switch
    {
        AppealableDecision.NotToAssess => "Refusal to assess",
        AppealableDecision.NotToReassess => "Refusal to re-assess",
        AppealableDecision.NotToIssue => "Refusal to issue a plan",
        AppealableDecision.FinalPlanContents => "Contents of the final plan",
        AppealableDecision.AmendedPlanContents => "Contents of the amended plan",
        AppealableDecision.NotToAmend => "Refusal to amend the plan after a review",
        AppealableDecision.NotToAmendAfterNotice => "Decision not to amend after proposing amendments",
        _ => "Decision to cease the plan",
    };

    /// <summary>The family's words for a decision.</summary>
    public static string FamilyTitle(this AppealableDecision decision) => decision switch
    {
        AppealableDecision.NotToAssess => "The decision not to carry out an assessment",
        AppealableDecision.NotToReassess => "The decision not to carry out a re-assessment",
        AppealableDecision.NotToIssue => "The decision not to issue an EHC plan",
        AppealableDecision.FinalPlanContents => "What the final EHC plan says",
        AppealableDecision.AmendedPlanContents => "What the amended EHC plan says",
        AppealableDecision.NotToAmend => "The decision not to change the plan after a review",
        AppealableDecision.NotToAmendAfterNotice => "The decision not to make the proposed changes",
        _ => "The decision to stop maintaining the EHC plan",
    };
}
