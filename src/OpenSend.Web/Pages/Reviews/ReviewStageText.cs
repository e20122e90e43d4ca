using OpenSend.Domain.Reviews;
using OpenSend.Domain.Timescales;

namespace OpenSend.Web.Pages.Reviews;

/// <summary>The review's words for people.</summary>
public static class ReviewStageText
{
    public static string Title(this ReviewStage stage) => stage switch
    {
        ReviewStage.Due => "Due: meeting not yet arranged",
        ReviewStage.MeetingArranged => "Meeting arranged",
        ReviewStage.MeetingHeld => "Meeting held: report due",
        ReviewStage.ReportSubmitted => "Report in: the council to decide",
        ReviewStage.Amending => "Amending the plan",
        ReviewStage.Ended => "Ended: the plan ceased",
        _ => "Complete",
    };

    public static string Title(this ReviewDecision decision) => decision switch
    {
        ReviewDecision.Maintain => "Keep the plan as it is",
        ReviewDecision.Amend => "Amend the plan",
        _ => "Cease the plan",
    };

    public static string Title(this OutcomeProgress progress) => progress switch
    {
        OutcomeProgress.Achieved => "Achieved",
        OutcomeProgress.OnTrack => "On track",
        _ => "Not on track",
    };

    public static string Title(this PhaseTransferKind kind) => kind switch
    {
        PhaseTransferKind.EarlyYearsToSchool => "Early years to school",
        PhaseTransferKind.InfantToJunior => "Infant to junior school",
        PhaseTransferKind.PrimaryToMiddle => "Primary to middle school",
        PhaseTransferKind.PrimaryToSecondary => "Primary to secondary school",
        PhaseTransferKind.MiddleToSecondary => "Middle to secondary school",
        PhaseTransferKind.SecondaryToPost16 => "Secondary school to post-16",
        _ => "One post-16 institution to another",
    };
}
