using OpenSend.Domain.Assessments;
using OpenSend.Domain.Common;
using OpenSend.Domain.Timescales;
using static OpenSend.Domain.Common.Refusal;

namespace OpenSend.Domain.Redress;

/// <summary>Where a mediation stands (regs 32–42).</summary>
public enum MediationStage
{
    /// <summary>The family has had the mediation adviser's information and is deciding (s.55(2), reg 33).</summary>
    InformationGiven,

    /// <summary>The family does not want mediation; the certificate is due (reg 34).</summary>
    Declined,

    /// <summary>The family wants mediation and the council has been told (reg 36); it must be held within 30 days (reg 37).</summary>
    Arranging,

    /// <summary>The mediation was held; its certificate is due (reg 39).</summary>
    Held,

    /// <summary>The certificate has been issued: the family may appeal (s.55(3)).</summary>
    Certified,
}

public enum MediationOutcome
{
    /// <summary>Agreement on everything mediated.</summary>
    FullAgreement,

    /// <summary>Agreement on some of it.</summary>
    PartialAgreement,

    /// <summary>No agreement.</summary>
    NoAgreement,
}

/// <summary>The named steps of a mediation.</summary>
public enum MediationAction
{
    Decline,
    Arrange,
    RecordMeeting,
    IssueCertificate,
    RecordAgreementCarriedOut,
}

/// <summary>The one table of which mediation step may be recorded at which stage (convention 1).</summary>
public static class MediationTransitions
{
    private static readonly Dictionary<(MediationStage, MediationAction), MediationStage> Table = new()
    {
        [(MediationStage.InformationGiven, MediationAction.Decline)] = MediationStage.Declined,
        [(MediationStage.InformationGiven, MediationAction.Arrange)] = MediationStage.Arranging,
        // Reg 34: a family that declines gets its certificate; reg 39: so does one after mediation.
        [(MediationStage.InformationGiven, MediationAction.IssueCertificate)] = MediationStage.Certified,
        [(MediationStage.Declined, MediationAction.IssueCertificate)] = MediationStage.Certified,
        [(MediationStage.Arranging, MediationAction.RecordMeeting)] = MediationStage.Held,
        [(MediationStage.Held, MediationAction.IssueCertificate)] = MediationStage.Certified,
        // Reg 42: what was agreed is carried out whether or not the certificate has been issued yet.
        [(MediationStage.Held, MediationAction.RecordAgreementCarriedOut)] = MediationStage.Held,
        [(MediationStage.Certified, MediationAction.RecordAgreementCarriedOut)] = MediationStage.Certified,
    };

    public static MediationStage? Next(MediationStage from, MediationAction action) =>
        Table.TryGetValue((from, action), out var to) ? to : null;

    public static bool IsAllowed(MediationStage from, MediationAction action) => Table.ContainsKey((from, action));
}

/// <summary>
/// Mediation about one appealable decision (Children and Families Act 2014 ss.52–55; SEND Regulations
/// 2014 regs 32–42): the family's contact with the mediation adviser, their choice, the mediation
/// arranged by the council with a mediation service, held within 30 days, its outcome and what was
/// agreed, and the certificate that lets the family appeal (1 month from it, if later than 2 months
/// from the decision). Under the green paper's rules the decision-maker's attendance is recorded.
/// </summary>
public sealed class Mediation
{
    public const int TextLimit = 5_000;

    private Mediation()
    {
        LaCode = RuleSetId = string.Empty;
    }

    public Guid Id { get; private set; }

    public string LaCode { get; private set; }

    public Guid AssessmentId { get; private set; }

    public string RuleSetId { get; private set; }

    public AppealableDecision Decision { get; private set; }

    /// <summary>The day the decision was notified (the appeal clock's start).</summary>
    public DateOnly DecidedOn { get; private set; }

    public MediationStage Stage { get; private set; }

    /// <summary>The day the family had the mediation adviser's information (reg 33).</summary>
    public DateOnly InformationGivenOn { get; private set; }

    /// <summary>The day the family told the adviser they do not want mediation (reg 34).</summary>
    public DateOnly? DeclinedOn { get; private set; }

    /// <summary>The day the council was told the family wants mediation (reg 36; reg 37's 30 days run from it).</summary>
    public DateOnly? CouncilToldOn { get; private set; }

    /// <summary>What the family wants to mediate about.</summary>
    public string? Issues { get; private set; }

    /// <summary>The mediation service arranged (an organisation whose mediators see the case).</summary>
    public Guid? MediationServiceId { get; private set; }

    public string? MediationServiceName { get; private set; }

    /// <summary>Health or social care parts are mediated with their commissioners (regs 35–36).</summary>
    public bool IncludesHealth { get; private set; }

    public bool IncludesSocialCare { get; private set; }

    public DateOnly? HeldOn { get; private set; }

    public MediationOutcome? Outcome { get; private set; }

    public string? AgreementSummary { get; private set; }

    /// <summary>Part of what was agreed is something the tribunal could not order (reg 42): it must be carried out within 2 weeks.</summary>
    public bool AgreementTribunalCouldNotOrder { get; private set; }

    public DateOnly? AgreementCarriedOutOn { get; private set; }

    /// <summary>Green paper 2022 ch.2 para 31: the council's decision-maker attends mediation.</summary>
    public bool? DecisionMakerAttended { get; private set; }

    /// <summary>The day the certificate was issued (s.55(4); regs 34, 39).</summary>
    public DateOnly? CertificateOn { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public int Version { get; private set; }

    public StatutoryRuleSet RuleSet => RuleSetCatalogue.Get(RuleSetId);

    /// <summary>The last day the family can appeal the decision, with the certificate if there is one.</summary>
    public DateOnly AppealBy => RuleSet.AppealBy(DecidedOn, CertificateOn);

    public IReadOnlyList<MediationAction> AllowedActions =>
        Enum.GetValues<MediationAction>().Where(a => MediationTransitions.IsAllowed(Stage, a)
            && (a != MediationAction.RecordAgreementCarriedOut || (AgreementTribunalCouldNotOrder && AgreementCarriedOutOn is null))).ToList();

    /// <summary>The family has spoken to the mediation adviser about a decision they may appeal (s.55(2); reg 33).</summary>
    public static Mediation Begin(Guid assessmentId, string laCode, StatutoryRuleSet rules, AppealableDecision decision, DateOnly decidedOn,
        DateOnly informationGivenOn, DateTimeOffset now)
    {
        var today = UkCalendar.DateOf(now);
        NotInFuture(informationGivenOn, today);
        NotInFuture(decidedOn, today);
        Require(informationGivenOn >= decidedOn, "date-before-decision",
            $"The family cannot have spoken to the mediation adviser about the decision before it was made ({UkCalendar.InWords(decidedOn)}).");
        return new Mediation
        {
            Id = RecordId.New(),
            LaCode = laCode,
            AssessmentId = assessmentId,
            RuleSetId = rules.Id,
            Decision = decision,
            DecidedOn = decidedOn,
            InformationGivenOn = informationGivenOn,
            Stage = MediationStage.InformationGiven,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>The family does not want mediation (reg 34): the adviser's certificate is due within 3 working days.</summary>
    public void Decline(DateOnly on, DateTimeOffset now)
    {
        var next = Begin(MediationAction.Decline, on, now, InformationGivenOn, "the information from the mediation adviser");
        DeclinedOn = on;
        Move(next, now);
    }

    /// <summary>
    /// The family wants mediation and the council has been told (reg 36). The council arranges it with a
    /// mediation service, held within 30 days (reg 37), with health and social care commissioners when
    /// those parts are mediated.
    /// </summary>
    public void Arrange(DateOnly councilToldOn, string? issues, Guid? mediationServiceId, string? mediationServiceName, bool includesHealth, bool includesSocialCare,
        DateTimeOffset now)
    {
        var next = Begin(MediationAction.Arrange, councilToldOn, now, InformationGivenOn, "the information from the mediation adviser");
        Issues = Limited(issues, "mediation-issues-missing", "Say what the family wants to mediate about", "mediation-issues-too-long");
        MediationServiceId = mediationServiceId;
        MediationServiceName = Text.NullIfBlank(mediationServiceName);
        IncludesHealth = includesHealth;
        IncludesSocialCare = includesSocialCare;
        CouncilToldOn = councilToldOn;
        Move(next, now);
    }

    /// <summary>
    /// The mediation was held, with its outcome (reg 38–39). Where part of what was agreed is beyond
    /// the tribunal's powers, it must be carried out within 2 weeks (reg 42). Under the green paper's
    /// rules the council's decision-maker is expected to attend, so whether they did is recorded.
    /// </summary>
    public void RecordMeeting(DateOnly heldOn, MediationOutcome outcome, string? agreement, bool agreementTribunalCouldNotOrder, bool? decisionMakerAttended,
        DateTimeOffset now)
    {
        var next = Begin(MediationAction.RecordMeeting, heldOn, now, CouncilToldOn.GetValueOrDefault(), "the day the council was told mediation was wanted");
        var agreed = outcome != MediationOutcome.NoAgreement;
        AgreementSummary = agreed
            ? Limited(agreement, "mediation-agreement-missing", "Say what was agreed", "mediation-agreement-too-long")
            : null;
        Require(agreed || !agreementTribunalCouldNotOrder, "mediation-no-agreement", "Nothing was agreed, so there is nothing to carry out.");
        Require(RuleSet.Policy.Mediation != MediationBeforeAppeal.Mandatory || decisionMakerAttended is not null, "decision-maker-attendance-missing",
            $"Under the {RuleSet.Name}, say whether the council's decision-maker attended the mediation (green paper 2022 ch.2 para 31).");
        HeldOn = heldOn;
        Outcome = outcome;
        AgreementTribunalCouldNotOrder = agreementTribunalCouldNotOrder;
        DecisionMakerAttended = decisionMakerAttended;
        Move(next, now);
    }

    /// <summary>The certificate issued (s.55(4)): after the information if the family declined (reg 34), or after mediation (reg 39).</summary>
    public void IssueCertificate(DateOnly on, DateTimeOffset now)
    {
        var from = HeldOn ?? DeclinedOn ?? InformationGivenOn;
        var next = Begin(MediationAction.IssueCertificate, on, now, from,
            HeldOn is not null ? "the mediation" : DeclinedOn is not null ? "the day the family said they did not want mediation" : "the information from the mediation adviser");
        CertificateOn = on;
        Move(next, now);
    }

    /// <summary>What was agreed that the tribunal could not order has been done (reg 42).</summary>
    public void RecordAgreementCarriedOut(DateOnly on, DateTimeOffset now)
    {
        var next = Begin(MediationAction.RecordAgreementCarriedOut, on, now, HeldOn ?? InformationGivenOn, "the mediation");
        Require(AgreementTribunalCouldNotOrder, "no-agreement-to-carry-out", "Nothing agreed in this mediation needs carrying out by the council under reg 42.");
        Require(AgreementCarriedOutOn is null, "agreement-carried-out", $"What was agreed was recorded as done on {UkCalendar.InWords(AgreementCarriedOutOn.GetValueOrDefault())}.");
        AgreementCarriedOutOn = on;
        Move(next, now);
    }

    /// <summary>Where each of the mediation's clocks stands on <paramref name="today"/>.</summary>
    public IReadOnlyList<DeadlineProgress> Deadlines(DateOnly today)
    {
        var rules = RuleSet;
        var result = new List<DeadlineProgress>();

        DeadlineProgress Track(StatutoryStep step, ClockAnchor anchor, DateOnly start, DateOnly? done)
        {
            var rule = rules.Rule(step, anchor);
            return DeadlineProgress.Evaluate(new StatutoryDeadline(step, rule.DueFrom(start), rule.Title, rule.Duty, rule.Basis), done, today);
        }

        if (HeldOn is { } held)
        {
            result.Add(Track(StatutoryStep.MediationBy, ClockAnchor.MediationWanted, CouncilToldOn!.Value, held));
            result.Add(Track(StatutoryStep.MediationCertificateBy, ClockAnchor.MediationEnded, held, CertificateOn));
            if (AgreementTribunalCouldNotOrder)
            {
                result.Add(Track(StatutoryStep.MediationAgreementBy, ClockAnchor.MediationEnded, held, AgreementCarriedOutOn));
            }
        }
        else if (CouncilToldOn is { } told)
        {
            result.Add(Track(StatutoryStep.MediationBy, ClockAnchor.MediationWanted, told, null));
        }
        else
        {
            // Regs 33–34: within 3 working days of the information, or of the family saying they do not want mediation.
            result.Add(Track(StatutoryStep.MediationCertificateBy, ClockAnchor.MediationInformation, DeclinedOn ?? InformationGivenOn, CertificateOn));
        }

        return result;
    }

    private MediationStage Begin(MediationAction action, DateOnly on, DateTimeOffset now, DateOnly notBefore, string notBeforeLabel)
    {
        var next = MediationTransitions.Next(Stage, action) ?? throw Refusal(action);
        NotInFuture(on, UkCalendar.DateOf(now));
        Require(on >= notBefore, "date-before-previous-step", $"The date cannot be before {notBeforeLabel} ({UkCalendar.InWords(notBefore)}).");
        return next;
    }

    private StepRefusedException Refusal(MediationAction action) => (Stage, action) switch
    {
        (MediationStage.Certified, _) => new StepRefusedException("mediation-certified",
            $"The certificate was issued on {UkCalendar.InWords(CertificateOn.GetValueOrDefault())}; this mediation is finished."),
        (_, MediationAction.RecordMeeting) => new StepRefusedException("mediation-not-arranged", "Record that the family wants mediation and the council was told before recording the meeting."),
        (_, MediationAction.RecordAgreementCarriedOut) => new StepRefusedException("mediation-not-held", "The mediation has not been held yet."),
        _ => new StepRefusedException("mediation-step-not-allowed", $"That cannot be recorded while the mediation is at '{Stage.Title()}'."),
    };

    private void Move(MediationStage next, DateTimeOffset now)
    {
        Stage = next;
        UpdatedAt = now;
        Version++;
    }

    private static string Limited(string? text, string missingCode, string missing, string tooLongCode)
    {
        var value = Text.NullIfBlank(text) ?? throw new StepRefusedException(missingCode, missing);
        Require(value.Length <= TextLimit, tooLongCode, $"Use {TextLimit:N0} characters or fewer");
        return value;
    }

    private static void NotInFuture(DateOnly on, DateOnly today) =>
        Require(on <= today, "date-in-future", $"The date cannot be in the future. Today is {UkCalendar.InWords(today)}.");

}

public static class MediationText
{
    public static string Title(this MediationStage stage) => stage switch
    {
        MediationStage.InformationGiven => "Family deciding after the adviser's information",
        MediationStage.Declined => "Family does not want mediation: certificate due",
        MediationStage.Arranging => "Mediation being arranged",
        MediationStage.Held => "Mediation held: certificate due",
        _ => "Certificate issued",
    };

    public static string Title(this MediationOutcome outcome) => outcome switch
    {
        MediationOutcome.FullAgreement => "Agreement on everything",
        MediationOutcome.PartialAgreement => "Agreement on some things",
        _ => "No agreement",
    };
}
