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
}
