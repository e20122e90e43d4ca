using OpenSend.Domain.Common;
using OpenSend.Domain.Timescales;

namespace OpenSend.Domain.Redress;

/// <summary>Where a complaint stands in the council's procedure and beyond it.</summary>
public enum ComplaintStage
{
    /// <summary>Made; the council's stage 1 answer is due.</summary>
    StageOne,

    /// <summary>Answered at stage 1; the family may take it to stage 2.</summary>
    StageOneAnswered,

    /// <summary>Taken to stage 2; the council's answer is due.</summary>
    StageTwo,

    /// <summary>Answered at stage 2; the family may take it to the Ombudsman.</summary>
    StageTwoAnswered,

    /// <summary>With the Local Government and Social Care Ombudsman.</summary>
    WithOmbudsman,

    /// <summary>The Ombudsman has decided.</summary>
    OmbudsmanDecided,

    /// <summary>Withdrawn, or the family was content with an answer.</summary>
    Closed,
}

public enum ComplaintAction
{
    Answer,
    Escalate,
    ReferToOmbudsman,
    RecordOmbudsmanDecision,
    Close,
}

/// <summary>The one table of which complaint step may be recorded at which stage (convention 1).</summary>
public static class ComplaintTransitions
{
    private static readonly Dictionary<(ComplaintStage, ComplaintAction), ComplaintStage> Table = new()
    {
        [(ComplaintStage.StageOne, ComplaintAction.Answer)] = ComplaintStage.StageOneAnswered,
        [(ComplaintStage.StageOneAnswered, ComplaintAction.Escalate)] = ComplaintStage.StageTwo,
        [(ComplaintStage.StageTwo, ComplaintAction.Answer)] = ComplaintStage.StageTwoAnswered,
        // The Ombudsman normally expects the council's procedure to have been used first.
        [(ComplaintStage.StageTwoAnswered, ComplaintAction.ReferToOmbudsman)] = ComplaintStage.WithOmbudsman,
        [(ComplaintStage.WithOmbudsman, ComplaintAction.RecordOmbudsmanDecision)] = ComplaintStage.OmbudsmanDecided,
        [(ComplaintStage.StageOne, ComplaintAction.Close)] = ComplaintStage.Closed,
        [(ComplaintStage.StageOneAnswered, ComplaintAction.Close)] = ComplaintStage.Closed,
        [(ComplaintStage.StageTwo, ComplaintAction.Close)] = ComplaintStage.Closed,
        [(ComplaintStage.StageTwoAnswered, ComplaintAction.Close)] = ComplaintStage.Closed,
    };

    public static ComplaintStage? Next(ComplaintStage from, ComplaintAction action) => Table.TryGetValue((from, action), out var to) ? to : null;

    public static bool IsAllowed(ComplaintStage from, ComplaintAction action) => Table.ContainsKey((from, action));
}

/// <summary>
/// A complaint about how the council handled the child's case, through the council's own two-stage
/// procedure (time limits the council sets, in working days) and then the Local Government and Social
/// Care Ombudsman. A complaint about health provision is noted for the NHS complaints route (the ICB),
/// which the council cannot answer; a disagreement about the plan's contents is for mediation and the
/// tribunal, and a disagreement resolution meeting (reg 53) can be asked for at any time.
/// </summary>
public sealed class Complaint
{
    public const int TextLimit = 5_000;

    private Complaint()
    {
        LaCode = MadeBy = Summary = string.Empty;
    }

    public Guid Id { get; private set; }

    public string LaCode { get; private set; }

    public Guid AssessmentId { get; private set; }

    /// <summary>How the complainant is shown ("Parent or carer", "Young person").</summary>
    public string MadeBy { get; private set; }

    public Guid? PersonId { get; private set; }

    public DateOnly MadeOn { get; private set; }

    public string Summary { get; private set; }

    /// <summary>The complaint is (partly) about health provision: the NHS complaints route applies to that part.</summary>
    public bool AboutHealth { get; private set; }

    /// <summary>A disagreement resolution meeting (reg 53) is asked for alongside.</summary>
    public bool WantsDisagreementResolution { get; private set; }

    public ComplaintStage Stage { get; private set; }

    /// <summary>When the current stage's answer is due (the council's own working days).</summary>
    public DateOnly? AnswerDueBy { get; private set; }

    public DateOnly? StageOneAnsweredOn { get; private set; }

    public string? StageOneAnswer { get; private set; }

    public DateOnly? EscalatedOn { get; private set; }

    public DateOnly? StageTwoAnsweredOn { get; private set; }

    public string? StageTwoAnswer { get; private set; }

    public DateOnly? OmbudsmanReferredOn { get; private set; }

    public DateOnly? OmbudsmanDecidedOn { get; private set; }

    public string? OmbudsmanDecision { get; private set; }

    public DateOnly? ClosedOn { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public int Version { get; private set; }

    public bool IsOpen => Stage is not (ComplaintStage.OmbudsmanDecided or ComplaintStage.Closed);

    public bool AnswerOverdue(DateOnly today) => Stage is ComplaintStage.StageOne or ComplaintStage.StageTwo && today > AnswerDueBy;

    public IReadOnlyList<ComplaintAction> AllowedActions => Enum.GetValues<ComplaintAction>().Where(a => ComplaintTransitions.IsAllowed(Stage, a)).ToList();

    public static Complaint Make(Guid assessmentId, string laCode, string madeBy, Guid? personId, string? summary, bool aboutHealth, bool wantsDisagreementResolution,
        int stageOneWorkingDays, DateTimeOffset now)
    {
        var text = Limited(summary, "complaint-summary-missing", "Say what your complaint is about", "complaint-summary-too-long");
        var today = UkCalendar.DateOf(now);
        return new Complaint
        {
            Id = RecordId.New(),
            LaCode = laCode,
            AssessmentId = assessmentId,
            MadeBy = madeBy,
            PersonId = personId,
            MadeOn = today,
            Summary = text,
            AboutHealth = aboutHealth,
            WantsDisagreementResolution = wantsDisagreementResolution,
            Stage = ComplaintStage.StageOne,
            AnswerDueBy = new WorkingDaysAfter(stageOneWorkingDays).CountFrom(today),
            CreatedAt = now,
        };
    }

    /// <summary>The council's answer at the current stage.</summary>
    public void Answer(string? answer, DateTimeOffset now)
    {
        var next = Begin(ComplaintAction.Answer);
        var text = Limited(answer, "complaint-answer-missing", "Enter the council's answer", "complaint-answer-too-long");
        var today = UkCalendar.DateOf(now);
        if (Stage == ComplaintStage.StageOne)
        {
            StageOneAnsweredOn = today;
            StageOneAnswer = text;
        }
        else
        {
            StageTwoAnsweredOn = today;
            StageTwoAnswer = text;
        }

        AnswerDueBy = null;
        Move(next);
    }

    /// <summary>The family is not content with the stage 1 answer and takes it to stage 2.</summary>
    public void Escalate(int stageTwoWorkingDays, DateTimeOffset now)
    {
        var next = Begin(ComplaintAction.Escalate);
        var today = UkCalendar.DateOf(now);
        EscalatedOn = today;
        AnswerDueBy = new WorkingDaysAfter(stageTwoWorkingDays).CountFrom(today);
        Move(next);
    }

    /// <summary>The family took the complaint to the Local Government and Social Care Ombudsman.</summary>
    public void ReferToOmbudsman(DateOnly on, DateTimeOffset now)
    {
        var next = Begin(ComplaintAction.ReferToOmbudsman);
        RequireDate(on, StageTwoAnsweredOn!.Value, "the stage 2 answer", now);
        OmbudsmanReferredOn = on;
        Move(next);
    }

    public void RecordOmbudsmanDecision(DateOnly on, string? decision, DateTimeOffset now)
    {
        var next = Begin(ComplaintAction.RecordOmbudsmanDecision);
        RequireDate(on, OmbudsmanReferredOn!.Value, "the referral to the Ombudsman", now);
        OmbudsmanDecision = Limited(decision, "ombudsman-decision-missing", "Enter what the Ombudsman decided", "ombudsman-decision-too-long");
        OmbudsmanDecidedOn = on;
        Move(next);
    }

    /// <summary>The family withdraws the complaint, or is content with an answer.</summary>
    public void Close(DateTimeOffset now)
    {
        var next = Begin(ComplaintAction.Close);
        ClosedOn = UkCalendar.DateOf(now);
        AnswerDueBy = null;
        Move(next);
    }

    private ComplaintStage Begin(ComplaintAction action) =>
        ComplaintTransitions.Next(Stage, action) ?? throw new StepRefusedException("complaint-step-not-allowed", action switch
        {
            ComplaintAction.Answer => "There is no stage of this complaint waiting for the council's answer.",
            ComplaintAction.Escalate => "A complaint goes to stage 2 after the council's stage 1 answer.",
            ComplaintAction.ReferToOmbudsman => "The Ombudsman usually looks at a complaint once the council's stage 2 answer has been given.",
            ComplaintAction.RecordOmbudsmanDecision => "The complaint is not with the Ombudsman.",
            _ => "This complaint has ended.",
        });

    private void Move(ComplaintStage next)
    {
        Stage = next;
        Version++;
    }

    private static void RequireDate(DateOnly on, DateOnly notBefore, string label, DateTimeOffset now)
    {
        var today = UkCalendar.DateOf(now);
        if (on > today)
        {
            throw new StepRefusedException("date-in-future", $"The date cannot be in the future. Today is {UkCalendar.InWords(today)}.");
        }

        if (on < notBefore)
        {
            throw new StepRefusedException("date-before-previous-step", $"The date cannot be before {label} ({UkCalendar.InWords(notBefore)}).");
        }
    }

    private static string Limited(string? text, string missingCode, string missing, string tooLongCode)
    {
        var value = Text.NullIfBlank(text) ?? throw new StepRefusedException(missingCode, missing);
        return value.Length <= TextLimit ? value : throw new StepRefusedException(tooLongCode, $"Use {TextLimit:N0} characters or fewer");
    }
}

public static class ComplaintText
{
    public static string Title(this ComplaintStage stage) => stage switch
    {
        ComplaintStage.StageOne => "Stage 1: waiting for the council's answer",
        ComplaintStage.StageOneAnswered => "Stage 1 answered",
        ComplaintStage.StageTwo => "Stage 2: waiting for the council's answer",
        ComplaintStage.StageTwoAnswered => "Stage 2 answered",
        ComplaintStage.WithOmbudsman => "With the Local Government and Social Care Ombudsman",
        ComplaintStage.OmbudsmanDecided => "Decided by the Ombudsman",
        _ => "Closed",
    };
}
