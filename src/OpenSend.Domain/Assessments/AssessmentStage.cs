namespace OpenSend.Domain.Assessments;

/// <summary>Where an EHC needs assessment is on the 20-week pathway.</summary>
public enum AssessmentStage
{
    RequestReceived,
    Assessing,
    DraftingPlan,
    DraftServed,
    PlanIssued,
    NotAssessing,
    NotIssuing,
    Withdrawn,
    TransferredOut,

    /// <summary>The LA no longer maintains the plan (s.45), after the time to appeal its decision passed or an appeal was dismissed.</summary>
    PlanCeased,
}

public static class AssessmentStageText
{
    /// <summary>Stages where statutory work is still to do.</summary>
    public static readonly IReadOnlySet<AssessmentStage> Open = new HashSet<AssessmentStage>
    {
        AssessmentStage.RequestReceived,
        AssessmentStage.Assessing,
        AssessmentStage.DraftingPlan,
        AssessmentStage.DraftServed,
    };

    public static bool IsOpen(this AssessmentStage stage) => Open.Contains(stage);

    /// <summary>Staff wording.</summary>
    public static string Title(this AssessmentStage stage) => stage switch
    {
        AssessmentStage.RequestReceived => "Deciding whether to assess",
        AssessmentStage.Assessing => "Assessing",
        AssessmentStage.DraftingPlan => "Drafting the plan",
        AssessmentStage.DraftServed => "Draft plan with family",
        AssessmentStage.PlanIssued => "Final plan issued",
        AssessmentStage.NotAssessing => "Decided not to assess",
        AssessmentStage.NotIssuing => "Decided not to issue a plan",
        AssessmentStage.Withdrawn => "Withdrawn",
        AssessmentStage.TransferredOut => "Transferred to another council",
        AssessmentStage.PlanCeased => "Plan ceased",
        _ => stage.ToString(),
    };

    /// <summary>Family wording, for the tracking page.</summary>
    public static string FamilyTitle(this AssessmentStage stage) => stage switch
    {
        AssessmentStage.RequestReceived => "The council is deciding whether to carry out an assessment",
        AssessmentStage.Assessing => "The council is carrying out an EHC needs assessment",
        AssessmentStage.DraftingPlan => "The council has decided to issue an EHC plan and is writing a draft",
        AssessmentStage.DraftServed => "A draft EHC plan has been sent to you",
        AssessmentStage.PlanIssued => "The final EHC plan has been issued",
        AssessmentStage.NotAssessing => "The council decided not to carry out an assessment",
        AssessmentStage.NotIssuing => "The council decided not to issue an EHC plan",
        AssessmentStage.Withdrawn => "The request was withdrawn",
        AssessmentStage.TransferredOut => "The request has moved to another council",
        AssessmentStage.PlanCeased => "The council no longer maintains the EHC plan",
        _ => stage.ToString(),
    };
}
