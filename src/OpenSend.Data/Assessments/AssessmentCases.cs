using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OpenSend.Data.Access;
using OpenSend.Data.Audit;
using OpenSend.Data.Database;
using OpenSend.Data.Notifications;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Common;
using OpenSend.Domain.Identity;
using OpenSend.Domain.Placements;
using OpenSend.Domain.Plans;
using OpenSend.Domain.Redress;
using OpenSend.Domain.Reviews;
using OpenSend.Domain.Timescales;

namespace OpenSend.Data.Assessments;

/// <summary>A request for assessment as the form or the API hands it over.</summary>
public sealed record AssessmentRequestSubmission(
    string LaCode,
    RequesterKind RequesterKind,
    string RequesterName,
    string RequesterEmail,
    string? RequesterPhone,
    string? RequesterOrganisation,
    string ChildGivenName,
    string ChildFamilyName,
    DateOnly ChildDateOfBirth,
    string? Reason,
    bool ConsentToShare,
    ContactPreferences? Contact = null);

/// <summary>What the family gets back: the reference to quote and the private tracking token (shown once).</summary>
public sealed record SubmittedRequest(Guid Id, string LaCode, string Reference, string TrackingToken, DateOnly ReceivedOn, string RuleSetId);

/// <summary>The case does not exist, or the person asking may not see it: the two look the same.</summary>
public sealed class CaseNotFoundException() : Exception("No case was found.");

/// <summary>
/// Every step on the case's own record: receiving a request, the pathway's decisions and the plan's
/// ceasing. Each goes through <see cref="CaseSteps"/> (one named domain step, its audit record and the
/// family's update, saved in one transaction). Pages and API endpoints call these methods.
/// </summary>
public sealed class AssessmentCases(OpenSendDbContext db, CaseSteps steps, CaseNotifications notifications, OpenSend.Data.Reviews.ReviewScheduling reviews, TimeProvider time)
{
    /// <summary>
    /// Starts the 20-week clock. The public form passes today as <paramref name="receivedOn"/>;
    /// a caseworker recording a request that arrived by post or email passes the day it arrived.
    /// </summary>
    public async Task<SubmittedRequest> ReceiveAsync(RequestContext context, AssessmentRequestSubmission submission, DateOnly? receivedOn = null, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var day = receivedOn ?? UkCalendar.DateOf(now);
        if (context.LaCode is { } staffLa && staffLa != submission.LaCode)
        {
            throw new StepRefusedException("other-la", "You can only record requests for your own council.");
        }

        var la = await db.LocalAuthorities.SingleOrDefaultAsync(l => l.Code == submission.LaCode, cancellationToken)
            ?? throw new StepRefusedException("unknown-la", "Select the council responsible for the child.");
        var rules = la.RuleSetForClockStart(day);
        var token = NewTrackingToken();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var reference = await NextReferenceAsync(la.Code, day.Year, cancellationToken);
        var assessment = EhcCase.Receive(
            RecordId.New(),
            la.Code,
            reference,
            new Child(submission.ChildGivenName.Trim(), submission.ChildFamilyName.Trim(), submission.ChildDateOfBirth),
            new Requester(submission.RequesterKind, submission.RequesterName.Trim(), submission.RequesterEmail.Trim(),
                Text.NullIfBlank(submission.RequesterPhone), Text.NullIfBlank(submission.RequesterOrganisation)),
            submission.Reason,
            submission.ConsentToShare,
            day,
            rules,
            HashTrackingToken(token),
            context.Actor,
            now);
        // A request by letter or phone may come with a postal address instead of an email address.
        if (submission.Contact is { } contact)
        {
            assessment.RecordContactPreferences(contact, now);
        }

        db.Assessments.Add(assessment);
        LinkRequester(context, assessment, now);
        db.AuditRecords.Add(AuditRecord.For(context, la.Code, assessment.Id, AuditActions.RequestReceived, now, reference));
        await notifications.QueueUpdateAsync(assessment, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new SubmittedRequest(assessment.Id, la.Code, reference, token, day, rules.Id);
    }

    /// <summary>
    /// A plan received from another LA when the child moved (s.47; reg 15): a new case in this LA
    /// with the plan in force and its whole history, the transfer's clocks running from
    /// <paramref name="transferredOn"/>, and the audit record, in one transaction.
    /// </summary>
    public async Task<SubmittedRequest> ReceiveTransferredPlanAsync(RequestContext context, PlanTransferDocument transfer, DateOnly transferredOn, CancellationToken cancellationToken = default)
    {
        var laCode = context.LaCode ?? throw new CaseAccessDeniedException();
        var now = time.GetUtcNow();
        var la = await db.LocalAuthorities.SingleAsync(l => l.Code == laCode, cancellationToken);
        var from = await db.LocalAuthorities.AsNoTracking().SingleOrDefaultAsync(l => l.Code == transfer.FromLaCode, cancellationToken)
            ?? throw new StepRefusedException("transfer-unknown-la", $"The plan says it comes from council '{transfer.FromLaCode}', which is not an English local authority code.");
        var child = new Child(transfer.Child.GivenName.Trim(), transfer.Child.FamilyName.Trim(), transfer.Child.DateOfBirth);
        var already = await db.Assessments.AsNoTracking()
            .Where(a => a.LaCode == laCode && a.TransferredFromLaCode == from.Code && a.Child.DateOfBirth == child.DateOfBirth
                && a.Child.GivenName == child.GivenName && a.Child.FamilyName == child.FamilyName)
            .Select(a => a.Reference).FirstOrDefaultAsync(cancellationToken);
        if (already is not null)
        {
            throw new StepRefusedException("transfer-already-received", $"This plan has already been received from {from.Name}: it is case {already}.");
        }

        var rules = la.RuleSetForClockStart(transferredOn);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var reference = await NextReferenceAsync(la.Code, transferredOn.Year, cancellationToken);
        var contact = new Requester(RequesterKind.Parent, Text.NullIfBlank(transfer.ContactName) ?? "Not given by the previous council", transfer.ContactEmail?.Trim() ?? string.Empty, null, null);
        var assessment = EhcCase.ReceiveTransferredPlan(RecordId.New(), la.Code, reference, child, contact, from.Code, from.Name,
            transferredOn, transfer.MadeOn!.Value, transfer.LastReviewedOn, rules, HashTrackingToken(NewTrackingToken()), context.Actor, now);
        db.Assessments.Add(assessment);
        db.Plans.Add(EhcPlan.Transferred(assessment.Id, la.Code, from.Name, transfer.Versions, now));
        // Reg 15(5): the new LA's review, by the later of its two dates.
        await reviews.ScheduleNextAsync(assessment, null, now, cancellationToken);
        db.AuditRecords.Add(AuditRecord.For(context, la.Code, assessment.Id, AuditActions.PlanTransferredIn, now,
            $"From {from.Name} ({transfer.CaseReference}), {transfer.Versions.Count} versions, transferred on {UkCalendar.InWords(transferredOn)}."));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new SubmittedRequest(assessment.Id, la.Code, reference, string.Empty, transferredOn, rules.Id);
    }

    public Task RecordTransferNoticeAsync(RequestContext context, Guid id, DateOnly givenOn, bool proposesAssessment, DateOnly reviewProposedOn, CancellationToken cancellationToken = default) =>
        RecordAsync(context, id, PathwayAction.RecordTransferNotice, (a, now) => { a.RecordTransferNotice(givenOn, proposesAssessment, reviewProposedOn, context.Actor, now); return true; }, cancellationToken);

    public Task<PanelRecommendation> RecordPanelRecommendationAsync(RequestContext context, Guid id, PanelQuestion question, PanelRecommendationOutcome outcome, DateOnly meetingOn, string notes, CancellationToken cancellationToken = default) =>
        RecordAsync(context, id, PathwayAction.RecordPanelRecommendation, (a, now) => a.RecordPanelRecommendation(question, outcome, meetingOn, notes, context.Actor, now), cancellationToken);

    public Task DecideToAssessAsync(RequestContext context, Guid id, DateOnly decidedOn, string reasons, CancellationToken cancellationToken = default) =>
        RecordAsync(context, id, PathwayAction.DecideToAssess, (a, now) => { a.DecideToAssess(decidedOn, reasons, context.Actor, now); return true; }, cancellationToken);

    public Task<AppealRights> DecideNotToAssessAsync(RequestContext context, Guid id, DateOnly decidedOn, string reasons, CancellationToken cancellationToken = default) =>
        RecordAsync(context, id, PathwayAction.DecideNotToAssess, (a, now) => a.DecideNotToAssess(decidedOn, reasons, context.Actor, now), cancellationToken);

    public async Task<AdviceRequest> RequestAdviceAsync(RequestContext context, Guid id, AdviserKind kind, string adviserName, DateOnly requestedOn, Guid? adviserOrganisationId = null, CancellationToken cancellationToken = default)
    {
        if (adviserOrganisationId is { } organisationId && !await db.Organisations.AnyAsync(o => o.Id == organisationId, cancellationToken))
        {
            throw new StepRefusedException("unknown-organisation", "Select an organisation that uses OpenSEND, or leave it blank.");
        }

        return await RecordAsync(context, id, PathwayAction.RequestAdvice, (a, now) => a.RequestAdvice(kind, adviserName, requestedOn, context.Actor, now, adviserOrganisationId), cancellationToken);
    }

    public Task RecordAdviceReceivedAsync(RequestContext context, Guid id, Guid adviceRequestId, DateOnly receivedOn, CancellationToken cancellationToken = default) =>
        RecordAsync(context, id, PathwayAction.RecordAdviceReceived, (a, now) => { a.RecordAdviceReceived(adviceRequestId, receivedOn, context.Actor, now); return true; }, cancellationToken);

    public Task DecideToIssueAsync(RequestContext context, Guid id, DateOnly decidedOn, string reasons, CancellationToken cancellationToken = default) =>
        RecordAsync(context, id, PathwayAction.DecideToIssue, (a, now) => { a.DecideToIssue(decidedOn, reasons, context.Actor, now); return true; }, cancellationToken);

    public Task<AppealRights> DecideNotToIssueAsync(RequestContext context, Guid id, DateOnly decidedOn, string reasons, CancellationToken cancellationToken = default) =>
        RecordAsync(context, id, PathwayAction.DecideNotToIssue, (a, now) => a.DecideNotToIssue(decidedOn, reasons, context.Actor, now), cancellationToken);

    public Task ServeDraftPlanAsync(RequestContext context, Guid id, DateOnly servedOn, CancellationToken cancellationToken = default) =>
        RecordAsync(context, id, PathwayAction.ServeDraftPlan, (a, now) => { a.ServeDraftPlan(servedOn, context.Actor, now); return true; }, cancellationToken);

    public Task RecordRepresentationsAsync(RequestContext context, Guid id, DateOnly receivedOn, string comments, string? requestedSetting, bool meetingRequested, bool noFurtherComments, CancellationToken cancellationToken = default) =>
        RecordAsync(context, id, PathwayAction.RecordRepresentations,
            (a, now) => { a.RecordRepresentations(receivedOn, comments, requestedSetting, meetingRequested, noFurtherComments, context.Actor, now); return true; }, cancellationToken);

    /// <summary>
    /// Records a final plan made outside OpenSEND's plan editor. Where the case's placement is in
    /// OpenSEND, the setting recorded must be the one decided there (s.39), and is by default.
    /// </summary>
    public async Task<AppealRights> IssueFinalPlanAsync(RequestContext context, Guid id, DateOnly issuedOn, string? namedSetting, CancellationToken cancellationToken = default)
    {
        var placement = context.Viewer.IsLaStaff
            ? await db.WholePlacements.AsNoTracking().SingleOrDefaultAsync(p => p.LaCode == context.Viewer.LaCode && p.AssessmentId == id, cancellationToken)
            : null;
        var named = Text.NullIfBlank(namedSetting) ?? (placement is { IsDecided: true } ? placement.NamedName : null);
        return await RecordAsync(context, id, PathwayAction.IssueFinalPlan, (a, now) =>
        {
            SectionINaming.RequireLawful(new SectionIFacts(named is null ? null : new NamedSetting(named, null, null, null), null, placement, null, null));
            return a.IssueFinalPlan(issuedOn, named, context.Actor, now);
        }, cancellationToken);
    }

    public Task<PathwayException> RecordExceptionAsync(RequestContext context, Guid id, ExceptionReason reason, IReadOnlyCollection<StatutoryStep> steps, Guid? adviceRequestId, DateOnly from, DateOnly to, string explanation, CancellationToken cancellationToken = default) =>
        RecordAsync(context, id, PathwayAction.RecordException, (a, now) => a.RecordException(reason, steps, adviceRequestId, from, to, explanation, context.Actor, now), cancellationToken);

    public Task WithdrawAsync(RequestContext context, Guid id, DateOnly withdrawnOn, string reason, CancellationToken cancellationToken = default) =>
        RecordAsync(context, id, PathwayAction.Withdraw, (a, now) => { a.Withdraw(withdrawnOn, reason, context.Actor, now); return true; }, cancellationToken);

    public async Task TransferOutAsync(RequestContext context, Guid id, DateOnly transferredOn, string receivingLaCode, CancellationToken cancellationToken = default)
    {
        var receiving = await db.LocalAuthorities.AsNoTracking().SingleOrDefaultAsync(l => l.Code == receivingLaCode, cancellationToken)
            ?? throw new StepRefusedException("unknown-la", "Select the council the child has moved to.");
        await RecordAsync(context, id, PathwayAction.TransferOut,
            (a, now) => { a.TransferOut(transferredOn, receiving.Code, receiving.Name, context.Actor, now); return true; }, cancellationToken);
    }

    /// <summary>
    /// The child's sex, ethnicity, postcode and UPN or ULN for the SEN2 return: the LA's staff only,
    /// audited (never the values themselves). The form saves every detail at once, so with
    /// <paramref name="expectedVersion"/> (the case's version the form was filled from) a change
    /// someone else made meanwhile is not overwritten.
    /// </summary>
    public Task RecordChildDetailsAsync(RequestContext context, Guid id, OpenSend.Domain.Returns.ChildDetails details, int? expectedVersion = null, CancellationToken cancellationToken = default) =>
        RecordOutsideThePathwayAsync(context, id, expectedVersion, AuditActions.ChildDetails,
            (a, now) => { a.RecordChildDetails(details, now); return "Details for the SEN2 return recorded."; }, cancellationToken);

    /// <summary>
    /// Names the case's caseworker, the family's one point of contact: a caseworker or SEND manager of
    /// the council's own, with <paramref name="note"/> saying why when it changes hands (kept in the
    /// audit record). The council's staff only.
    /// </summary>
    public async Task AssignCaseworkerAsync(RequestContext context, Guid id, Guid personId, string? note, CancellationToken cancellationToken = default)
    {
        var organisationId = context.Viewer.IsLaStaff ? context.Viewer.OrganisationId : null;
        var caseworker = await db.CaseworkersOf(organisationId, personId).FirstOrDefaultAsync(cancellationToken);
        if (organisationId is not null && caseworker is null)
        {
            throw new StepRefusedException("caseworker-not-staff", "Choose a caseworker or SEND manager of the council's own.");
        }

        await RecordOutsideThePathwayAsync(context, id, null, AuditActions.CaseworkerAssigned, (a, now) =>
        {
            var changing = a.CaseworkerName is { } before ? $"{before} handed over to {caseworker!.Name}" : $"{caseworker!.Name} named";
            if (a.CaseworkerName is not null && Text.NullIfBlank(note) is null)
            {
                throw new StepRefusedException("caseworker-note", $"Say why the case is moving from {a.CaseworkerName}; the note stays in the case's record.");
            }

            a.AssignCaseworker(personId, caseworker.Name, caseworker.Email, now);
            return Text.NullIfBlank(note) is { } why ? $"{changing}: {why.Trim()}" : $"{changing}.";
        }, cancellationToken);
    }

    /// <summary>
    /// The council, or the family for themselves, records how the family wants to hear from the
    /// council beside email: letters by post, a language and interpreter, a format. Nobody else may.
    /// </summary>
    public async Task RecordContactPreferencesAsync(RequestContext context, Guid id, ContactPreferences preferences, CancellationToken cancellationToken = default)
    {
        var writing = await steps.BeginAsync(context, id, StepBy.AnyoneWhoSeesTheCase, cancellationToken);
        if (!context.Viewer.IsLaStaff && !context.Viewer.IsFamily)
        {
            throw new CaseAccessDeniedException();
        }

        writing.Case.RecordContactPreferences(preferences, writing.Now);
        await writing.CommitAsync(AuditActions.ContactPreferencesRecorded, writing.Case.Contact?.Summary() ?? "Email only.", "case", cancellationToken);
    }

    /// <summary>The council records that the young person lacks capacity to make the decisions, and who acts for them (s.80; Mental Capacity Act 2005).</summary>
    public Task RecordLacksCapacityAsync(RequestContext context, Guid id, string? actingForThem, string? reasons, DateOnly assessedOn, CancellationToken cancellationToken = default) =>
        RecordOutsideThePathwayAsync(context, id, null, AuditActions.CapacityRecorded, (a, now) =>
        {
            a.RecordLacksCapacity(actingForThem, reasons, assessedOn, context.Actor.DisplayName, now);
            return $"{a.LacksCapacity!.ActingForThem} acts for the young person; assessed {UkCalendar.InWords(assessedOn)}.";
        }, cancellationToken);

    /// <summary>The young person can make the decisions after all: the record of their lacking capacity is withdrawn.</summary>
    public Task WithdrawLacksCapacityAsync(RequestContext context, Guid id, CancellationToken cancellationToken = default) =>
        RecordOutsideThePathwayAsync(context, id, null, AuditActions.CapacityWithdrawn, (a, now) =>
        {
            a.WithdrawLacksCapacity(now);
            return "The decisions are the young person's.";
        }, cancellationToken);

    /// <summary>The reasons for a request, or the requester's agreement to share it, arriving after the request (s.36(1): the clock did not wait for them).</summary>
    public Task CompleteRequestAsync(RequestContext context, Guid id, string? reason, bool consentToShare, CancellationToken cancellationToken = default) =>
        RecordOutsideThePathwayAsync(context, id, null, AuditActions.RequestCompleted, (a, now) =>
        {
            a.CompleteRequest(reason, consentToShare, now);
            return string.Join("; ", new[] { Text.NullIfBlank(reason) is null ? null : "reasons recorded", consentToShare ? "agreement to share recorded" : null }.OfType<string>());
        }, cancellationToken);

    /// <summary>The meeting the family required about the draft plan was held (reg 13(1)(a)(ii)).</summary>
    public Task RecordRequestedMeetingHeldAsync(RequestContext context, Guid id, DateOnly heldOn, CancellationToken cancellationToken = default) =>
        RecordOutsideThePathwayAsync(context, id, null, AuditActions.DraftMeetingHeld,
            (a, now) => { a.RecordRequestedMeetingHeld(heldOn, now); return $"Meeting about the draft plan held on {UkCalendar.InWords(heldOn)}."; }, cancellationToken);

    /// <summary>
    /// A change to the case that is not a step on the pathway (no timeline entry, no notification):
    /// the LA's staff only, over the version the form was read from when given, audited with the
    /// detail <paramref name="change"/> returns, saved once.
    /// </summary>
    private async Task RecordOutsideThePathwayAsync(RequestContext context, Guid id, int? expectedVersion, AuditAction action, Func<EhcCase, DateTimeOffset, string> change, CancellationToken cancellationToken)
    {
        var writing = await steps.BeginAsync(context, id, StepBy.Council, cancellationToken);
        if (expectedVersion is { } expected && writing.Case.Version != expected)
        {
            throw CaseChangedMeanwhile();
        }

        await writing.CommitAsync(action, change(writing.Case, writing.Now), "case", cancellationToken);
    }

    private static StepRefusedException CaseChangedMeanwhile() => StepRefusedException.ChangedBySomeoneElse("case");

    /// <summary>The token is shown to the family once; only its hash is stored.</summary>
    public static string HashTrackingToken(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    internal static string NewTrackingToken() => Base64Url(RandomNumberGenerator.GetBytes(24));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>
    /// A request made by a signed-in parent or young person is linked to their account; one made by
    /// a setting's staff links the setting (its SENCO can then follow it).
    /// </summary>
    private void LinkRequester(RequestContext context, EhcCase assessment, DateTimeOffset now)
    {
        var viewer = context.Viewer;
        if (viewer.IsFamily)
        {
            var relationship = assessment.Requester.Kind == RequesterKind.YoungPerson ? Role.YoungPerson : Role.Parent;
            db.FamilyLinks.Add(new FamilyLink(RecordId.New(), assessment.LaCode, assessment.Id, viewer.PersonId!.Value, relationship, FamilyLinkSource.MadeTheRequest, now));
        }
        else if (viewer is { IsStaff: true, OrganisationKind: OrganisationKind.Setting, OrganisationId: { } settingId })
        {
            db.SettingLinks.Add(new SettingLink(RecordId.New(), assessment.LaCode, assessment.Id, settingId, SettingRelationship.RequestingSetting, now, context.Actor.DisplayName));
        }
    }

    /// <summary>
    /// The plan ceases after a review decided to cease it (s.45): once the family's time to appeal has
    /// passed (extended by a mediation certificate), or at once when the tribunal dismissed their
    /// appeal (reg 44(2)(a)). The family is told. The council's staff only.
    /// </summary>
    public async Task CeasePlanAsync(RequestContext context, Guid id, DateOnly ceasedOn, DateOnly? mediationCertificateOn, DateOnly? appealDismissedOn, CancellationToken cancellationToken = default)
    {
        // What redress has recorded counts too: the appeal against ceasing still with the tribunal, and
        // a mediation certificate about the decision (s.55; HESC r.20).
        var laCode = context.Viewer.LaCode;
        var appealPending = await db.TribunalAppeals.AnyAsync(t => t.LaCode == laCode && t.AssessmentId == id && t.Decision == AppealableDecision.ToCease
            && (t.Stage == AppealStage.Registered || t.Stage == AppealStage.Opposed), cancellationToken);
        var certified = await db.Mediations.Where(m => m.LaCode == laCode && m.AssessmentId == id && m.Decision == AppealableDecision.ToCease && m.CertificateOn != null)
            .MaxAsync(m => m.CertificateOn, cancellationToken);
        var certificate = new[] { mediationCertificateOn, certified }.Max();
        await CeasePlanAsync(context, id, ceasedOn, certificate, appealDismissedOn, appealPending, cancellationToken);
    }

    /// <summary>The plan ceases (see the overload), with what redress says already read.</summary>
    internal Task CeasePlanAsync(RequestContext context, Guid id, DateOnly ceasedOn, DateOnly? mediationCertificateOn, DateOnly? appealDismissedOn, bool appealPending,
        CancellationToken cancellationToken) =>
        RecordAsync(context, id, PathwayAction.CeasePlan, (a, now) => { a.CeasePlan(ceasedOn, mediationCertificateOn, appealDismissedOn, context.Actor, now, appealPending); return true; }, cancellationToken,
            async (a, now) =>
            {
                // A review is scheduled only on a plan in force and the next only after one that keeps it, so
                // none should be open now; any that is ends with the plan, in the same save, so no clock of a
                // plan not in force keeps running (the deadline sweep relies on it).
                foreach (var open in await db.AnnualReviews.Where(r => r.LaCode == a.LaCode && r.AssessmentId == a.Id).Where(AnnualReview.Open).ToListAsync(cancellationToken))
                {
                    open.EndWithPlan(ceasedOn, now);
                }
            });

    /// <summary>
    /// s.45, regs 29–31: the council decides at any time, not only after a review, to cease the plan,
    /// having informed and consulted the family and the setting; the family gets appeal rights and the
    /// plan stays in force until they have passed or an appeal is decided. The council's staff only.
    /// </summary>
    public Task<AppealRights> DecideToCeaseAsync(RequestContext context, Guid id, DateOnly decidedOn, CeaseReason reason, DateOnly familyConsultedOn, DateOnly settingConsultedOn,
        string reasons, CancellationToken cancellationToken = default) =>
        RecordAsync(context, id, PathwayAction.DecideToCease, (a, now) => a.DecideToCease(decidedOn, reason, familyConsultedOn, settingConsultedOn, reasons, context.Actor, now), cancellationToken);

    /// <summary>Reg 24(1): a request for re-assessment received (or the council's own view that one is needed), and who asked. The council's staff only.</summary>
    public Task RequestReassessmentAsync(RequestContext context, Guid id, DateOnly receivedOn, string requestedBy, CancellationToken cancellationToken = default) =>
        RecordAsync(context, id, PathwayAction.RequestReassessment, (a, now) => { a.RequestReassessment(receivedOn, requestedBy, context.Actor, now); return true; }, cancellationToken);

    /// <summary>Regs 24–25: the decision whether to re-assess, within 15 days; a refusal carries appeal rights (s.51(2)(d)).</summary>
    public Task<AppealRights?> DecideReassessmentAsync(RequestContext context, Guid id, bool reassess, DateOnly decidedOn, string reasons, CancellationToken cancellationToken = default) =>
        reassess
            ? RecordAsync(context, id, PathwayAction.DecideToReassess, (a, now) => { a.DecideToReassess(decidedOn, reasons, context.Actor, now); return (AppealRights?)null; }, cancellationToken)
            : RecordAsync(context, id, PathwayAction.DecideNotToReassess, (a, now) => (AppealRights?)a.DecideNotToReassess(decidedOn, reasons, context.Actor, now), cancellationToken);

    /// <summary>Reg 27: after the re-assessment the plan will not change, with reasons and appeal rights (s.51(2)(e)).</summary>
    public Task<AppealRights> NotifyNoChangeAfterReassessmentAsync(RequestContext context, Guid id, DateOnly decidedOn, string reasons, CancellationToken cancellationToken = default) =>
        RecordAsync(context, id, PathwayAction.NotifyNoChangeAfterReassessment, (a, now) => a.NotifyNoChangeAfterReassessment(decidedOn, reasons, context.Actor, now), cancellationToken);

    /// <summary>
    /// The decision to cease is withdrawn, or the tribunal ordered the plan to continue (reg 44(2)):
    /// the plan stays in force and its next review is scheduled from the last review meeting.
    /// </summary>
    public Task KeepPlanAsync(RequestContext context, Guid id, DateOnly decidedOn, string reasons, CancellationToken cancellationToken = default) =>
        RecordAsync(context, id, PathwayAction.KeepPlan, (a, now) => { a.KeepPlan(decidedOn, reasons, context.Actor, now); return true; }, cancellationToken,
            async (a, now) =>
            {
                var last = await db.AnnualReviews.AsNoTracking().Where(r => r.LaCode == a.LaCode && r.AssessmentId == a.Id && r.MeetingHeldOn != null)
                    .MaxAsync(r => r.MeetingHeldOn, cancellationToken);
                await reviews.ScheduleNextAsync(a, last, now, cancellationToken);
            });

    /// <summary>
    /// Applies one named step through the case-write pipeline (<see cref="CaseSteps"/>), then
    /// <paramref name="after"/> (the step's effects on other records), audited with the step's action.
    /// </summary>
    private async Task<T> RecordAsync<T>(RequestContext context, Guid id, PathwayAction action, Func<EhcCase, DateTimeOffset, T> step, CancellationToken cancellationToken,
        Func<EhcCase, DateTimeOffset, Task>? after = null)
    {
        var writing = await steps.BeginAsync(context, id, StepBy.Council, cancellationToken);
        var result = step(writing.Case, writing.Now);
        if (after is not null)
        {
            await after(writing.Case, writing.Now);
        }

        await writing.CommitAsync(AuditActions.ForStep(action), writing.Case.Timeline[^1].Summary, "case", cancellationToken);
        return result;
    }

    private async Task<string> NextReferenceAsync(string laCode, int year, CancellationToken cancellationToken)
    {
        // One atomic statement in both SQLite (3.35+) and PostgreSQL: concurrent requests never share a number.
        var next = await db.Database.SqlQuery<int>($"""
            INSERT INTO reference_counters (la_code, year, last_value) VALUES ({laCode}, {year}, 1)
            ON CONFLICT (la_code, year) DO UPDATE SET last_value = reference_counters.last_value + 1
            RETURNING last_value AS "Value"
            """).ToListAsync(cancellationToken);
        return $"{laCode}-{year}-{next.Single():D5}";
    }

}
