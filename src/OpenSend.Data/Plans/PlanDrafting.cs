using Microsoft.EntityFrameworkCore;
using OpenSend.Data.Access;
using OpenSend.Data.Assessments;
using OpenSend.Data.Audit;
using OpenSend.Data.Database;
using OpenSend.Domain.Advice;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Common;
using OpenSend.Domain.Identity;
using OpenSend.Domain.LocalAuthorities;
using OpenSend.Domain.Placements;
using OpenSend.Domain.Plans;

namespace OpenSend.Data.Plans;

/// <summary>A case's plan and what the viewer may do with it (null until the LA starts drafting).</summary>
public sealed record ViewedPlan(EhcCase Assessment, EhcPlan? Plan, CaseAccessLevel Access, LocalAuthority LocalAuthority, IReadOnlyList<PlanComment> Comments,
    PlanAmendment? AmendmentInHand = null)
{
    /// <summary>The draft the family may read and comment on: the latest version, when it is a draft. Never the working copy.</summary>
    public PlanVersion? DraftForFamily => Plan?.Latest is { Status: PlanStatus.Draft } draft ? draft : null;

    /// <summary>
    /// The version the family holds: the plan in force (the latest final or amended final), or, before
    /// there is one, the latest draft. Only issued versions: never the council's working copy.
    /// </summary>
    public PlanVersion? IssuedForFamily => Plan?.LatestFinal ?? Plan?.LatestDraft;

    /// <summary>The last day the family may comment on <see cref="DraftForFamily"/> (reg 13(1)(a): 15 days).</summary>
    public DateOnly? CommentsCloseOn => DraftForFamily is { } draft ? PlanComment.WindowClosesOn(draft, Assessment.RuleSet) : null;

    public bool CanManage => Access == CaseAccessLevel.Manage;
}

/// <summary>
/// Every write to a plan: drafting the working copy, issuing drafts and finals. Each goes through
/// <see cref="CaseSteps"/> (LA staff only: the plan is the LA's to make, s.37): one named domain step,
/// its audit record, saved once. Issuing the first draft and the first final also records those steps
/// on the 20-week pathway, in the same transaction.
/// </summary>
public sealed class PlanDrafting(OpenSendDbContext db, CaseSteps steps, OpenSend.Data.Reviews.ReviewScheduling reviews)
{
    public async Task<EhcPlan> StartAsync(RequestContext context, Guid assessmentId, CancellationToken cancellationToken = default)
    {
        var writing = await steps.BeginAsync(context, assessmentId, StepBy.Council, cancellationToken);
        var assessment = writing.Case;
        if (await db.Plans.SingleOrDefaultAsync(p => p.AssessmentId == assessmentId, cancellationToken) is { } existing)
        {
            return existing;
        }

        if (assessment.WillAssess != true || assessment.WillIssue == false || !assessment.IsOpen && assessment.Stage != AssessmentStage.PlanIssued)
        {
            throw new StepRefusedException("plan-not-possible", assessment.WillAssess != true
                ? "A plan is drafted once the council has decided to carry out an assessment (Children and Families Act 2014 s.36)."
                : assessment.WillIssue == false
                    ? "The council decided not to issue a plan for this child."
                    : "This case is closed, so no plan can be drafted on it.");
        }

        var plan = EhcPlan.Start(assessment.Id, assessment.LaCode, PlanContent.Empty.WithAdvice(AdviceList(assessment)), writing.Now);
        db.Plans.Add(plan);
        await writing.CommitAsync(AuditActions.PlanStarted, null, "plan", cancellationToken);
        return plan;
    }

    /// <summary>
    /// Changes the working copy. <paramref name="expectedVersion"/> is the plan's version the
    /// caseworker's page showed: if someone else has changed it since, nothing is saved.
    /// </summary>
    public async Task EditAsync(RequestContext context, Guid assessmentId, int expectedVersion, Func<PlanContent, PlanContent> change, AuditAction auditAction, string auditDetail, CancellationToken cancellationToken = default)
    {
        var (writing, plan) = await BeginAsync(context, assessmentId, expectedVersion, withVersions: false, cancellationToken);
        plan.Edit(change, writing.Now);
        await writing.CommitAsync(auditAction, auditDetail, "plan", cancellationToken);
    }

    /// <summary>
    /// Takes one item of an adviser's sent advice into the working copy, keeping its source (reg 11:
    /// the plan is drawn from the advice). Only advice sent to the viewer's own LA can be taken.
    /// </summary>
    public async Task AdoptAdviceAsync(RequestContext context, Guid assessmentId, int expectedVersion, Guid adviceRequestId, Guid itemId, CancellationToken cancellationToken = default)
    {
        var laCode = context.LaCode ?? throw new CaseAccessDeniedException();
        var contribution = await db.AdviceContributions.AsNoTracking()
            .SingleOrDefaultAsync(c => c.LaCode == laCode && c.AssessmentId == assessmentId && c.AdviceRequestId == adviceRequestId && c.SentAt != null, cancellationToken)
            ?? throw new StepRefusedException("advice-item-not-found", "That advice has not been sent to the council, so nothing can be taken from it.");
        var request = await db.AdviceRequests.AsNoTracking().SingleAsync(r => r.LaCode == laCode && r.Id == adviceRequestId, cancellationToken);
        var source = new AdviceSource(request.Id, request.AdviserName, request.Kind, request.ReceivedOn);
        await EditAsync(context, assessmentId, expectedVersion, c => c.AdoptFromAdvice(contribution.Content, itemId, source),
            AuditActions.PlanAdviceAdopted, $"Item taken from {PlanReading.SourceName(source)}.", cancellationToken);
    }

    /// <summary>Issues the working copy as a draft (or an amended draft, with its reason); the first draft is served on the pathway (reg 13(1)).</summary>
    /// <remarks>
    /// <paramref name="expectedVersion"/> is the working copy's version the caseworker checked: if it
    /// has changed since (another caseworker's edit), nothing is issued.
    /// </remarks>
    public async Task<PlanVersion> IssueDraftAsync(RequestContext context, Guid assessmentId, DateOnly issuedOn, string? reason, int? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        var (writing, plan) = await BeginAsync(context, assessmentId, expectedVersion, withVersions: true, cancellationToken);
        var (assessment, now) = (writing.Case, writing.Now);
        var firstPlan = !plan.IsInForce;
        plan.Edit(c => c.WithAdvice(AdviceList(assessment)), now);
        var version = plan.IssueDraft(issuedOn, reason, assessment.Child.DateOfBirth, context.Actor, now);
        if (firstPlan)
        {
            assessment.ServeDraftPlan(issuedOn, context.Actor, now);
        }
        else
        {
            // Reg 22(2): every amended draft is notice of proposed amendments, from a review (which it
            // carries forward) or not; a further draft while one is in hand revises it.
            var reviewId = await reviews.OnAmendedDraftAsync(assessment, issuedOn, now, cancellationToken);
            var open = await AmendmentInHandAsync(assessment, plan, cancellationToken);
            var amendment = open ?? PlanAmendment.Propose(assessment.Id, assessment.LaCode, assessment.RuleSet, reviewId, issuedOn, reason!, now);
            if (open is null)
            {
                db.PlanAmendments.Add(amendment);
            }
            else
            {
                open.Revise(issuedOn, now);
            }

            assessment.RecordAmendmentsProposed(issuedOn, amendment.CommentsCloseOn, reason!, revised: open is not null, context.Actor, now);
        }

        await writing.CommitAsync(AuditActions.PlanDraftIssued, $"{version.Label} issued on {UkCalendar.InWords(issuedOn)}.", "plan", cancellationToken);
        return version;
    }

    /// <summary>Issues the final plan (or amended final); the first final completes the pathway (reg 13(2)), which also checks the representation window.</summary>
    /// <remarks><paramref name="expectedVersion"/>: as for <see cref="IssueDraftAsync"/>.</remarks>
    /// <remarks>
    /// An amended final follows reg 22 whether or not a review asked for it: not inside the family's
    /// 15 days on the amended draft unless <paramref name="familyHasNoFurtherComments"/>, and it gives
    /// them appeal rights against sections B, F and I (s.51(2)(c)).
    /// </remarks>
    public async Task<PlanVersion> IssueFinalAsync(RequestContext context, Guid assessmentId, DateOnly issuedOn, int? expectedVersion = null, CancellationToken cancellationToken = default,
        bool familyHasNoFurtherComments = false)
    {
        var (writing, plan) = await BeginAsync(context, assessmentId, expectedVersion, withVersions: true, cancellationToken);
        var (assessment, now) = (writing.Case, writing.Now);
        var firstPlan = !plan.IsInForce;
        SectionINaming.RequireLawful(await SectionIFactsAsync(assessment, plan, cancellationToken));
        var amendment = firstPlan ? null : await AmendmentInHandAsync(assessment, plan, cancellationToken) ?? throw NoAmendmentInHand();
        var version = plan.IssueFinal(issuedOn, assessment.Child.DateOfBirth, context.Actor, now);
        if (firstPlan)
        {
            assessment.IssueFinalPlan(issuedOn, plan.Working.SectionI?.Name, context.Actor, now);
            // s.44(1): the first review falls due within 12 months of the plan being made.
            await reviews.ScheduleNextAsync(assessment, null, now, cancellationToken);
        }
        else
        {
            var rights = amendment!.IssueAmendedPlan(issuedOn, familyHasNoFurtherComments, now);
            // Reg 22(3): an amended final after a review's amendment notice completes that review.
            await reviews.OnAmendedFinalAsync(assessment, issuedOn, familyHasNoFurtherComments, now, cancellationToken);
            assessment.RecordAmendedPlanIssued(issuedOn, amendment.NoticeOn, amendment.DueBy, plan.Working.SectionI?.Name, rights, context.Actor, now);
        }

        await writing.CommitAsync(AuditActions.PlanFinalIssued, $"{version.Label} issued on {UkCalendar.InWords(issuedOn)}.", "plan", cancellationToken);
        return version;
    }

    /// <summary>
    /// Reg 22(4): having sent proposed amendments, the council decides not to amend. The family is told
    /// why, with their right to appeal (s.51(2)(e)); a review waiting on the amendment completes; the
    /// working copy goes back to the plan in force, so the proposal cannot later be issued unseen.
    /// </summary>
    public async Task<AppealRights> DecideNotToAmendAsync(RequestContext context, Guid assessmentId, DateOnly decidedOn, string reasons, CancellationToken cancellationToken = default)
    {
        var (writing, plan) = await BeginAsync(context, assessmentId, null, withVersions: true, cancellationToken);
        var (assessment, now) = (writing.Case, writing.Now);
        var amendment = await AmendmentInHandAsync(assessment, plan, cancellationToken)
            ?? throw new StepRefusedException("no-amendment-in-hand", "No amendments to this plan have been proposed, so there is nothing to decide against.");
        var rights = amendment.DecideNotToAmend(decidedOn, reasons, now);
        await reviews.OnNotAmendedAsync(assessment, decidedOn, now, cancellationToken);
        assessment.RecordDecisionNotToAmend(decidedOn, amendment.NoticeOn, amendment.DueBy, reasons, rights, context.Actor, now);
        var inForce = plan.LatestFinal!.Content;
        plan.Edit(_ => inForce, now);
        await writing.CommitAsync(AuditActions.PlanNotAmended,
            $"Decided on {UkCalendar.InWords(decidedOn)} not to make the amendments proposed on {UkCalendar.InWords(amendment.NoticeOn)}.", "plan", cancellationToken);
        return rights;
    }

    /// <summary>
    /// The amendment in hand. An amended draft issued before amendments were recorded (so the case has
    /// none) is taken as one, noticed on its first amended draft since the plan in force.
    /// </summary>
    private async Task<PlanAmendment?> AmendmentInHandAsync(EhcCase assessment, EhcPlan plan, CancellationToken cancellationToken)
    {
        var amendments = await db.PlanAmendments.Where(a => a.LaCode == assessment.LaCode && a.AssessmentId == assessment.Id).ToListAsync(cancellationToken);
        if (amendments.Count > 0 || plan.LatestFinal is not { } inForce)
        {
            return amendments.SingleOrDefault(a => a.IsOpen);
        }

        var drafts = plan.Versions.Where(v => v.Number > inForce.Number && v.Status == PlanStatus.Draft).ToList();
        if (drafts.Count == 0)
        {
            return null;
        }

        var earlier = PlanAmendment.Propose(assessment.Id, assessment.LaCode, assessment.RuleSet, null, drafts[0].IssuedOn, drafts[0].Reason ?? string.Empty, drafts[0].RecordedAt);
        earlier.Revise(drafts[^1].IssuedOn, drafts[^1].RecordedAt);
        db.PlanAmendments.Add(earlier);
        return earlier;
    }

    private static StepRefusedException NoAmendmentInHand() => new("no-amendment-in-hand",
        "No amendments are in hand: the last proposal was issued or decided against. Issue an amended draft so the family can comment on the changes first (reg 22(2)).");

    private async Task<SectionIFacts> SectionIFactsAsync(EhcCase assessment, EhcPlan plan, CancellationToken cancellationToken)
    {
        var sectionI = plan.Working.SectionI;
        var placement = await db.WholePlacements.AsNoTracking()
            .SingleOrDefaultAsync(p => p.LaCode == assessment.LaCode && p.AssessmentId == assessment.Id, cancellationToken);
        var registered = sectionI?.Urn is { } urn ? await db.Settings.AsNoTracking().SingleOrDefaultAsync(s => s.Urn == urn, cancellationToken) : null;
        return new SectionIFacts(sectionI, plan.LatestFinal?.Content.SectionI, placement, registered, assessment.RequestedSetting);
    }

    /// <summary>Section K lists the advice gathered during the assessment (reg 12(1)(k)): every request, received or not.</summary>
    public static IReadOnlyList<AdviceListed> AdviceList(EhcCase assessment) =>
        assessment.AdviceRequests.OrderBy(a => a.RequestedOn).ThenBy(a => a.AdviserName)
            .Select(a => new AdviceListed(a.AdviserName, a.Kind, a.RequestedOn, a.ReceivedOn)).ToList();

    /// <summary>A step on the plan: the case through <see cref="CaseSteps"/>, and its plan, refused if the plan has changed since <paramref name="expectedVersion"/>.</summary>
    private async Task<(CaseStep, EhcPlan)> BeginAsync(RequestContext context, Guid assessmentId, int? expectedVersion, bool withVersions, CancellationToken cancellationToken)
    {
        var writing = await steps.BeginAsync(context, assessmentId, StepBy.Council, cancellationToken);
        IQueryable<EhcPlan> plans = withVersions ? db.Plans.Include(p => p.Versions) : db.Plans;
        var plan = await plans.SingleOrDefaultAsync(p => p.AssessmentId == assessmentId, cancellationToken)
            ?? throw new StepRefusedException("no-plan", "Start the plan first.");
        if (expectedVersion is { } expected && plan.Version != expected)
        {
            throw ChangedMeanwhile();
        }

        return (writing, plan);
    }

    private static StepRefusedException ChangedMeanwhile() => StepRefusedException.ChangedBySomeoneElse("plan");
}

/// <summary>Reads of plans: anyone who may see the case may read its plan; each read is audited.</summary>
public sealed class PlanQueries(OpenSendDbContext db, TimeProvider time)
{
    /// <remarks>
    /// With <paramref name="forStep"/> (a page's POST, about to record a step the write audits) the read
    /// writes no "viewed" row and saves nothing, so a step is one audit row and one commit.
    /// </remarks>
    public async Task<ViewedPlan> GetAsync(RequestContext context, Guid assessmentId, CancellationToken cancellationToken = default, bool forStep = false)
    {
        var assessment = await db.ReadableBy(context.Viewer, db.Assessments.AsNoTracking().Include(a => a.AdviceRequests))
            .SingleOrDefaultAsync(a => a.Id == assessmentId, cancellationToken)
            ?? throw new CaseNotFoundException();
        var plan = await db.Plans.AsNoTracking().Include(p => p.Versions).SingleOrDefaultAsync(p => p.AssessmentId == assessmentId, cancellationToken);
        var access = await db.LevelAsync(context.Viewer, assessmentId, cancellationToken);
        var la = await db.LocalAuthorities.AsNoTracking().SingleAsync(l => l.Code == assessment.LaCode, cancellationToken);
        var comments = plan is null ? [] : await db.PlanComments.AsNoTracking()
            .Where(c => c.LaCode == assessment.LaCode && c.PlanId == plan.Id).OrderBy(c => c.MadeAt).ToListAsync(cancellationToken);
        var amendment = plan is { IsInForce: true } ? await db.PlanAmendments.AsNoTracking().Where(PlanAmendment.Open)
            .SingleOrDefaultAsync(a => a.LaCode == assessment.LaCode && a.AssessmentId == assessmentId, cancellationToken) : null;
        if (!forStep)
        {
            db.AuditRecords.Add(AuditRecord.For(context, assessment.LaCode, assessment.Id, AuditActions.PlanViewed, time.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
        }

        return new ViewedPlan(assessment, plan, access, la, comments, amendment);
    }
}

/// <summary>The family's comments on a draft plan (their representations), made through their account.</summary>
public sealed class PlanRepresentations(OpenSendDbContext db, CaseSteps steps)
{
    /// <summary>
    /// The family's own words for section A (reg 6(1)(a), reg 7): sent through their account at any
    /// time until the plan is final; a later sending replaces the earlier one. Audited.
    /// </summary>
    public async Task SendViewsAsync(RequestContext context, Guid assessmentId, ViewsAndAspirations views, CancellationToken cancellationToken = default)
    {
        if (!context.Viewer.IsFamily)
        {
            throw new CaseAccessDeniedException();
        }

        var writing = await steps.BeginAsync(context, assessmentId, StepBy.AnyoneWhoSeesTheCase, cancellationToken);
        var assessment = writing.Case;
        if (!assessment.IsOpen)
        {
            throw new StepRefusedException("views-closed", assessment.Stage == AssessmentStage.PlanIssued
                ? "The plan is final. Your views will be asked for again at its annual review; you can also contact the council's SEND team."
                : "This request has closed, so the council is no longer gathering views for it.");
        }

        var sentBy = await db.FamilyMemberTitleAsync(context.Viewer, assessmentId, cancellationToken);
        var now = writing.Now;
        if (await db.FamilyViews.SingleOrDefaultAsync(v => v.LaCode == assessment.LaCode && v.AssessmentId == assessmentId, cancellationToken) is { } earlier)
        {
            earlier.Replace(views, sentBy, now);
        }
        else
        {
            db.FamilyViews.Add(FamilyViews.Send(assessmentId, assessment.LaCode, views, sentBy, now));
        }

        await writing.CommitAsync(AuditActions.FamilyViewsSent, null, "case", cancellationToken);
    }

    /// <summary>The family's latest views on a case the viewer may see, if they have sent any.</summary>
    public async Task<FamilyViews?> ViewsAsync(RequestContext context, Guid assessmentId, CancellationToken cancellationToken = default)
    {
        var laCode = await db.ReadableBy(context.Viewer).Where(a => a.Id == assessmentId).Select(a => a.LaCode).SingleOrDefaultAsync(cancellationToken)
            ?? throw new CaseNotFoundException();
        return await db.FamilyViews.AsNoTracking().SingleOrDefaultAsync(v => v.LaCode == laCode && v.AssessmentId == assessmentId, cancellationToken);
    }

    /// <summary>
    /// The family asks, within the 15 days, for a meeting with the council about the draft and/or for
    /// a school or college to be named (s.38(2)(b), reg 13(1)). It is recorded on the pathway as their
    /// representations, with the audit record, in one transaction; the caseworker sees it on the case.
    /// </summary>
    public async Task AskAsync(RequestContext context, Guid assessmentId, bool meeting, string? setting, CancellationToken cancellationToken = default)
    {
        if (!context.Viewer.IsFamily)
        {
            throw new CaseAccessDeniedException();
        }

        var writing = await steps.BeginAsync(context, assessmentId, StepBy.AnyoneWhoSeesTheCase, cancellationToken);
        var (assessment, now, today) = (writing.Case, writing.Now, writing.Today);
        if (assessment.Stage != AssessmentStage.DraftServed || assessment.RepresentationsCloseOn is not { } closes)
        {
            throw new StepRefusedException("no-draft-to-comment-on", "There is no draft plan to respond to at the moment.");
        }

        if (today > closes)
        {
            throw new StepRefusedException("representations-closed",
                $"The time to respond to the draft plan ended on {UkCalendar.InWords(closes)}. Contact your council's SEND team if you still want a meeting or a particular setting.");
        }

        if (!meeting && string.IsNullOrWhiteSpace(setting))
        {
            throw new StepRefusedException("representations-empty", "Select that you want a meeting, or enter the school or college you want named, or both.");
        }

        assessment.RecordRepresentations(today, string.Empty, setting, meeting, noFurtherComments: false, context.Actor, now);
        await writing.CommitAsync(AuditActions.PlanFamilyAsked,
            string.Join("; ", new[] { meeting ? "asked for a meeting" : null, Text.NullIfBlank(setting) is { } named ? $"asked for {named} to be named" : null }.OfType<string>()) + ".", "case", cancellationToken);
    }

    public async Task<PlanComment> CommentAsync(RequestContext context, Guid assessmentId, PlanSection section, Guid? itemId, string text, CancellationToken cancellationToken = default)
    {
        // Staff record what families say on the pathway's representations page; this is the family's own voice.
        if (!context.Viewer.IsFamily)
        {
            throw new CaseAccessDeniedException();
        }

        var writing = await steps.BeginAsync(context, assessmentId, StepBy.AnyoneWhoSeesTheCase, cancellationToken);
        var plan = await db.Plans.AsNoTracking().Include(p => p.Versions).SingleOrDefaultAsync(p => p.AssessmentId == assessmentId, cancellationToken)
            ?? throw new StepRefusedException("no-draft-to-comment-on", "There is no draft plan to comment on at the moment.");
        var comment = PlanComment.On(plan, writing.Case.RuleSet, section, itemId, text, await db.FamilyMemberTitleAsync(context.Viewer, assessmentId, cancellationToken), context.Viewer.PersonId, writing.Now);
        db.PlanComments.Add(comment);
        await writing.CommitAsync(AuditActions.PlanCommented, $"Comment on section {section} of version {comment.VersionNumber}.", "plan", cancellationToken);
        return comment;
    }
}
