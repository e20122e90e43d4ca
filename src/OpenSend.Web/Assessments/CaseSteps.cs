using OpenSend.Domain.Assessments;

namespace OpenSend.Web.Assessments;

/// <summary>The page that records each step of the pathway, under /cases/{id}/.</summary>
public static class CaseSteps
{
    public sealed record StepPage(string Slug, string LinkText, PathwayAction[] Actions, Func<EhcCase, bool>? AppliesTo = null);

    /// <summary>In the order a caseworker usually meets them.</summary>
    public static IReadOnlyList<StepPage> Pages { get; } =
    [
        new("panel-recommendation", "Record a panel recommendation", [PathwayAction.RecordPanelRecommendation]),
        new("assessment-decision", "Record the decision whether to assess", [PathwayAction.DecideToAssess, PathwayAction.DecideNotToAssess]),
        new("request-advice", "Record a request for advice", [PathwayAction.RequestAdvice]),
        new("issue-decision", "Record the decision whether to issue a plan", [PathwayAction.DecideToIssue, PathwayAction.DecideNotToIssue]),
        new("draft-plan-served", "Record a draft plan served", [PathwayAction.ServeDraftPlan]),
        new("representations", "Record the family's representations", [PathwayAction.RecordRepresentations]),
        new("final-plan-issued", "Record the final plan issued", [PathwayAction.IssueFinalPlan]),
        new("exception", "Record an exception to a time limit", [PathwayAction.RecordException]),
        new("withdrawal", "Record the request withdrawn", [PathwayAction.Withdraw]),
        new("transfer-out", "Record a move to another council", [PathwayAction.TransferOut]),
        new("transfer-notice", "Record the family told of the transferred plan", [PathwayAction.RecordTransferNotice],
            a => a.TransferredInOn is not null && a.TransferNoticeOn is null),
        new("reassessment", "Record a re-assessment: the request, the decision or a notice of no change",
            [PathwayAction.RequestReassessment, PathwayAction.DecideToReassess, PathwayAction.DecideNotToReassess, PathwayAction.NotifyNoChangeAfterReassessment]),
        new("decide-to-cease", "Record a decision to cease the plan", [PathwayAction.DecideToCease], a => a.CeaseDecidedOn is null),
        new("cease-plan", "Record the plan ceased", [PathwayAction.CeasePlan], a => a.CeaseDecidedOn is not null),
        new("keep-plan", "Withdraw the decision to cease: keep the plan", [PathwayAction.KeepPlan], a => a.CeaseDecidedOn is not null),
    ];

    public static IEnumerable<StepPage> AvailableFor(EhcCase assessment) =>
        Pages.Where(p => p.Actions.Any(a => PathwayTransitions.IsAllowed(assessment.Stage, a)) && (p.AppliesTo?.Invoke(assessment) ?? true));
}
