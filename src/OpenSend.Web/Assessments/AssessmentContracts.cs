using OpenSend.Data.Assessments;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Identity;
using OpenSend.Domain.Timescales;
using OpenSend.Web.Timescales;

namespace OpenSend.Web.Assessments;

// The JSON API's shapes for EHC needs assessments (convention 7: contracts are records, mapped by
// hand; EF entities are never serialised).

public sealed record RequesterContract(RequesterKind Kind, string Name, string Email, string? Phone = null, string? Organisation = null);

public sealed record ChildContract(string GivenName, string FamilyName, DateOnly DateOfBirth);

public sealed record AssessmentRequestContract(string LaCode, RequesterContract Requester, ChildContract Child, string? Reason, bool ConsentToShare);

public sealed record SubmittedRequestContract(
    string Reference,
    string TrackingToken,
    string TrackingUrl,
    DateOnly ReceivedOn,
    string RuleSet,
    IReadOnlyList<DeadlineContract> Deadlines);

public sealed record FamilyDateContract(DateOnly Due, string Text, string Basis, bool Overdue);

public sealed record FamilyHistoryContract(DateOnly On, string Text, string? Detail);

public sealed record TrackingContract(
    string Reference,
    string Council,
    AssessmentStage Stage,
    string Status,
    DateOnly RequestReceivedOn,
    IReadOnlyList<FamilyDateContract> DatesAhead,
    IReadOnlyList<string> WhatHappensNext,
    DateOnly? AppealBy,
    IReadOnlyList<FamilyHistoryContract> History);

public sealed record CaseDeadlineContract(
    StatutoryStep Step,
    string Title,
    DateOnly Due,
    string Basis,
    DeadlineState State,
    int? DaysLeft,
    int? DaysOverdue,
    DateOnly? CompletedOn,
    string? ExceptionBasis,
    string? NotNeededBecause,
    Guid? AdviceRequestId);

public sealed record AdviceRequestContract(Guid Id, AdviserKind Kind, string Adviser, DateOnly RequestedOn, DateOnly Due, DateOnly? ReceivedOn);

public sealed record PanelRecommendationContract(Guid Id, PanelQuestion Question, PanelRecommendationOutcome Recommendation, DateOnly MeetingOn, string Notes);

public sealed record ExceptionContract(Guid Id, ExceptionReason Reason, IReadOnlyList<StatutoryStep> Steps, Guid? AdviceRequestId, DateOnly From, DateOnly To, string Explanation, string Basis, DateOnly RecordedOn, string RecordedBy);

public sealed record TimelineEntryContract(PathwayAction Action, DateOnly OccurredOn, DateTimeOffset RecordedAt, string RecordedBy, string RecordedByRole, string LegalBasis, string Summary, string? Detail);

public sealed record AccessLogContract(DateTimeOffset At, string Who, string Role, string? Organisation, string Action);

public sealed record CaseContract(
    Guid Id,
    CaseAccessLevel Access,
    string Reference,
    string LaCode,
    ChildContract Child,
    RequesterContract Requester,
    string ReasonForRequest,
    AssessmentStage Stage,
    string StageTitle,
    DateOnly RequestReceivedOn,
    string RuleSetId,
    string RuleSet,
    DateOnly? RepresentationsCloseOn,
    bool FamilyHasNoFurtherComments,
    string? RequestedSetting,
    string? NamedSetting,
    DateOnly? NextDeadlineOn,
    IReadOnlyList<PathwayAction> AllowedActions,
    IReadOnlyList<CaseDeadlineContract> Deadlines,
    IReadOnlyList<AdviceRequestContract> AdviceRequests,
    IReadOnlyList<PanelRecommendationContract> PanelRecommendations,
    IReadOnlyList<ExceptionContract> Exceptions,
    IReadOnlyList<TimelineEntryContract> Timeline);

public sealed record CaseloadRowContract(Guid Id, string Reference, string ChildName, DateOnly RequestReceivedOn, AssessmentStage Stage, StatutoryStep? NextStep, DateOnly? NextDue, DeadlineState? NextState, int? DaysLeft, int? DaysOverdue);

public sealed record CaseloadContract(int Total, int Page, int PageCount, int Overdue, int DueSoon, IReadOnlyList<CaseloadRowContract> Cases);

// Commands: dates are nullable so that a missing one is reported by name, not read as 0001-01-01.

public sealed record PanelRecommendationCommand(PanelQuestion? Question, PanelRecommendationOutcome? Recommendation, DateOnly? MeetingOn, string? Notes);

public sealed record AssessmentDecisionCommand(bool? WillAssess, DateOnly? DecidedOn, string? Reasons);

public sealed record AdviceRequestCommand(AdviserKind? Kind, string? Adviser, DateOnly? RequestedOn, Guid? AdviserOrganisationId = null);

public sealed record AdviceReceivedCommand(DateOnly? ReceivedOn);

public sealed record IssueDecisionCommand(bool? WillIssue, DateOnly? DecidedOn, string? Reasons);

public sealed record DraftPlanCommand(DateOnly? ServedOn);

public sealed record RepresentationsCommand(DateOnly? ReceivedOn, string? Comments, string? RequestedSetting, bool MeetingRequested, bool NoFurtherComments);

public sealed record FinalPlanCommand(DateOnly? IssuedOn, string? NamedSetting);

public sealed record ExceptionCommand(ExceptionReason? Reason, IReadOnlyList<StatutoryStep>? Steps, Guid? AdviceRequestId, DateOnly? From, DateOnly? To, string? Explanation);

public sealed record WithdrawalCommand(DateOnly? WithdrawnOn, string? Reason);

public sealed record TransferCommand(DateOnly? TransferredOn, string? ReceivingLaCode);

public static class AssessmentContractMapping
{
    public static CaseContract ToContract(this ViewedCase viewed, DateOnly today)
    {
        var a = viewed.Assessment;
        var rules = a.RuleSet;
        var adviceDue = rules.Rule(StatutoryStep.AdviceProvided);
        return new CaseContract(
            a.Id,
            viewed.Access,
            a.Reference,
            a.LaCode,
            new ChildContract(a.Child.GivenName, a.Child.FamilyName, a.Child.DateOfBirth),
            new RequesterContract(a.Requester.Kind, a.Requester.Name, a.Requester.Email, a.Requester.Phone, a.Requester.Organisation),
            a.ReasonForRequest,
            a.Stage,
            a.Stage.Title(),
            a.RequestReceivedOn,
            a.RuleSetId,
            rules.Name,
            a.RepresentationsCloseOn,
            a.FamilyHasNoFurtherComments,
            a.RequestedSetting,
            a.NamedSetting,
            a.NextDeadlineOn,
            viewed.CanManage ? a.AllowedActions : [],
            a.Deadlines(today).Select(d => new CaseDeadlineContract(
                d.Deadline.Step, d.Deadline.Title, d.Deadline.Due, d.Deadline.Basis, d.State,
                d.IsOpen && d.State != DeadlineState.Overdue ? d.DaysLeft : null,
                d.State == DeadlineState.Overdue ? d.DaysOverdue : null,
                d.CompletedOn, d.ExceptionBasis, d.NotNeededBecause, d.RelatesTo)).ToList(),
            a.AdviceRequests.OrderBy(r => r.RequestedOn).Select(r => new AdviceRequestContract(r.Id, r.Kind, r.AdviserName, r.RequestedOn, adviceDue.DueFrom(r.RequestedOn), r.ReceivedOn)).ToList(),
            a.PanelRecommendations.OrderBy(p => p.MeetingOn).Select(p => new PanelRecommendationContract(p.Id, p.Question, p.Outcome, p.MeetingOn, p.Notes)).ToList(),
            a.Exceptions.Select(e => new ExceptionContract(e.Id, e.Reason, e.Steps, e.AdviceRequestId, e.From, e.To, e.Explanation, e.Basis, e.RecordedOn, e.RecordedByName)).ToList(),
            a.Timeline.OrderBy(e => e.OccurredOn).ThenBy(e => e.RecordedAt)
                .Select(e => new TimelineEntryContract(e.Action, e.OccurredOn, e.RecordedAt, e.RecordedByName, e.RecordedByRole, e.LegalBasis, e.Summary, e.Detail)).ToList());
    }

    public static TrackingContract ToContract(this TrackedCase tracked, DateOnly today)
    {
        var a = tracked.Assessment;
        var update = FamilyUpdate.For(a, today);
        return new TrackingContract(
            a.Reference,
            tracked.LocalAuthority.Name,
            a.Stage,
            update.Status,
            a.RequestReceivedOn,
            update.DatesAhead.Select(d => new FamilyDateContract(d.Due, d.Text, d.Basis, d.Overdue)).ToList(),
            update.WhatHappensNext,
            update.AppealBy,
            a.Timeline.OrderBy(e => e.OccurredOn).ThenBy(e => e.RecordedAt).Select(e => new FamilyHistoryContract(e.OccurredOn, e.FamilySummary, e.Detail)).ToList());
    }

    public static CaseloadContract ToContract(this CaseloadPage page) => new(
        page.TotalMatching,
        page.Page,
        page.PageCount,
        page.Overdue,
        page.DueSoon,
        page.Rows.Select(r => new CaseloadRowContract(r.Id, r.Reference, r.ChildName, r.ReceivedOn, r.Stage, r.NextStep, r.NextDue, r.NextState,
            r.NextState is DeadlineState.NotYetDue or DeadlineState.DueSoon ? r.DaysFromToday : null,
            r.NextState == DeadlineState.Overdue ? -r.DaysFromToday : null)).ToList());

    public static SubmittedRequestContract ToContract(this SubmittedRequest submitted, string trackingUrl)
    {
        var rules = RuleSetCatalogue.Get(submitted.RuleSetId);
        return new SubmittedRequestContract(
            submitted.Reference,
            submitted.TrackingToken,
            trackingUrl,
            submitted.ReceivedOn,
            rules.Name,
            rules.DeadlinesFrom(ClockAnchor.RequestReceived, submitted.ReceivedOn).Select(d => new DeadlineContract(d.Step, d.Due, d.Basis)).ToList());
    }
}
