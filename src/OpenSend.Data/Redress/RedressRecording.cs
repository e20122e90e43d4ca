using Microsoft.EntityFrameworkCore;
using OpenSend.Data.Access;
using OpenSend.Data.Assessments;
using OpenSend.Data.Audit;
using OpenSend.Data.Database;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Common;
using OpenSend.Domain.Identity;
using OpenSend.Domain.Redress;
using OpenSend.Domain.Timescales;

namespace OpenSend.Data.Redress;

/// <summary>What the tribunal decided: orders (none: dismissed), a note, and health and social care recommendations.</summary>
public sealed record TribunalDecision(DateOnly DecidedOn, IReadOnlyCollection<TribunalOrderKind> Orders, string? Detail, IReadOnlyList<(string Commissioner, string Recommendation)> Recommendations);

/// <summary>
/// Mediation and appeals on a child's case, and what the tribunal's decision does to it (decision
/// 0020). Every step is written through <see cref="CaseSteps"/>, so an order that reopens the case is
/// saved with the appeal's outcome and its audit record in one transaction. The family, the council and
/// (for the mediation they were asked to hold) the mediation service record what is theirs.
/// </summary>
public sealed class RedressRecording(OpenSendDbContext db, CaseSteps steps, TimeProvider time)
{
    /// <summary>The council's own time limits for answering complaints, in working days.</summary>
    public async Task<(int StageOne, int StageTwo)> ComplaintWorkingDaysAsync(RequestContext context, CancellationToken cancellationToken = default)
    {
        var laCode = context.LaCode ?? throw new CaseAccessDeniedException();
        var days = await db.LocalAuthorities.Where(l => l.Code == laCode)
            .Select(l => new { l.ComplaintStageOneWorkingDays, l.ComplaintStageTwoWorkingDays }).SingleAsync(cancellationToken);
        return (days.ComplaintStageOneWorkingDays, days.ComplaintStageTwoWorkingDays);
    }

    /// <summary>A SEND manager states the council's time limits for each stage of a complaint; complaints made or escalated from now on use them. Audited.</summary>
    public async Task SetComplaintWorkingDaysAsync(RequestContext context, int stageOne, int stageTwo, CancellationToken cancellationToken = default)
    {
        if (context.Viewer is not { IsLaStaff: true, Role: Role.LaSendManager, LaCode: { } laCode })
        {
            throw new CaseAccessDeniedException();
        }

        var la = await db.LocalAuthorities.SingleAsync(l => l.Code == laCode, cancellationToken);
        la.SetComplaintWorkingDays(stageOne, stageTwo);
        db.AuditRecords.Add(AuditRecord.For(context, laCode, null, AuditActions.ComplaintTimesSet, time.GetUtcNow(), $"Stage 1: {stageOne} working days; stage 2: {stageTwo}."));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The family has spoken to the mediation adviser about a decision they may appeal (s.55(2); reg 33). The family or the council.</summary>
    public async Task<Mediation> BeginMediationAsync(RequestContext context, Guid assessmentId, AppealableDecision decision, DateOnly decidedOn, DateOnly informationGivenOn,
        CancellationToken cancellationToken = default)
    {
        var writing = await BeginAsFamilyOrCouncilAsync(context, assessmentId, cancellationToken);
        var found = writing.Case;
        var open = await db.Mediations.AnyAsync(m => m.LaCode == found.LaCode && m.AssessmentId == assessmentId && m.Decision == decision && m.DecidedOn == decidedOn
            && m.Stage != MediationStage.Certified, cancellationToken);
        if (open)
        {
            throw new StepRefusedException("mediation-already-open", "Mediation about this decision is already recorded. Carry on with it below.");
        }

        var mediation = Mediation.Begin(assessmentId, found.LaCode, found.RuleSet, decision, decidedOn, informationGivenOn, writing.Now);
        db.Mediations.Add(mediation);
        await writing.CommitAsync(AuditActions.MediationStarted, $"{decision.Title()} of {UkCalendar.InWords(decidedOn)}.", "mediation", cancellationToken);
        return mediation;
    }

    /// <summary>The family does not want mediation (reg 34). The family or the council.</summary>
    public async Task DeclineMediationAsync(RequestContext context, Guid assessmentId, Guid mediationId, DateOnly on, CancellationToken cancellationToken = default)
    {
        var (writing, mediation) = await MediationAsync(context, assessmentId, mediationId, familyOrCouncil: true, cancellationToken);
        mediation.Decline(on, writing.Now);
        await writing.CommitAsync(AuditActions.MediationDeclined, null, "mediation", cancellationToken);
    }

    /// <summary>
    /// The family wants mediation (reg 36). When the family says so here the council is told that day;
    /// the council records the day it was told and the mediation service it arranged (reg 37).
    /// </summary>
    public async Task ArrangeMediationAsync(RequestContext context, Guid assessmentId, Guid mediationId, DateOnly? councilToldOn, string? issues, Guid? mediationServiceId,
        bool includesHealth, bool includesSocialCare, CancellationToken cancellationToken = default)
    {
        var (writing, mediation) = await MediationAsync(context, assessmentId, mediationId, familyOrCouncil: true, cancellationToken);
        var told = context.Viewer.IsLaStaff ? councilToldOn ?? throw new StepRefusedException("date-missing", "Enter the date the council was told the family wants mediation") : writing.Today;
        string? serviceName = null;
        if (mediationServiceId is { } serviceId)
        {
            serviceName = await db.Organisations.Where(o => o.Id == serviceId && o.Kind == OrganisationKind.MediationService).Select(o => o.Name).SingleOrDefaultAsync(cancellationToken)
                ?? throw new StepRefusedException("mediation-service-not-found", "Select a mediation service from the list");
        }

        mediation.Arrange(told, issues, context.Viewer.IsLaStaff ? mediationServiceId : null, serviceName, includesHealth, includesSocialCare, writing.Now);
        await writing.CommitAsync(AuditActions.MediationArranged, serviceName is null ? null : $"Mediation service: {serviceName}.", "mediation", cancellationToken);
    }

    /// <summary>The mediation was held, with its outcome (reg 38). The council, or a mediator of the service arranged.</summary>
    public async Task RecordMediationMeetingAsync(RequestContext context, Guid assessmentId, Guid mediationId, DateOnly heldOn, MediationOutcome outcome, string? agreement,
        bool agreementTribunalCouldNotOrder, bool? decisionMakerAttended, CancellationToken cancellationToken = default)
    {
        var (writing, mediation) = await MediationAsync(context, assessmentId, mediationId, familyOrCouncil: false, cancellationToken);
        mediation.RecordMeeting(heldOn, outcome, agreement, agreementTribunalCouldNotOrder, decisionMakerAttended, writing.Now);
        await writing.CommitAsync(AuditActions.MediationHeld, outcome.Title() + ".", "mediation", cancellationToken);
    }

    /// <summary>
    /// The certificate issued (regs 34, 39). A mediator of the service arranged or the council records it;
    /// the family records the adviser's certificate they were given (they appeal with it).
    /// </summary>
    public async Task RecordMediationCertificateAsync(RequestContext context, Guid assessmentId, Guid mediationId, DateOnly on, CancellationToken cancellationToken = default)
    {
        var (writing, mediation) = await MediationAsync(context, assessmentId, mediationId, familyOrCouncil: true, cancellationToken, mediatorToo: true);
        mediation.IssueCertificate(on, writing.Now);
        await writing.CommitAsync(AuditActions.MediationCertified, $"Appeal by {UkCalendar.InWords(mediation.AppealBy)}.", "mediation", cancellationToken);
    }

    /// <summary>What was agreed that the tribunal could not order is done (reg 42). The council only.</summary>
    public async Task RecordAgreementCarriedOutAsync(RequestContext context, Guid assessmentId, Guid mediationId, DateOnly on, CancellationToken cancellationToken = default)
    {
        var writing = await steps.BeginAsync(context, assessmentId, StepBy.Council, cancellationToken);
        var mediation = await FindMediationAsync(writing, mediationId, cancellationToken);
        mediation.RecordAgreementCarriedOut(on, writing.Now);
        await writing.CommitAsync(AuditActions.MediationAgreementCarriedOut, null, "mediation", cancellationToken);
    }

    /// <summary>
    /// The tribunal registered the family's appeal (s.51). The certificate comes from the mediation
    /// recorded about the decision unless one is given; under the green paper's rules, so does the
    /// mediation having been held. The family or the council.
    /// </summary>
    public async Task<TribunalAppeal> RegisterAppealAsync(RequestContext context, Guid assessmentId, AppealableDecision decision, DateOnly decidedOn,
        IReadOnlyCollection<Domain.Plans.PlanSection> sections, DateOnly registeredOn, string? tribunalReference, DateOnly? certificateOn, CancellationToken cancellationToken = default)
    {
        var writing = await BeginAsFamilyOrCouncilAsync(context, assessmentId, cancellationToken);
        var found = writing.Case;
        var mediation = await db.Mediations.AsNoTracking()
            .Where(m => m.LaCode == found.LaCode && m.AssessmentId == assessmentId && m.Decision == decision && m.DecidedOn == decidedOn)
            .OrderByDescending(m => m.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        var pending = await db.TribunalAppeals.AnyAsync(a => a.LaCode == found.LaCode && a.AssessmentId == assessmentId && a.Decision == decision && a.DecidedOn == decidedOn
            && (a.Stage == AppealStage.Registered || a.Stage == AppealStage.Opposed), cancellationToken);
        if (pending)
        {
            throw new StepRefusedException("appeal-already-registered", "An appeal against this decision is already with the tribunal.");
        }

        var appeal = TribunalAppeal.Register(assessmentId, found.LaCode, found.RuleSet, decision, decidedOn, sections, registeredOn, tribunalReference,
            certificateOn ?? mediation?.CertificateOn, mediation?.HeldOn, writing.Now);
        db.TribunalAppeals.Add(appeal);
        await writing.CommitAsync(AuditActions.AppealRegistered,
            $"{decision.Title()} of {UkCalendar.InWords(decidedOn)}{(appeal.Sections.Count > 0 ? $", sections {string.Join(", ", appeal.Sections)}" : "")}{(appeal.IsLate ? "; registered after the time to appeal, with the tribunal's leave" : "")}.",
            "appeal", cancellationToken);
        return appeal;
    }

    public Task RecordAppealSentToCouncilAsync(RequestContext context, Guid assessmentId, Guid appealId, DateOnly on, CancellationToken cancellationToken = default) =>
        AppealStepAsync(context, assessmentId, appealId, familyToo: false, AuditActions.AppealSentToCouncil, (a, writing) => a.RecordSentToCouncil(on, writing.Now), cancellationToken);

    public Task RecordAppealResponseAsync(RequestContext context, Guid assessmentId, Guid appealId, DateOnly on, CancellationToken cancellationToken = default) =>
        AppealStepAsync(context, assessmentId, appealId, familyToo: false, AuditActions.AppealResponded, (a, writing) => a.RecordResponse(on, writing.Now), cancellationToken);

    public Task RecordAppealHearingAsync(RequestContext context, Guid assessmentId, Guid appealId, DateOnly on, CancellationToken cancellationToken = default) =>
        AppealStepAsync(context, assessmentId, appealId, familyToo: false, AuditActions.AppealHearing, (a, writing) => a.RecordHearing(on, writing.Now), cancellationToken);

    public Task WithdrawAppealAsync(RequestContext context, Guid assessmentId, Guid appealId, DateOnly on, CancellationToken cancellationToken = default) =>
        AppealStepAsync(context, assessmentId, appealId, familyToo: true, AuditActions.AppealWithdrawn, (a, writing) => a.Withdraw(on, writing.Now), cancellationToken);

    /// <summary>
    /// The council tells the tribunal it will not oppose (reg 45): the appeal ends in the family's favour
    /// and reg 45's clocks start on the case from this day, reopening it where the refusal closed it; an
    /// appeal against ceasing ends with the plan kept.
    /// </summary>
    public Task RecordNotOpposingAsync(RequestContext context, Guid assessmentId, Guid appealId, DateOnly on, CancellationToken cancellationToken = default) =>
        AppealStepAsync(context, assessmentId, appealId, familyToo: false, AuditActions.AppealNotOpposed, (appeal, writing) =>
        {
            var kind = appeal.RecordNotOpposing(on, writing.Now);
            var found = writing.Case;
            if (kind is { } unopposed)
            {
                found.RecordTribunalOrder(unopposed.Anchor(), on, $"The council told the tribunal it will not oppose the appeal against the {Text.InSentence(appeal.Decision.Title())}.", context.Actor, writing.Now);
            }
            else if (found.CeaseDecidedOn is not null)
            {
                found.KeepPlan(on, "The council told the tribunal it will not oppose the appeal against ceasing the plan.", context.Actor, writing.Now);
            }
        }, cancellationToken);

    /// <summary>
    /// The tribunal's decision (reg 44). Each order opens its clocks on the case in the same transaction,
    /// reopening a case closed by the decision appealed; an order to continue keeps the plan; dismissing an
    /// appeal against ceasing ends the plan at once (reg 44(2)(a)).
    /// </summary>
    public Task RecordTribunalDecisionAsync(RequestContext context, Guid assessmentId, Guid appealId, TribunalDecision decision, CancellationToken cancellationToken = default) =>
        AppealStepAsync(context, assessmentId, appealId, familyToo: false, AuditActions.AppealDecided, (appeal, writing) =>
        {
            appeal.RecordDecision(decision.DecidedOn, decision.Orders, decision.Detail, decision.Recommendations, writing.Now);
            var found = writing.Case;
            var on = decision.DecidedOn;
            foreach (var order in appeal.Orders)
            {
                if (order.Anchor() is { } anchor)
                {
                    found.RecordTribunalOrder(anchor, on, $"The tribunal ordered the council to {Text.InSentence(order.Title())}.", context.Actor, writing.Now);
                }
                else if (order == TribunalOrderKind.ContinueToMaintain && found.CeaseDecidedOn is not null)
                {
                    found.KeepPlan(on, "The tribunal ordered the council to continue to maintain the plan (reg 44(2)).", context.Actor, writing.Now);
                }
            }

            if (appeal.Dismissed && appeal.Decision == AppealableDecision.ToCease && found.CeaseDecidedOn is not null)
            {
                found.CeasePlan(on, null, on, context.Actor, writing.Now);
            }
        }, cancellationToken);

    /// <summary>The commissioner's response to a recommendation (SI 2017/1306). The council records it.</summary>
    public Task RecordRecommendationResponseAsync(RequestContext context, Guid assessmentId, Guid appealId, Guid recommendationId, DateOnly on, string? response,
        CancellationToken cancellationToken = default) =>
        AppealStepAsync(context, assessmentId, appealId, familyToo: false, AuditActions.RecommendationAnswered,
            (a, writing) => a.RecordRecommendationResponse(recommendationId, on, response, writing.Now), cancellationToken);

    /// <summary>Reg 44(2)(b), reg 45: the family told the ordered assessment will be made. The council only.</summary>
    public async Task NotifyAssessmentUnderOrderAsync(RequestContext context, Guid assessmentId, DateOnly on, CancellationToken cancellationToken = default)
    {
        var writing = await steps.BeginAsync(context, assessmentId, StepBy.Council, cancellationToken);
        writing.Case.NotifyAssessmentUnderOrder(on, context.Actor, writing.Now);
        await writing.CommitAsync(AuditActions.ForStep(PathwayAction.NotifyAssessmentUnderOrder), writing.Case.Timeline[^1].Summary, "case", cancellationToken);
    }

    /// <summary>
    /// The council records where the child is while mediation or an appeal is under way (a temporary
    /// placement, or out of education awaiting the outcome), or that this has ended (null).
    /// </summary>
    public async Task RecordDuringDisagreementAsync(RequestContext context, Guid assessmentId, DisagreementPlacement? placement, DateOnly? since, string? setting,
        CancellationToken cancellationToken = default)
    {
        var writing = await steps.BeginAsync(context, assessmentId, StepBy.Council, cancellationToken);
        var laCode = writing.Case.LaCode;
        var underWay = await db.Mediations.AnyAsync(m => m.LaCode == laCode && m.AssessmentId == assessmentId && m.Stage != MediationStage.Certified, cancellationToken)
            || await db.TribunalAppeals.AnyAsync(t => t.LaCode == laCode && t.AssessmentId == assessmentId && (t.Stage == AppealStage.Registered || t.Stage == AppealStage.Opposed), cancellationToken);
        if (placement is not null && !underWay)
        {
            throw new StepRefusedException("no-disagreement-under-way", "There is no mediation or appeal under way on this case.");
        }

        writing.Case.RecordDuringDisagreement(placement, since, setting, writing.Now);
        await writing.CommitAsync(AuditActions.DuringDisagreementRecorded, placement?.Title() ?? "Ended.", "case", cancellationToken);
    }

    /// <summary>The family makes a complaint; the council's stage 1 answer is due within its own working days.</summary>
    public async Task<Complaint> MakeComplaintAsync(RequestContext context, Guid assessmentId, string? summary, bool aboutHealth, bool wantsDisagreementResolution,
        CancellationToken cancellationToken = default)
    {
        var writing = await BeginAsFamilyOrCouncilAsync(context, assessmentId, cancellationToken);
        if (!context.Viewer.IsFamily)
        {
            throw new CaseAccessDeniedException();
        }

        var days = await db.LocalAuthorities.Where(l => l.Code == writing.Case.LaCode).Select(l => l.ComplaintStageOneWorkingDays).SingleAsync(cancellationToken);
        var madeBy = await db.FamilyMemberTitleAsync(context.Viewer, assessmentId, cancellationToken);
        var complaint = Complaint.Make(assessmentId, writing.Case.LaCode, madeBy, context.Viewer.PersonId, summary, aboutHealth, wantsDisagreementResolution, days, writing.Now);
        db.Complaints.Add(complaint);
        await writing.CommitAsync(AuditActions.ComplaintMade, $"Stage 1 answer due by {UkCalendar.InWords(complaint.AnswerDueBy!.Value)}.", "complaint", cancellationToken);
        return complaint;
    }

    /// <summary>The council answers the complaint at its current stage.</summary>
    public Task AnswerComplaintAsync(RequestContext context, Guid assessmentId, Guid complaintId, string? answer, CancellationToken cancellationToken = default) =>
        ComplaintStepAsync(context, assessmentId, complaintId, familyToo: false, AuditActions.ComplaintAnswered, (c, writing) => { c.Answer(answer, writing.Now); return Task.CompletedTask; }, cancellationToken);

    /// <summary>The family takes the complaint to stage 2.</summary>
    public Task EscalateComplaintAsync(RequestContext context, Guid assessmentId, Guid complaintId, CancellationToken cancellationToken = default) =>
        ComplaintStepAsync(context, assessmentId, complaintId, familyToo: true, AuditActions.ComplaintEscalated, async (c, writing) =>
        {
            var days = await db.LocalAuthorities.Where(l => l.Code == writing.Case.LaCode).Select(l => l.ComplaintStageTwoWorkingDays).SingleAsync(cancellationToken);
            c.Escalate(days, writing.Now);
        }, cancellationToken);

    /// <summary>The family (or the council, told of it) records the complaint taken to the Ombudsman.</summary>
    public Task ReferComplaintToOmbudsmanAsync(RequestContext context, Guid assessmentId, Guid complaintId, DateOnly on, CancellationToken cancellationToken = default) =>
        ComplaintStepAsync(context, assessmentId, complaintId, familyToo: true, AuditActions.ComplaintToOmbudsman, (c, writing) => { c.ReferToOmbudsman(on, writing.Now); return Task.CompletedTask; }, cancellationToken);

    /// <summary>The council records the Ombudsman's decision.</summary>
    public Task RecordOmbudsmanDecisionAsync(RequestContext context, Guid assessmentId, Guid complaintId, DateOnly on, string? decision, CancellationToken cancellationToken = default) =>
        ComplaintStepAsync(context, assessmentId, complaintId, familyToo: false, AuditActions.ComplaintOmbudsmanDecided, (c, writing) => { c.RecordOmbudsmanDecision(on, decision, writing.Now); return Task.CompletedTask; }, cancellationToken);

    /// <summary>The family withdraws the complaint or is content with an answer.</summary>
    public Task CloseComplaintAsync(RequestContext context, Guid assessmentId, Guid complaintId, CancellationToken cancellationToken = default) =>
        ComplaintStepAsync(context, assessmentId, complaintId, familyToo: true, AuditActions.ComplaintClosed, (c, writing) => { c.Close(writing.Now); return Task.CompletedTask; }, cancellationToken);

    /// <summary>One step on a complaint. The family's own steps are theirs or the council's; the council's (answers, the Ombudsman's decision) are its alone.</summary>
    private async Task ComplaintStepAsync(RequestContext context, Guid assessmentId, Guid complaintId, bool familyToo, AuditAction action, Func<Complaint, CaseStep, Task> step,
        CancellationToken cancellationToken)
    {
        var writing = await BeginAsync(context, assessmentId, familyToo, cancellationToken);
        var complaint = await db.Complaints.SingleOrDefaultAsync(c => c.LaCode == writing.Case.LaCode && c.AssessmentId == assessmentId && c.Id == complaintId, cancellationToken)
            ?? throw new StepRefusedException("complaint-not-found", "That complaint is not on this case.");
        await step(complaint, writing);
        await writing.CommitAsync(action, Text.InSentence(complaint.Stage.Title()) + ".", "complaint", cancellationToken);
    }

    /// <summary>Begins a step the council records, or (<paramref name="familyToo"/>) the family as well.</summary>
    private Task<CaseStep> BeginAsync(RequestContext context, Guid assessmentId, bool familyToo, CancellationToken cancellationToken) =>
        familyToo ? BeginAsFamilyOrCouncilAsync(context, assessmentId, cancellationToken) : steps.BeginAsync(context, assessmentId, StepBy.Council, cancellationToken);

    /// <summary>One step on an appeal and whatever it does to the case, in one transaction. The family may withdraw their own appeal; every other step is the council's.</summary>
    private async Task AppealStepAsync(RequestContext context, Guid assessmentId, Guid appealId, bool familyToo, AuditAction action, Action<TribunalAppeal, CaseStep> step,
        CancellationToken cancellationToken)
    {
        var writing = await BeginAsync(context, assessmentId, familyToo, cancellationToken);
        var appeal = await db.TribunalAppeals.SingleOrDefaultAsync(a => a.LaCode == writing.Case.LaCode && a.AssessmentId == assessmentId && a.Id == appealId, cancellationToken)
            ?? throw new StepRefusedException("appeal-not-found", "That appeal is not on this case.");
        step(appeal, writing);
        await writing.CommitAsync(action, $"{appeal.Decision.Title()}: {Text.InSentence(appeal.Stage.Title())}.", "appeal", cancellationToken);
    }

    private async Task<(CaseStep Writing, Mediation Mediation)> MediationAsync(RequestContext context, Guid assessmentId, Guid mediationId, bool familyOrCouncil,
        CancellationToken cancellationToken, bool mediatorToo = false)
    {
        var writing = await steps.BeginAsync(context, assessmentId, StepBy.AnyoneWhoSeesTheCase, cancellationToken);
        var mediation = await FindMediationAsync(writing, mediationId, cancellationToken);
        var viewer = context.Viewer;
        var mediator = viewer is { IsStaff: true, Role: Role.Mediator, OrganisationKind: OrganisationKind.MediationService } && mediation.MediationServiceId == viewer.OrganisationId;
        var family = familyOrCouncil && viewer.IsFamily && await db.SpeaksForChildAsync(viewer, assessmentId, cancellationToken) == FamilyOrSetting.Family;
        if (!(viewer.IsLaStaff || family || ((mediatorToo || !familyOrCouncil) && mediator)))
        {
            throw new CaseAccessDeniedException();
        }

        return (writing, mediation);
    }

    private async Task<Mediation> FindMediationAsync(CaseStep writing, Guid mediationId, CancellationToken cancellationToken) =>
        await db.Mediations.SingleOrDefaultAsync(m => m.LaCode == writing.Case.LaCode && m.AssessmentId == writing.Case.Id && m.Id == mediationId, cancellationToken)
        ?? throw new StepRefusedException("mediation-not-found", "That mediation is not on this case.");

    private async Task<CaseStep> BeginAsFamilyOrCouncilAsync(RequestContext context, Guid assessmentId, CancellationToken cancellationToken)
    {
        var writing = await steps.BeginAsync(context, assessmentId, StepBy.AnyoneWhoSeesTheCase, cancellationToken);
        if (!context.Viewer.IsLaStaff && await db.SpeaksForChildAsync(context.Viewer, assessmentId, cancellationToken) != FamilyOrSetting.Family)
        {
            throw new CaseAccessDeniedException();
        }

        return writing;
    }
}
