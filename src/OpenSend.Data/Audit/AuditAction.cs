using System.Reflection;
using System.Text.Json;
using OpenSend.Domain.Assessments;

namespace OpenSend.Data.Audit;

/// <summary>
/// One kind of audit entry: the code stored on the record (kept stable, since sealed records hash
/// it), the words staff read in the audit search and a case's access log, and the words a family
/// reads in "Who has looked at this record" (null: never shown to families).
/// </summary>
public sealed record AuditAction(string Code, string StaffWords, string? FamilyWords)
{
    public bool ShownToFamilies => FamilyWords is not null;

    public override string ToString() => Code;
}

/// <summary>
/// Every action OpenSEND writes to the audit log. A record is written with one of these, never a
/// bare string, so nothing reaches the log without words for staff and (where it concerns a child's
/// record) for the family.
/// </summary>
public static class AuditActions
{
    private const string Unknown = "Worked on the record";

    // The child's case.
    public static readonly AuditAction CaseViewed = new("case.viewed", "Looked at the case", "Looked at the record");
    public static readonly AuditAction CaseViewedByTrackingLink = new("case.viewed-by-tracking-link", "Looked at the case with the private tracking link", "Looked at the record with the private tracking link");
    public static readonly AuditAction RequestReceived = new("case.request-received", "Recorded the request for an assessment", "Recorded the request");
    public static readonly AuditAction RequestCompleted = new("case.request-completed", "Recorded the reasons for the request or the agreement to share it", "Recorded the reasons for the request or your agreement to share it");
    public static readonly AuditAction DraftMeetingHeld = new("case.draft-meeting-held", "Recorded the meeting the family asked for about the draft plan", "Recorded the meeting you asked for about the draft plan");
    public static readonly AuditAction CaseworkerAssigned = new("case.caseworker-assigned", "Named the case's caseworker", "Named your caseworker");

    public static readonly AuditAction LetterDownloaded = new("case.letter-downloaded", "Downloaded a letter to post to the family", "Printed a letter to post to you");
    public static readonly AuditAction ContactPreferencesRecorded = new("case.contact-preferences", "Recorded how the family wants to hear from the council", "Recorded how you want to hear from the council");
    public static readonly AuditAction CapacityRecorded = new("case.capacity-recorded", "Recorded that the young person lacks capacity to decide, and who acts for them", "Recorded who makes the decisions for the young person");
    public static readonly AuditAction CapacityWithdrawn = new("case.capacity-withdrawn", "Withdrew the record that the young person lacks capacity to decide", "Recorded that the young person makes their own decisions");
    public static readonly AuditAction ParentAccessChosen = new("case.parent-access-chosen", "The young person chose whether their parent still sees the record", "Chose whether your parent or carer still sees the record");
    public static readonly AuditAction ChildDetails = new("case.child-details", "Changed the child's details for the SEN2 return", "Changed the child's details");
    public static readonly AuditAction FamilyLinked = new("case.family-linked", "Gave a family account access to the case", "Gave a family account access");
    public static readonly AuditAction FamilyUnlinked = new("case.family-unlinked", "Removed a family account's access to the case", "Removed a family account's access");
    public static readonly AuditAction TrackingLinkReplaced = new("case.tracking-link-replaced", "Sent the requester a new private tracking link", "Sent a new private tracking link");
    public static readonly AuditAction SettingLinked = new("case.setting-linked", "Linked a school or setting to the case", "Linked a school or setting");
    public static readonly AuditAction SettingUnlinked = new("case.setting-unlinked", "Ended a school's or setting's link to the case", "Ended a school's or setting's link");
    public static readonly AuditAction SubjectAccessExport = new("case.subject-access-export", "Made a copy of the whole record for a subject access request", "Made a copy of the whole record (subject access)");
    public static readonly AuditAction Anonymised = new("case.anonymised", "Removed personal details at the end of the retention period", "Removed personal details at the end of the retention period");
    public static readonly AuditAction DocumentUploaded = new("case.document-uploaded", "Added a document to the case", "Added a document");
    public static readonly AuditAction DocumentDownloaded = new("case.document-downloaded", "Downloaded a document from the case", "Downloaded a document");
    public static readonly AuditAction DocumentWithheld = new("case.document-withheld", "Withheld a document from the family, with the reason", "Kept a document from you, with the reason");
    public static readonly AuditAction DocumentShared = new("case.document-shared", "Shared a withheld document with the family", "Shared a document it had kept from you");
    public static readonly AuditAction FamilyViewsSent = new("case.family-views-sent", "Sent the family's views for the plan", "Sent their views for the plan");

    // Steps on the statutory pathway, one for each PathwayAction (see ForStep).
    public static readonly AuditAction ReceiveRequest = Step(PathwayAction.ReceiveRequest, "Recorded the request", "Recorded the request");
    public static readonly AuditAction RecordPanelRecommendation = Step(PathwayAction.RecordPanelRecommendation, "Recorded the panel's recommendation", "Recorded the panel's recommendation");
    public static readonly AuditAction DecideToAssess = Step(PathwayAction.DecideToAssess, "Recorded the decision to assess", "Recorded the decision to assess");
    public static readonly AuditAction DecideNotToAssess = Step(PathwayAction.DecideNotToAssess, "Recorded the decision not to assess", "Recorded the decision not to assess");
    public static readonly AuditAction RequestAdvice = Step(PathwayAction.RequestAdvice, "Asked for advice (reg 6)", "Asked for advice");
    public static readonly AuditAction RecordAdviceReceived = Step(PathwayAction.RecordAdviceReceived, "Recorded advice received", "Recorded advice received");
    public static readonly AuditAction DecideToIssue = Step(PathwayAction.DecideToIssue, "Recorded the decision to issue a plan", "Recorded the decision to issue a plan");
    public static readonly AuditAction DecideNotToIssue = Step(PathwayAction.DecideNotToIssue, "Recorded the decision not to issue a plan", "Recorded the decision not to issue a plan");
    public static readonly AuditAction ServeDraftPlan = Step(PathwayAction.ServeDraftPlan, "Recorded the draft plan served on the family", "Recorded a draft plan sent to you");
    public static readonly AuditAction RecordRepresentations = Step(PathwayAction.RecordRepresentations, "Recorded the family's representations on the draft", "Recorded your comments on the draft");
    public static readonly AuditAction IssueFinalPlan = Step(PathwayAction.IssueFinalPlan, "Recorded the final plan issued", "Recorded the final plan");
    public static readonly AuditAction RecordException = Step(PathwayAction.RecordException, "Recorded an exception to a time limit (reg 8, 10, 13)", "Recorded a reason a time limit may be missed");
    public static readonly AuditAction Withdraw = Step(PathwayAction.Withdraw, "Recorded the request as withdrawn", "Recorded the request as withdrawn");
    public static readonly AuditAction TransferOut = Step(PathwayAction.TransferOut, "Recorded the child's move to another council", "Recorded a move to another council");
    public static readonly AuditAction ReceiveTransferredPlan = Step(PathwayAction.ReceiveTransferredPlan, "Received a plan from another council (reg 15)", "Received the plan from another council");
    public static readonly AuditAction RecordTransferNotice = Step(PathwayAction.RecordTransferNotice, "Told the family the council now holds the plan (reg 15(4))", "Told you the council now holds the plan");
    public static readonly AuditAction RecordReviewDecision = Step(PathwayAction.RecordReviewDecision, "Recorded the decision after the review", "Recorded the council's decision after the review");
    public static readonly AuditAction CeasePlan = Step(PathwayAction.CeasePlan, "Recorded that the plan ceased", "Recorded that the plan stopped");
    public static readonly AuditAction RecordPlacementDecision = Step(PathwayAction.RecordPlacementDecision, "Recorded the school or college named", "Recorded the school or college named");
    public static readonly AuditAction KeepPlan = Step(PathwayAction.KeepPlan, "Recorded that the plan stays in force", "Recorded that the plan stays in force");
    public static readonly AuditAction ProposeAmendments = Step(PathwayAction.ProposeAmendments, "Recorded proposed amendments sent to the family (reg 22(2))", "Recorded proposed changes to the plan sent to you");
    public static readonly AuditAction IssueAmendedPlan = Step(PathwayAction.IssueAmendedPlan, "Recorded the amended plan issued", "Recorded the amended plan");
    public static readonly AuditAction DecideNotToAmend = Step(PathwayAction.DecideNotToAmend, "Recorded the decision not to amend (reg 22(4))", "Recorded the decision not to make the proposed changes");
    public static readonly AuditAction AssessUnderOrder = Step(PathwayAction.AssessUnderOrder, "Reopened the case for an assessment the tribunal's decision requires (reg 44, 45)", "Reopened the request for the assessment the tribunal's decision requires");
    public static readonly AuditAction MakePlanUnderOrder = Step(PathwayAction.MakePlanUnderOrder, "Reopened the case to make the plan the tribunal's decision requires (reg 44, 45)", "Reopened the request to make the plan the tribunal's decision requires");
    public static readonly AuditAction RecordOrderOnPlan = Step(PathwayAction.RecordOrderOnPlan, "Recorded what the tribunal's decision requires of the plan (reg 44, 45)", "Recorded what the tribunal's decision requires of the plan");
    public static readonly AuditAction NotifyAssessmentUnderOrder = Step(PathwayAction.NotifyAssessmentUnderOrder, "Told the family the ordered assessment will be made", "Told you the assessment will be made");
    public static readonly AuditAction RequestReassessment = Step(PathwayAction.RequestReassessment, "Recorded a request for re-assessment (reg 24)", "Recorded a request to re-assess your child's needs");
    public static readonly AuditAction DecideToReassess = Step(PathwayAction.DecideToReassess, "Recorded the decision to re-assess", "Recorded the decision to re-assess");
    public static readonly AuditAction DecideNotToReassess = Step(PathwayAction.DecideNotToReassess, "Recorded the decision not to re-assess", "Recorded the decision not to re-assess");
    public static readonly AuditAction NotifyNoChangeAfterReassessment = Step(PathwayAction.NotifyNoChangeAfterReassessment, "Recorded that the plan will not change after re-assessment (reg 27)", "Recorded that the plan will not change after re-assessment");
    public static readonly AuditAction DecideToCease = Step(PathwayAction.DecideToCease, "Recorded a decision to cease the plan (s.45, reg 31)", "Recorded a decision to stop the plan");

    // The plan.
    public static readonly AuditAction PlanViewed = new("plan.viewed", "Looked at the plan", "Looked at the plan");
    public static readonly AuditAction PlanStarted = new("plan.started", "Started drafting the plan", "Started drafting the plan");
    public static readonly AuditAction PlanEdited = new("plan.edited", "Changed the plan", "Changed the plan");
    public static readonly AuditAction PlanSectionASaved = new("plan.section-a-saved", "Changed section A of the plan", "Changed section A of the plan");
    public static readonly AuditAction PlanNeedSaved = new("plan.need-saved", "Added or changed a need in the plan", "Changed the needs in the plan");
    public static readonly AuditAction PlanNeedRemoved = new("plan.need-removed", "Removed a need from the plan", "Changed the needs in the plan");
    public static readonly AuditAction PlanOutcomeSaved = new("plan.outcome-saved", "Added or changed an outcome in the plan", "Changed the outcomes in the plan");
    public static readonly AuditAction PlanOutcomeRemoved = new("plan.outcome-removed", "Removed an outcome from the plan", "Changed the outcomes in the plan");
    public static readonly AuditAction PlanProvisionSaved = new("plan.provision-saved", "Added or changed provision in the plan", "Changed the provision in the plan");
    public static readonly AuditAction PlanProvisionRemoved = new("plan.provision-removed", "Removed provision from the plan", "Changed the provision in the plan");
    public static readonly AuditAction PlanSettingNamed = new("plan.setting-named", "Named a school or setting in section I", "Changed the school or setting named in the plan");
    public static readonly AuditAction PlanSettingRemoved = new("plan.setting-removed", "Emptied section I", "Changed the school or setting named in the plan");
    public static readonly AuditAction PlanBudgetSaved = new("plan.budget-saved", "Changed the personal budget (section J)", "Changed the personal budget in the plan");
    public static readonly AuditAction PlanBudgetRemoved = new("plan.budget-removed", "Emptied the personal budget (section J)", "Changed the personal budget in the plan");
    public static readonly AuditAction PlanAdviceAdopted = new("plan.advice-adopted", "Took an item of advice into the plan", "Took advice into the plan");
    public static readonly AuditAction PlanDraftIssued = new("plan.draft-issued", "Issued a draft plan", "Issued a draft plan");
    public static readonly AuditAction PlanFinalIssued = new("plan.final-issued", "Issued the final plan", "Issued the final plan");
    public static readonly AuditAction PlanNotAmended = new("plan.not-amended", "Decided not to amend the plan (reg 22(4))", "Recorded the decision not to make the proposed changes to the plan");
    public static readonly AuditAction PlanCommented = new("plan.commented", "Commented on the draft plan", "Commented on the draft plan");
    public static readonly AuditAction PlanDownloaded = new("plan.downloaded", "Downloaded a copy of the plan", "Downloaded a copy of the plan");
    public static readonly AuditAction DeliveryReported = new("plan.delivery-reported", "Said whether provision in the plan is being delivered", "Said whether support in the plan is being given");
    public static readonly AuditAction DeliveryAnswered = new("plan.delivery-answered", "Answered a report that provision is not being delivered", "Answered a report that support in the plan is not being given");
    public static readonly AuditAction PlanFamilyAsked = new("plan.family-asked", "Asked for a meeting or a school to be named", "Asked for a meeting or a school to be named");
    public static readonly AuditAction PlanTransferredIn = new("plan.transferred-in", "Received the plan from another council", "Received the plan from another council");
    public static readonly AuditAction PlanTransferExported = new("plan.transfer-exported", "Downloaded the plan for the council the child moved to", "Downloaded the plan for the council the child moved to");

    // The plan's reviews.
    public static readonly AuditAction ReviewScheduled = new("review.scheduled", "Scheduled the plan's review", "Scheduled the plan's review");
    public static readonly AuditAction ReviewViewed = new("review.viewed", "Looked at the plan's review", "Looked at the plan's review");
    public static readonly AuditAction ReviewMeetingArranged = new("review.meeting-arranged", "Arranged the review meeting (reg 20(3))", "Arranged the review meeting");
    public static readonly AuditAction ReviewPapersCirculated = new("review.papers-circulated", "Sent out the advice for the review meeting (reg 20(4))", "Sent out the advice for the review meeting");
    public static readonly AuditAction ReviewContributionGiven = new("review.contribution-given", "Gave advice or views for the review", "Gave advice or views for the review");
    public static readonly AuditAction ReviewMeetingHeld = new("review.meeting-held", "Recorded the review meeting", "Recorded the review meeting");
    public static readonly AuditAction ReviewReportSubmitted = new("review.report-submitted", "Sent the report of the review meeting (reg 20(8))", "Sent the report of the review meeting");
    public static readonly AuditAction ReviewDecided = new("review.decided", "Recorded the decision after the review (reg 20(10))", "Recorded the council's decision after the review");
    public static readonly AuditAction EarlyReviewAsked = new("review.early-asked", "Asked for the plan to be reviewed early", "Asked for the plan to be reviewed early");
    public static readonly AuditAction EarlyReviewDecided = new("review.early-decided", "Decided whether to review the plan early, with reasons", "Decided whether to review the plan early, with reasons");
    public static readonly AuditAction ReviewPost16TransferProposed = new("review.post16-transfer-proposed", "Recorded a planned move between post-16 institutions", "Recorded a planned move to another college");

    // Naming a school or college.
    public static readonly AuditAction PlacementViewed = new("placement.viewed", "Looked at the choice of school or college", "Looked at the choice of school or college");
    public static readonly AuditAction PlacementListProposed = new("placement.list-proposed", "Proposed the list of suitable settings", "Worked on the list of suitable schools and colleges");
    public static readonly AuditAction PlacementListAdded = new("placement.list-added", "Added a setting to the list of suitable settings", "Worked on the list of suitable schools and colleges");
    public static readonly AuditAction PlacementListRemoved = new("placement.list-removed", "Removed a setting from the list of suitable settings", "Worked on the list of suitable schools and colleges");
    public static readonly AuditAction PlacementListShared = new("placement.list-shared", "Shared the list of suitable settings with the family", "Worked on the list of suitable schools and colleges");
    public static readonly AuditAction PlacementCouncilSetting = new("placement.council-setting", "Proposed a setting the council chose (s.33)", "Proposed a school or college");
    public static readonly AuditAction PlacementPreferencesExpressed = new("placement.preferences-expressed", "Recorded the family's preferences (s.38)", "Said which schools or colleges they would like");
    public static readonly AuditAction PlacementConsulted = new("placement.consulted", "Consulted a setting (s.39(2))", "Asked a school or college whether it can meet the child's needs");
    public static readonly AuditAction PlacementConsultationAnswered = new("placement.consultation-answered", "Recorded a setting's answer to consultation", "Answered whether the school or college can meet the child's needs");
    public static readonly AuditAction PlacementGroundsRecorded = new("placement.grounds-recorded", "Recorded a ground not to name a setting (s.39(4))", "Recorded why a school or college might not be named");
    public static readonly AuditAction PlacementDecided = new("placement.decided", "Decided the setting to name", "Decided which school or college to name");
    public static readonly AuditAction PlacementReopened = new("placement.reopened", "Reopened the naming of a setting", "Reopened the choice of school or college");

    // Advice for an assessment or review.
    public static readonly AuditAction AdviceViewed = new("advice.viewed", "Looked at advice", "Looked at advice");
    public static readonly AuditAction AdviceSummarySaved = new("advice.summary-saved", "Saved the summary of their advice", "Worked on their advice");
    public static readonly AuditAction AdviceChanged = new("advice.changed", "Changed their advice", "Worked on their advice");
    public static readonly AuditAction AdviceSent = new("advice.sent", "Sent their advice to the council", "Sent their advice to the council");

    // Redress: mediation, appeals to the tribunal and their outcomes.
    public static readonly AuditAction RedressViewed = new("redress.viewed", "Looked at the case's mediation and appeals", "Looked at mediation and appeals");
    public static readonly AuditAction MediationStarted = new("redress.mediation-started", "Recorded the family's contact with the mediation adviser (reg 33)", "Recorded your contact with the mediation adviser");
    public static readonly AuditAction MediationDeclined = new("redress.mediation-declined", "Recorded that the family does not want mediation (reg 34)", "Recorded that you do not want mediation");
    public static readonly AuditAction MediationArranged = new("redress.mediation-arranged", "Recorded that the family wants mediation (regs 36–37)", "Recorded that you want mediation");
    public static readonly AuditAction MediationHeld = new("redress.mediation-held", "Recorded the mediation and its outcome (reg 38)", "Recorded the mediation and what was agreed");
    public static readonly AuditAction MediationCertified = new("redress.mediation-certified", "Recorded the mediation certificate (regs 34, 39)", "Recorded the mediation certificate");
    public static readonly AuditAction MediationAgreementCarriedOut = new("redress.mediation-agreement-done", "Recorded what was agreed in mediation as done (reg 42)", "Recorded what was agreed in mediation as done");
    public static readonly AuditAction AppealRegistered = new("redress.appeal-registered", "Recorded an appeal to the tribunal (s.51)", "Recorded an appeal to the tribunal");
    public static readonly AuditAction AppealSentToCouncil = new("redress.appeal-sent", "Recorded the tribunal sending the appeal to the council", "Recorded the tribunal sending the appeal to the council");
    public static readonly AuditAction AppealResponded = new("redress.appeal-responded", "Recorded the council's response opposing the appeal", "Recorded the council's response to the appeal");
    public static readonly AuditAction AppealNotOpposed = new("redress.appeal-not-opposed", "Recorded that the council will not oppose the appeal (reg 45)", "Recorded that the council will not oppose the appeal");
    public static readonly AuditAction AppealHearing = new("redress.appeal-hearing", "Recorded the appeal hearing", "Recorded the appeal hearing");
    public static readonly AuditAction AppealDecided = new("redress.appeal-decided", "Recorded the tribunal's decision and orders (reg 44)", "Recorded the tribunal's decision");
    public static readonly AuditAction AppealWithdrawn = new("redress.appeal-withdrawn", "Recorded the appeal as withdrawn", "Recorded the appeal as withdrawn");
    public static readonly AuditAction DuringDisagreementRecorded = new("redress.during-disagreement", "Recorded where the child is while the disagreement lasts", "Recorded where your child is while the disagreement lasts");
    public static readonly AuditAction ComplaintMade = new("redress.complaint-made", "Made a complaint", "Made a complaint");
    public static readonly AuditAction ComplaintAnswered = new("redress.complaint-answered", "Answered a complaint", "Answered the complaint");
    public static readonly AuditAction ComplaintEscalated = new("redress.complaint-escalated", "Took a complaint to stage 2", "Took the complaint to stage 2");
    public static readonly AuditAction ComplaintToOmbudsman = new("redress.complaint-ombudsman", "Recorded a complaint taken to the Ombudsman", "Recorded the complaint taken to the Ombudsman");
    public static readonly AuditAction ComplaintOmbudsmanDecided = new("redress.complaint-ombudsman-decided", "Recorded the Ombudsman's decision", "Recorded the Ombudsman's decision");
    public static readonly AuditAction ComplaintClosed = new("redress.complaint-closed", "Closed a complaint", "Closed the complaint");
    public static readonly AuditAction ComplaintTimesSet = new("la.complaint-times", "Changed the council's time limits for answering complaints", null);
    public static readonly AuditAction RecommendationAnswered = new("redress.recommendation-answered", "Recorded a commissioner's response to the tribunal's recommendation", "Recorded the response to the tribunal's recommendation");

    // The council's own settings and returns: no child's record, never shown to families.
    public static readonly AuditAction EarlyReviewDecisionDays = new("la.early-review-decision-days", "Changed the time to decide on a request for an early review", null);
    public static readonly AuditAction UnderFivesReviewInterval = new("la.under-fives-review-interval", "Changed how often under-5s' plans are reviewed", null);
    public static readonly AuditAction Sen2Exported = new("la.sen2-exported", "Made the SEN2 return for the Department for Education", null);
    public static readonly AuditAction SettingPlacesSet = new("setting.places-set", "Set a setting's commissioned places", null);
    public static readonly AuditAction SettingListedSuitable = new("setting.listed-suitable", "Added a setting to the council's suitable settings", null);
    public static readonly AuditAction SettingUnlistedSuitable = new("setting.unlisted-suitable", "Removed a setting from the council's suitable settings", null);
    public static readonly AuditAction SettingListedArea = new("setting.listed-area", "Added the area's settings to the council's suitable settings", null);
    public static readonly AuditAction SettingProviderAdded = new("setting.provider-added", "Added a provider from the register of learning providers", null);
    // The local offer: public information the council keeps (s.30), never about a child.
    public static readonly AuditAction LocalOfferServiceAdded = new("local-offer.service-added", "Added a service to the local offer", null);
    public static readonly AuditAction LocalOfferServiceChanged = new("local-offer.service-changed", "Changed a service in the local offer", null);
    public static readonly AuditAction RuleSetAdopted = new("la.rule-set-adopted", "Decided that the area runs a rule set from a date (the DfE)", null);
    public static readonly AuditAction StaffAdded = new("staff.added", "Gave a person a role in an organisation", null);
    public static readonly AuditAction StaffRemoved = new("staff.removed", "Ended a person's role in an organisation", null);

    // Sign-in and accounts: no LA and no case (SignInAudit).
    public static readonly AuditAction SignedIn = new("sign-in.succeeded", "Signed in", null);
    public static readonly AuditAction PasswordRefused = new("sign-in.password-refused", "Sign-in refused: wrong password", null);
    public static readonly AuditAction HeldBack = new("sign-in.held-back", "Sign-in held back after repeated failures", null);
    public static readonly AuditAction CodeRefused = new("sign-in.code-refused", "Sign-in refused: wrong security code", null);
    public static readonly AuditAction LockedOut = new("sign-in.locked-out", "Account locked after repeated failures", null);
    public static readonly AuditAction FamilySignedIn = new("sign-in.family-succeeded", "Family member signed in", null);
    public static readonly AuditAction FamilyCodeRefused = new("sign-in.family-code-refused", "Family sign-in refused: wrong code", null);
    public static readonly AuditAction PasswordSet = new("account.password-set", "Set a password", null);
    public static readonly AuditAction AuthenticatorSetUp = new("account.authenticator-set-up", "Set up an authenticator app", null);

    /// <summary>Every action, by code.</summary>
    public static IReadOnlyDictionary<string, AuditAction> All { get; } = typeof(AuditActions)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(AuditAction))
        .Select(f => (AuditAction)f.GetValue(null)!)
        .ToDictionary(a => a.Code, StringComparer.Ordinal);

    /// <summary>The action recorded for a step on the pathway; its code is "case." and the step's name in kebab case, as stored since the first release.</summary>
    public static AuditAction ForStep(PathwayAction step) =>
        All.TryGetValue(StepCode(step), out var action)
            ? action
            : throw new InvalidOperationException($"The audit catalogue has no action for the step {step}.");

    /// <summary>The staff's words for a stored code; a code from before the catalogue is described by what it touched, never shown as a code.</summary>
    public static string StaffWords(string code) => All.TryGetValue(code, out var action) ? action.StaffWords : ByArea(code);

    /// <summary>The family's words for a stored code, or null when the action is not shown to families.</summary>
    public static string? FamilyWords(string code) => All.TryGetValue(code, out var action) ? action.FamilyWords : ByArea(code);

    private static string ByArea(string code) => code.Split('.')[0] switch
    {
        "plan" => "Changed the plan",
        "review" => "Worked on the plan's review",
        "placement" => "Worked on the choice of school or college",
        "advice" => "Worked on advice",
        "redress" => "Worked on mediation or an appeal",
        _ => Unknown,
    };

    private static AuditAction Step(PathwayAction step, string staffWords, string familyWords) => new(StepCode(step), staffWords, familyWords);

    private static string StepCode(PathwayAction step) => $"case.{JsonNamingPolicy.KebabCaseLower.ConvertName(step.ToString())}";
}
