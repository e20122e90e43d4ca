namespace OpenSend.Domain.Assessments;

public static class PathwayActionText
{
    /// <summary>What a caseworker clicks to record the step ("Record decision to assess").</summary>
    public static string Title(this PathwayAction action) => action switch
    {
        PathwayAction.ReceiveRequest => "Record request received",
        PathwayAction.RecordPanelRecommendation => "Record panel recommendation",
        PathwayAction.DecideToAssess => "Record decision to assess",
        PathwayAction.DecideNotToAssess => "Record decision not to assess",
        PathwayAction.RequestAdvice => "Request advice",
        PathwayAction.RecordAdviceReceived => "Record advice received",
        PathwayAction.DecideToIssue => "Record decision to issue a plan",
        PathwayAction.DecideNotToIssue => "Record decision not to issue a plan",
        PathwayAction.ServeDraftPlan => "Record draft plan served",
        PathwayAction.RecordRepresentations => "Record the family's representations",
        PathwayAction.IssueFinalPlan => "Record final plan issued",
        PathwayAction.RecordException => "Record an exception to a time limit",
        PathwayAction.Withdraw => "Record request withdrawn",
        PathwayAction.TransferOut => "Record transfer to another council",
        PathwayAction.ReceiveTransferredPlan => "Receive a plan from another council",
        PathwayAction.RecordTransferNotice => "Record the family told of the transfer",
        PathwayAction.RecordReviewDecision => "Record a review decision",
        PathwayAction.CeasePlan => "Record the plan ceased",
        PathwayAction.RecordPlacementDecision => "Name the school or college",
        PathwayAction.KeepPlan => "Record the plan kept in force",
        PathwayAction.ProposeAmendments => "Send the proposed amendments",
        PathwayAction.IssueAmendedPlan => "Issue the amended plan",
        PathwayAction.DecideNotToAmend => "Record a decision not to amend",
        PathwayAction.AssessUnderOrder => "Reopen for the ordered assessment",
        PathwayAction.MakePlanUnderOrder => "Reopen to make the ordered plan",
        PathwayAction.RecordOrderOnPlan => "Record an order on the plan",
        PathwayAction.NotifyAssessmentUnderOrder => "Record the family told the assessment will be made",
        PathwayAction.DecideToCease => "Record a decision to cease the plan",
        PathwayAction.RequestReassessment => "Record a request for re-assessment",
        PathwayAction.DecideToReassess => "Record the decision to re-assess",
        PathwayAction.DecideNotToReassess => "Record the decision not to re-assess",
        PathwayAction.NotifyNoChangeAfterReassessment => "Record that the plan will not change after re-assessment",
        _ => action.ToString(),
    };

    /// <summary>The step as the subject of a sentence ("A decision to assess").</summary>
    public static string AsSubject(this PathwayAction action) => action switch
    {
        PathwayAction.ReceiveRequest => "A request",
        PathwayAction.RecordPanelRecommendation => "A panel recommendation",
        PathwayAction.DecideToAssess => "A decision to assess",
        PathwayAction.DecideNotToAssess => "A decision not to assess",
        PathwayAction.RequestAdvice => "A request for advice",
        PathwayAction.RecordAdviceReceived => "Advice received",
        PathwayAction.DecideToIssue => "A decision to issue a plan",
        PathwayAction.DecideNotToIssue => "A decision not to issue a plan",
        PathwayAction.ServeDraftPlan => "A draft plan",
        PathwayAction.RecordRepresentations => "Representations on a draft plan",
        PathwayAction.IssueFinalPlan => "A final plan",
        PathwayAction.RecordException => "An exception",
        PathwayAction.Withdraw => "A withdrawal",
        PathwayAction.TransferOut => "A transfer",
        PathwayAction.ReceiveTransferredPlan => "A plan received from another council",
        PathwayAction.RecordTransferNotice => "The notice of a transferred plan",
        PathwayAction.RecordReviewDecision => "A review decision",
        PathwayAction.CeasePlan => "Ceasing the plan",
        PathwayAction.RecordPlacementDecision => "A decision naming the school or college",
        PathwayAction.KeepPlan => "Keeping the plan in force",
        PathwayAction.ProposeAmendments => "Proposed amendments",
        PathwayAction.IssueAmendedPlan => "An amended plan",
        PathwayAction.DecideNotToAmend => "A decision not to amend",
        PathwayAction.AssessUnderOrder => "An ordered assessment",
        PathwayAction.MakePlanUnderOrder => "An ordered plan",
        PathwayAction.RecordOrderOnPlan => "An order on the plan",
        PathwayAction.NotifyAssessmentUnderOrder => "The notice of an ordered assessment",
        PathwayAction.DecideToCease => "A decision to cease the plan",
        PathwayAction.RequestReassessment => "A request for re-assessment",
        PathwayAction.DecideToReassess => "A decision to re-assess",
        PathwayAction.DecideNotToReassess => "A decision not to re-assess",
        PathwayAction.NotifyNoChangeAfterReassessment => "A notice of no change after re-assessment",
        _ => action.ToString(),
    };

    /// <summary>
    /// The steps the family is emailed about: outcomes, drafts and anything that changes what they
    /// can do. Each request for advice or piece of advice received is on the tracking page only.
    /// </summary>
    public static bool NotifiesFamily(this PathwayAction action) => action is not
        (PathwayAction.RequestAdvice or PathwayAction.RecordAdviceReceived or PathwayAction.RecordPanelRecommendation or PathwayAction.RecordRepresentations);

    public static string Title(this AdviserKind kind) => kind switch
    {
        AdviserKind.Educational => "Educational advice",
        AdviserKind.Health => "Health (medical) advice",
        AdviserKind.Psychological => "Psychological advice",
        AdviserKind.SocialCare => "Social care advice",
        _ => "Other advice",
    };

    public static string Title(this RequesterKind kind) => kind switch
    {
        RequesterKind.Parent => "A parent or carer",
        RequesterKind.YoungPerson => "The young person (aged 16 to 25)",
        RequesterKind.SchoolOrCollege => "A school, college or nursery",
        _ => "Someone else",
    };
}
