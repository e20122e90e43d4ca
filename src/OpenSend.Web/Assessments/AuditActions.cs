namespace OpenSend.Web.Assessments;

/// <summary>Audit actions in words a family reads in "Who has looked at this record".</summary>
public static class AuditActions
{
    public static string Describe(string action) => action switch
    {
        "case.viewed" => "Looked at the record",
        "case.viewed-by-tracking-link" => "Looked at the record with the private tracking link",
        "case.request-received" => "Recorded the request",
        "case.record-panel-recommendation" => "Recorded the panel's recommendation",
        "case.decide-to-assess" => "Recorded the decision to assess",
        "case.decide-not-to-assess" => "Recorded the decision not to assess",
        "case.request-advice" => "Asked for advice",
        "case.record-advice-received" => "Recorded advice received",
        "case.decide-to-issue" => "Recorded the decision to issue a plan",
        "case.decide-not-to-issue" => "Recorded the decision not to issue a plan",
        "case.serve-draft-plan" => "Recorded a draft plan sent to you",
        "case.record-representations" => "Recorded your comments on the draft",
        "case.issue-final-plan" => "Recorded the final plan",
        "case.record-exception" => "Recorded a reason a time limit may be missed",
        "case.withdraw" => "Recorded the request as withdrawn",
        "case.transfer-out" => "Recorded a move to another council",
        "case.family-linked" => "Gave a family account access",
        "case.family-unlinked" => "Removed a family account's access",
        "case.setting-linked" => "Linked a school or setting",
        "case.setting-unlinked" => "Ended a school's or setting's link",
        "case.subject-access-export" => "Made a copy of the whole record (subject access)",
        "case.anonymised" => "Removed personal details at the end of the retention period",
        "case.document-uploaded" => "Added a document",
        "case.document-downloaded" => "Downloaded a document",
        "plan.viewed" => "Looked at the plan",
        "plan.started" => "Started drafting the plan",
        "plan.section-a-saved" => "Changed section A of the plan",
        "plan.need-saved" or "plan.need-removed" => "Changed the needs in the plan",
        "plan.outcome-saved" or "plan.outcome-removed" => "Changed the outcomes in the plan",
        "plan.provision-saved" or "plan.provision-removed" => "Changed the provision in the plan",
        "plan.setting-named" or "plan.setting-removed" => "Changed the school or setting named in the plan",
        "plan.budget-saved" or "plan.budget-removed" => "Changed the personal budget in the plan",
        "plan.draft-issued" => "Issued a draft plan",
        "plan.final-issued" => "Issued the final plan",
        "plan.commented" => "Commented on the draft plan",
        "plan.downloaded" => "Downloaded a copy of the plan",
        _ when action.StartsWith("plan.", StringComparison.Ordinal) => "Changed the plan",
        _ => action,
    };
}
