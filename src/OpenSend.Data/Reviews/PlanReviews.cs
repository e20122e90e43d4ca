using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenSend.Data.Access;
using OpenSend.Data.Assessments;
using OpenSend.Data.Audit;
using OpenSend.Data.Database;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Common;
using OpenSend.Domain.Identity;
using OpenSend.Domain.Plans;
using OpenSend.Domain.Reviews;
using OpenSend.Domain.Timescales;

namespace OpenSend.Data.Reviews;

/// <summary>
/// A review with its case and plan, what the viewer may do with it, and the advice and views given
/// for it that the viewer may read: all of them for the council and the leading setting; for anyone
/// else their own, and everyone's once the papers are circulated (reg 20(4)).
/// </summary>
public sealed record ViewedReview(AnnualReview Review, EhcNeedsAssessment Assessment, EhcPlan? Plan, string? SettingName, bool CanManage, bool CanLead,
    IReadOnlyList<ReviewContribution> Contributions)
{
    public PlanContent PlanContent => Plan?.LatestFinal?.Content ?? PlanContent.Empty;

    /// <summary>Whether the viewer may give advice or views now: anyone who can see the case, while the meeting is ahead.</summary>
    public bool CanContribute => ReviewTransitions.IsAllowed(Review.Stage, ReviewAction.Contribute);
}

/// <summary>One outcome's progress at one review.</summary>
public sealed record ProgressPoint(DateOnly ReviewedOn, OutcomeProgress Progress, string Evidence);

/// <summary>An outcome of the plan and its progress across reviews, oldest first ("celebrating progress").</summary>
public sealed record OutcomeTimeline(Guid OutcomeId, string Outcome, IReadOnlyList<ProgressPoint> Points);

/// <summary>One row of a review list: the SENCO's reviews and the LA's board.</summary>
public sealed record ReviewRow(
    Guid Id,
    Guid AssessmentId,
    string CaseReference,
    string ChildName,
    string? SettingName,
    ReviewStage Stage,
    DateOnly DueBy,
    DateOnly? MeetingOn,
    PhaseTransferKind? PhaseTransfer,
    DateOnly? PhaseTransferDueBy,
    DateOnly? NextDeadline,
    string? NextDeadlineTitle,
    bool Overdue);

/// <summary>A review with the case details a list shows.</summary>
internal sealed record ReviewedCase(AnnualReview Review, string Reference, Child Child);

/// <summary>The LA's review numbers (the same definitions later feed the dashboard and SEN2).</summary>
public sealed record ReviewCounts(string Scope, int DueIn12Weeks, int Overdue, int HeldInYear, int DecidedWithin4Weeks, int Decided, int AmendedWithin12Weeks, int Amended, int PhaseTransfersAtRisk,
    int NoticeWithin4Weeks, int Noticed, int RecommendedOverdue);

/// <summary>
/// Reviews of plans in force (s.44; regs 18–22). Every write loads the review within what the viewer
/// may do (the LA's staff; the leading setting's SENCO or staff for the meeting and report), applies
/// one named step, appends the audit record and saves once. The next review is scheduled when the
/// first final plan is issued, when a plan arrives from another LA, and when a review completes.
/// </summary>
public sealed class PlanReviews(OpenSendDbContext db, OpenSend.Data.Notifications.CaseNotifications notifications, TimeProvider time)
{
    /// <summary>How far ahead a setting's list looks (issue: reviews due in the next 12 weeks).</summary>
    public const int SettingHorizonWeeks = 12;

    /// <summary>A phase transfer is at risk when its reg 18 date is this close and the plan is not yet amended.</summary>
    public const int PhaseTransferRiskWeeks = 8;

    /// <summary>
    /// Adds the case's next review if it has none open: due by s.44(1) (or reg 15(5) after a transfer,
    /// or sooner for an under-5 or a phase transfer). Saved by the caller's transaction.
    /// </summary>
    public async Task<AnnualReview?> ScheduleNextAsync(EhcNeedsAssessment assessment, DateOnly? lastReviewOn, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        if (assessment.Stage != AssessmentStage.PlanIssued || assessment.FinalPlanIssuedOn is not { } madeOn)
        {
            return null;
        }

        // One open review at a time. A review completed in this same unit of work is not open any more,
        // though the database still says so until it is saved.
        var openInDatabase = await db.AnnualReviews.Where(r => r.LaCode == assessment.LaCode && r.AssessmentId == assessment.Id).Where(AnnualReview.Open)
            .Select(r => r.Id).ToListAsync(cancellationToken);
        if (openInDatabase.Any(id => db.AnnualReviews.Local.FirstOrDefault(l => l.Id == id) is not { IsOpen: false })
            || db.AnnualReviews.Local.Any(r => r.AssessmentId == assessment.Id && r.IsOpen))
        {
            return null;
        }

        var la = await db.LocalAuthorities.AsNoTracking().SingleAsync(l => l.Code == assessment.LaCode, cancellationToken);
        var rules = assessment.RuleSet;
        var today = UkCalendar.DateOf(now);
        var reviewed = lastReviewOn ?? assessment.PlanLastReviewedOn;
        var dates = assessment.ClockFacts.TransferredIn is { } transfer && lastReviewOn is null
            ? new ReviewDates(PathwayClocks.TransferReviewDue(rules, transfer), null)
            : ReviewSchedule.NextReviewDates(rules, madeOn, reviewed, assessment.Child.DateOfBirth, la.UnderFivesReviewMonths);
        var dueBy = dates.DueBy;
        var phase = ReviewSchedule.NextPhaseTransfer(rules, assessment.Child.DateOfBirth, today, await NamedSettingAgesAsync(assessment, cancellationToken));
        // Reg 18 applies within 12 months of the transfer; a later one belongs to a later review.
        if (phase is not null && phase.Deadline.Due > dueBy.AddMonths(12))
        {
            phase = null;
        }

        var setting = await db.SettingLinks.AsNoTracking()
            .Where(l => l.AssessmentId == assessment.Id && l.EndedAt == null)
            .OrderBy(l => l.Relationship == SettingRelationship.CurrentSetting ? 0 : l.Relationship == SettingRelationship.NamedSetting ? 1 : 2)
            .Select(l => (Guid?)l.OrganisationId).FirstOrDefaultAsync(cancellationToken);
        var review = AnnualReview.Schedule(assessment.Id, assessment.LaCode, rules, dueBy, phase, setting, now, dates.RecommendedBy);
        db.AnnualReviews.Add(review);
        return review;
    }

    /// <summary>
    /// The ages the setting named in section I takes, from the settings register (GIAS's statutory
    /// low and high age), which say when the child moves on: an infant school's pupils after year 2,
    /// a middle school's after year 7 or 8. The plan may be issued in this same unit of work.
    /// </summary>
    private async Task<SettingAgeRange?> NamedSettingAgesAsync(EhcNeedsAssessment assessment, CancellationToken cancellationToken)
    {
        var plan = db.Plans.Local.FirstOrDefault(p => p.AssessmentId == assessment.Id)
            ?? await db.Plans.AsNoTracking().Include(p => p.Versions).SingleOrDefaultAsync(p => p.LaCode == assessment.LaCode && p.AssessmentId == assessment.Id, cancellationToken);
        if (plan?.LatestFinal?.Content.SectionI?.Urn is not { } urn)
        {
            return null;
        }

        var ages = await db.Settings.AsNoTracking().Where(s => s.Urn == urn).Select(s => new { s.LowAge, s.HighAge }).SingleOrDefaultAsync(cancellationToken);
        return ages is { LowAge: { } low, HighAge: { } high } ? new SettingAgeRange(low, high) : null;
    }

    /// <summary>The LA's interval for reviewing under-5s' plans (CoP 9.178: 3 to 6 months).</summary>
    public async Task<int> UnderFivesIntervalAsync(RequestContext context, CancellationToken cancellationToken = default)
    {
        var laCode = context.LaCode ?? throw new CaseAccessDeniedException();
        return await db.LocalAuthorities.Where(l => l.Code == laCode).Select(l => l.UnderFivesReviewMonths).SingleAsync(cancellationToken);
    }

    /// <summary>A SEND manager sets the interval; reviews scheduled from now on use it. Audited.</summary>
    public async Task SetUnderFivesIntervalAsync(RequestContext context, int months, CancellationToken cancellationToken = default)
    {
        if (context.Viewer is not { IsLaStaff: true, Role: Role.LaSendManager, LaCode: { } laCode })
        {
            throw new CaseAccessDeniedException();
        }

        var la = await db.LocalAuthorities.SingleAsync(l => l.Code == laCode, cancellationToken);
        la.SetUnderFivesReviewMonths(months);
        db.AuditRecords.Add(AuditRecord.For(context, laCode, null, "la.under-fives-review-interval", time.GetUtcNow(), $"{months} months."));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>For plans issued before reviews were scheduled here: the LA schedules the next review by hand.</summary>
    public async Task<AnnualReview> ScheduleAsync(RequestContext context, Guid assessmentId, CancellationToken cancellationToken = default)
    {
        var assessment = await LoadCaseAsync(context, assessmentId, cancellationToken);
        var now = time.GetUtcNow();
        var last = await db.AnnualReviews.AsNoTracking().Where(r => r.LaCode == assessment.LaCode && r.AssessmentId == assessmentId && r.MeetingHeldOn != null)
            .MaxAsync(r => r.MeetingHeldOn, cancellationToken);
        var review = await ScheduleNextAsync(assessment, last, now, cancellationToken)
            ?? throw new StepRefusedException("review-not-schedulable", assessment.Stage != AssessmentStage.PlanIssued
                ? "A review is scheduled once the final plan is issued."
                : "This plan already has a review under way.");
        db.AuditRecords.Add(AuditRecord.For(context, assessment.LaCode, assessment.Id, "review.scheduled", now, $"Due by {UkCalendar.InWords(review.DueBy)}."));
        await db.SaveChangesAsync(cancellationToken);
        return review;
    }

    public async Task<ViewedReview> GetAsync(RequestContext context, Guid reviewId, CancellationToken cancellationToken = default)
    {
        var viewed = await LoadAsync(context, reviewId, tracked: false, cancellationToken);
        db.AuditRecords.Add(AuditRecord.For(context, viewed.Assessment.LaCode, viewed.Assessment.Id, "review.viewed", time.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return viewed;
    }

    /// <summary>The review a family or professional is most likely looking for: the open one, else the latest. Null when none is scheduled. Audited.</summary>
    public async Task<ViewedReview?> CurrentOfCaseAsync(RequestContext context, Guid assessmentId, CancellationToken cancellationToken = default)
    {
        var laCode = await db.ReadableBy(context.Viewer).Where(a => a.Id == assessmentId).Select(a => a.LaCode).SingleOrDefaultAsync(cancellationToken)
            ?? throw new CaseNotFoundException();
        var reviewId = await db.AnnualReviews.AsNoTracking().Where(r => r.LaCode == laCode && r.AssessmentId == assessmentId)
            .OrderBy(r => r.Stage == ReviewStage.Completed || r.Stage == ReviewStage.Ended).ThenByDescending(r => r.DueBy)
            .Select(r => (Guid?)r.Id).FirstOrDefaultAsync(cancellationToken);
        return reviewId is { } id ? await GetAsync(context, id, cancellationToken) : null;
    }

    /// <summary>The reviews of a case the viewer may see, newest first.</summary>
    public async Task<IReadOnlyList<AnnualReview>> OfCaseAsync(RequestContext context, Guid assessmentId, CancellationToken cancellationToken = default)
    {
        var laCode = await db.ReadableBy(context.Viewer).Where(a => a.Id == assessmentId).Select(a => a.LaCode).SingleOrDefaultAsync(cancellationToken)
            ?? throw new CaseNotFoundException();
        return await db.AnnualReviews.AsNoTracking().Where(r => r.LaCode == laCode && r.AssessmentId == assessmentId)
            .OrderByDescending(r => r.DueBy).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Each outcome's progress across the reviews whose reports are in, for anyone who may see the
    /// case, the family included. Outcomes are matched by their id, which stays the same across
    /// versions of the plan.
    /// </summary>
    public async Task<IReadOnlyList<OutcomeTimeline>> ProgressAsync(RequestContext context, Guid assessmentId, CancellationToken cancellationToken = default)
    {
        var laCode = await db.ReadableBy(context.Viewer).Where(a => a.Id == assessmentId).Select(a => a.LaCode).SingleOrDefaultAsync(cancellationToken)
            ?? throw new CaseNotFoundException();
        var reported = await db.AnnualReviews.AsNoTracking()
            .Where(r => r.LaCode == laCode && r.AssessmentId == assessmentId && r.ReportSentOn != null)
            .ToListAsync(cancellationToken);
        return reported
            .Where(r => r.Report is not null)
            .SelectMany(r => r.Report!.Progress.Select(p => (p.OutcomeId, p.Outcome, Point: new ProgressPoint(r.MeetingHeldOn ?? r.ReportSentOn!.Value, p.Progress, p.Evidence))))
            .GroupBy(p => p.OutcomeId)
            .Select(g => new OutcomeTimeline(g.Key, g.OrderBy(p => p.Point.ReviewedOn).Last().Outcome, g.Select(p => p.Point).OrderBy(p => p.ReviewedOn).ToList()))
            .OrderBy(t => t.Outcome, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Reg 20(3): the meeting's date and the invitations. With <paramref name="sendInvitations"/> the
    /// system sends them today to the family and the professionals asked for advice; otherwise
    /// <paramref name="invitationsSentOn"/> records when they went another way. Returns how many were sent.
    /// </summary>
    public async Task<int> ArrangeMeetingAsync(RequestContext context, Guid reviewId, DateOnly meetingOn, DateOnly? invitationsSentOn, bool sendInvitations = false, CancellationToken cancellationToken = default)
    {
        var sent = 0;
        var today = UkCalendar.DateOf(time.GetUtcNow());
        var sentOn = sendInvitations ? today : invitationsSentOn
            ?? throw new StepRefusedException("invitations-date", "Enter the date the invitations were sent, or send them now through OpenSEND.");
        await StepAsync(context, reviewId, lead: true, (r, _, now) => r.ArrangeMeeting(meetingOn, sentOn, now), "review.meeting-arranged",
            $"Meeting on {UkCalendar.InWords(meetingOn)}; invitations sent {UkCalendar.InWords(sentOn)}{(sendInvitations ? " through OpenSEND" : "")}.", cancellationToken,
            async (r, viewed, now) =>
            {
                if (sendInvitations)
                {
                    var papersBy = r.RuleSet.Rule(StatutoryStep.PapersBy).DueFrom(meetingOn);
                    sent = await notifications.QueueReviewInvitationsAsync(viewed.Assessment, viewed.SettingName ?? context.Actor.Organisation ?? context.Actor.DisplayName, meetingOn, papersBy, now, cancellationToken);
                }
            });
        return sent;
    }

    /// <summary>
    /// Reg 20(4): the advice and information go to everyone invited. With <paramref name="sendThroughOpenSend"/>
    /// everyone invited is emailed today that they can read them in OpenSEND (where the family and
    /// professionals then see every contribution); otherwise <paramref name="on"/> records when they
    /// went another way. Returns how many emails were sent.
    /// </summary>
    public async Task<int> RecordPapersCirculatedAsync(RequestContext context, Guid reviewId, DateOnly? on, bool sendThroughOpenSend = false, CancellationToken cancellationToken = default)
    {
        var sent = 0;
        var circulatedOn = sendThroughOpenSend ? UkCalendar.DateOf(time.GetUtcNow()) : on
            ?? throw new StepRefusedException("papers-date", "Enter the date the advice and information were sent, or send them now through OpenSEND.");
        await StepAsync(context, reviewId, lead: true, (r, _, now) => r.RecordPapersCirculated(circulatedOn, now), "review.papers-circulated",
            $"{UkCalendar.InWords(circulatedOn)}{(sendThroughOpenSend ? " through OpenSEND" : "")}.", cancellationToken,
            async (r, viewed, now) =>
            {
                if (sendThroughOpenSend)
                {
                    sent = await notifications.QueueReviewPapersAsync(viewed.Assessment, r.MeetingOn!.Value, viewed.Contributions.Count, now, cancellationToken);
                }
            });
        return sent;
    }

    /// <summary>
    /// Advice and information for the review (reg 20(3)) from a professional who can see the case, or
    /// the family's and child's views (s.19), while the meeting is ahead. Audited; the review's own
    /// steps are untouched, so contributions never collide with the SENCO's work.
    /// </summary>
    public async Task<ReviewContribution> ContributeAsync(RequestContext context, Guid reviewId, string? childViews, string text, CancellationToken cancellationToken = default)
    {
        var viewed = await LoadAsync(context, reviewId, tracked: false, cancellationToken);
        var viewer = context.Viewer;
        if (!(viewer.IsStaff || viewer.IsFamily))
        {
            throw new CaseAccessDeniedException();
        }

        var now = time.GetUtcNow();
        var kind = viewer.IsFamily ? ReviewContributorKind.Family : ReviewContributorKind.Professional;
        var contribution = viewed.Review.Contribute(kind, viewer.PersonId, context.Actor.DisplayName, viewer.OrganisationId, context.Actor.Organisation,
            kind == ReviewContributorKind.Family ? childViews : null, text, now);
        db.ReviewContributions.Add(contribution);
        db.AuditRecords.Add(AuditRecord.For(context, viewed.Assessment.LaCode, viewed.Assessment.Id, "review.contribution-given", now,
            kind == ReviewContributorKind.Family ? "The family's views." : $"Advice from {context.Actor.Organisation ?? context.Actor.DisplayName}."));
        await db.SaveChangesAsync(cancellationToken);
        return contribution;
    }

    /// <summary>Reg 18(2): a proposed move between post-16 institutions, with the date 5 months before it.</summary>
    public Task ProposePost16TransferAsync(RequestContext context, Guid reviewId, DateOnly transferOn, CancellationToken cancellationToken = default) =>
        StepAsync(context, reviewId, lead: true, (r, _, now) => r.ProposePost16Transfer(transferOn, now), "review.post16-transfer-proposed",
            $"Move on {UkCalendar.InWords(transferOn)}.", cancellationToken);

    /// <summary>
    /// The plan ceases after a review decided to cease it (s.45): once the family's time to appeal has
    /// passed (extended by a mediation certificate), or at once when the tribunal dismissed their
    /// appeal (reg 44(2)(a)). The family is told. The council's staff only.
    /// </summary>
    public async Task CeasePlanAsync(RequestContext context, Guid assessmentId, DateOnly ceasedOn, DateOnly? mediationCertificateOn, DateOnly? appealDismissedOn, CancellationToken cancellationToken = default)
    {
        var assessment = await LoadCaseAsync(context, assessmentId, cancellationToken, tracked: true);
        var now = time.GetUtcNow();
        assessment.CeasePlan(ceasedOn, mediationCertificateOn, appealDismissedOn, context.Actor, now);
        // A review is scheduled only on a plan in force and the next only after one that keeps it, so
        // none should be open now; any that is ends with the plan, in the same save, so no clock of a
        // plan not in force keeps running (the deadline sweep relies on it).
        foreach (var open in await db.AnnualReviews
            .Where(r => r.LaCode == assessment.LaCode && r.AssessmentId == assessment.Id).Where(AnnualReview.Open)
            .ToListAsync(cancellationToken))
        {
            open.EndWithPlan(ceasedOn, now);
        }

        db.AuditRecords.Add(AuditRecord.For(context, assessment.LaCode, assessment.Id, "case.cease-plan", now, assessment.Timeline[^1].Summary));
        await notifications.QueueUpdateAsync(assessment, now, cancellationToken);
        await db.SaveOrRefuseAsync(CaseChanged, cancellationToken);
    }

    /// <summary>
    /// The decision to cease is withdrawn, or the tribunal ordered the plan to continue (reg 44(2)):
    /// the plan stays in force and its next review is scheduled from the last review meeting.
    /// </summary>
    public async Task KeepPlanAsync(RequestContext context, Guid assessmentId, DateOnly decidedOn, string reasons, CancellationToken cancellationToken = default)
    {
        var assessment = await LoadCaseAsync(context, assessmentId, cancellationToken, tracked: true);
        var now = time.GetUtcNow();
        assessment.KeepPlan(decidedOn, reasons, context.Actor, now);
        var last = await db.AnnualReviews.AsNoTracking().Where(r => r.LaCode == assessment.LaCode && r.AssessmentId == assessmentId && r.MeetingHeldOn != null)
            .MaxAsync(r => r.MeetingHeldOn, cancellationToken);
        await ScheduleNextAsync(assessment, last, now, cancellationToken);
        db.AuditRecords.Add(AuditRecord.For(context, assessment.LaCode, assessment.Id, "case.keep-plan", now, assessment.Timeline[^1].Summary));
        await notifications.QueueUpdateAsync(assessment, now, cancellationToken);
        await db.SaveOrRefuseAsync(CaseChanged, cancellationToken);
    }

    private static StepRefusedException CaseChanged() => StepRefusedException.Changed("case-changed",
        "Someone else recorded a step on this case at the same time, so yours was not saved. Check the case and try again.");

    public Task RecordMeetingHeldAsync(RequestContext context, Guid reviewId, DateOnly heldOn, CancellationToken cancellationToken = default) =>
        StepAsync(context, reviewId, lead: true, (r, _, now) => r.RecordMeetingHeld(heldOn, now), "review.meeting-held", UkCalendar.InWords(heldOn), cancellationToken);

    public Task SubmitReportAsync(RequestContext context, Guid reviewId, DateOnly sentOn, ReviewReport report, CancellationToken cancellationToken = default) =>
        StepAsync(context, reviewId, lead: true, (r, viewed, now) => r.SubmitReport(sentOn, report, viewed.PlanContent, now), "review.report-submitted",
            $"Sent {UkCalendar.InWords(sentOn)}; step down {(report.StepDownRecommended ? "recommended" : "not recommended")}; ceasing {(report.CeaseRecommended ? "recommended" : "not recommended")}.", cancellationToken);

    /// <summary>Reg 20(10): the LA's decision; maintaining completes the review and schedules the next from the meeting.</summary>
    public async Task<AppealRights?> DecideAsync(RequestContext context, Guid reviewId, DateOnly decidedOn, ReviewDecision decision, string reasons, CeaseReason? ceaseReason, CancellationToken cancellationToken = default)
    {
        AppealRights? rights = null;
        await StepAsync(context, reviewId, lead: false, (r, _, now) => rights = r.Decide(decidedOn, decision, reasons, ceaseReason, now), "review.decided",
            $"{decision} on {UkCalendar.InWords(decidedOn)}.", cancellationToken,
            async (r, viewed, now) =>
            {
                // The decision goes on the case's record and to the family, with their rights (reg 20(10)).
                viewed.Assessment.RecordReviewDecision(decidedOn, r.MeetingHeldOn!.Value, decision, reasons, rights, context.Actor, now, ceaseReason);
                await notifications.QueueUpdateAsync(viewed.Assessment, now, cancellationToken);
                if (decision == ReviewDecision.Maintain)
                {
                    await ScheduleNextAsync(viewed.Assessment, r.MeetingHeldOn, now, cancellationToken);
                }
            });
        return rights;
    }

    /// <summary>Called by plan drafting when an amended draft is issued: the proposed amendments of reg 22(2). Returns the review it carries out, if any.</summary>
    internal async Task<Guid?> OnAmendedDraftAsync(EhcNeedsAssessment assessment, DateOnly issuedOn, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await AmendingAsync(assessment, cancellationToken) is not { } review)
        {
            return null;
        }

        if (review.AmendmentNoticeOn is null)
        {
            review.RecordAmendmentNotice(issuedOn, now);
        }

        return review.Id;
    }

    /// <summary>Called by plan drafting when an amended final is issued: reg 22(3); the review completes and the next is scheduled.</summary>
    internal async Task OnAmendedFinalAsync(EhcNeedsAssessment assessment, DateOnly issuedOn, bool familyHasNoFurtherComments, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await AmendingAsync(assessment, cancellationToken) is { } review)
        {
            review.RecordAmendedPlanIssued(issuedOn, familyHasNoFurtherComments, now);
            await ScheduleNextAsync(assessment, review.MeetingHeldOn, now, cancellationToken);
        }
    }

    /// <summary>Called by plan drafting when the council decides not to amend (reg 22(4)): the review completes and the next is scheduled from its meeting.</summary>
    internal async Task OnNotAmendedAsync(EhcNeedsAssessment assessment, DateOnly decidedOn, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await AmendingAsync(assessment, cancellationToken) is { AmendmentNoticeOn: not null } review)
        {
            review.RecordNotAmended(decidedOn, now);
            await ScheduleNextAsync(assessment, review.MeetingHeldOn, now, cancellationToken);
        }
    }

    /// <summary>The reviews a setting leads, open and due within 12 weeks or already under way.</summary>
    public async Task<IReadOnlyList<ReviewRow>> ForSettingAsync(RequestContext context, CancellationToken cancellationToken = default)
    {
        if (context.Viewer is not { IsStaff: true, OrganisationKind: OrganisationKind.Setting, OrganisationId: { } settingId })
        {
            return [];
        }

        var today = UkCalendar.DateOf(time.GetUtcNow());
        var horizon = today.AddDays(7 * SettingHorizonWeeks);
        var reviews = await WithCasesAsync(db.ReadableBy(context.Viewer), db.AnnualReviews.AsNoTracking().Where(AnnualReview.Open).Where(r => r.SettingOrganisationId == settingId
            && (r.DueBy <= horizon || r.Stage != ReviewStage.Due)), cancellationToken);
        return Rows(reviews, await SettingNamesAsync(reviews, cancellationToken), today);
    }

    /// <summary>The LA's review board: every open review, overdue first, and the counts for the LA and each setting.</summary>
    public async Task<(IReadOnlyList<ReviewRow> Rows, IReadOnlyList<ReviewCounts> Counts)> BoardAsync(RequestContext context, CancellationToken cancellationToken = default)
    {
        var laCode = context.LaCode ?? throw new CaseAccessDeniedException();
        var today = UkCalendar.DateOf(time.GetUtcNow());
        // One read of the LA's reviews serves both the open rows and the counts, which need the closed ones too.
        var all = await WithCasesAsync(db.Assessments.Where(a => a.LaCode == laCode), db.AnnualReviews.AsNoTracking().Where(r => r.LaCode == laCode), cancellationToken);
        var names = await SettingNamesAsync(all, cancellationToken);
        var reviews = all.Select(c => c.Review).ToList();
        var counts = new List<ReviewCounts> { Count("All settings", reviews, today) };
        counts.AddRange(reviews.Where(r => r.SettingOrganisationId is not null).GroupBy(r => r.SettingOrganisationId!.Value)
            .Select(g => Count(names.GetValueOrDefault(g.Key, "A setting"), g.ToList(), today))
            .OrderBy(c => c.Scope, StringComparer.Ordinal));
        return (Rows(all.Where(c => c.Review.IsOpen), names, today), counts);
    }

    /// <summary>
    /// The review measures, each defined once: due in the next 12 weeks; overdue (a statutory clock
    /// passed); held in the last 12 months; decided within 4 weeks of the meeting (reg 20(10)) of those
    /// decided; amendment concluded (amended plan, or a decision not to amend) within 12 weeks of the
    /// meeting of those concluded, and proposed amendments sent within 4 weeks of it of those sent
    /// (Devon [2022]); phase transfers at risk; and, apart, under-5s' reviews past the Code of
    /// Practice's recommended date (9.178), which are not statutory breaches.
    /// </summary>
    public static ReviewCounts Count(string scope, IReadOnlyCollection<AnnualReview> reviews, DateOnly today)
    {
        var decided = reviews.Where(r => r.DecidedOn is not null && r.MeetingHeldOn is not null).ToList();
        var amended = reviews.Where(r => (r.AmendedPlanIssuedOn ?? r.NotAmendedOn) is not null && r.MeetingHeldOn is not null).ToList();
        var noticed = reviews.Where(r => r.AmendmentNoticeOn is not null && r.MeetingHeldOn is not null).ToList();
        return new ReviewCounts(
            scope,
            reviews.Count(r => r.IsOpen && r.MeetingHeldOn is null && r.DueBy >= today && r.DueBy <= today.AddDays(7 * SettingHorizonWeeks)),
            reviews.Count(r => r.IsOpen && r.Deadlines(today).Any(d => d.State == DeadlineState.Overdue)),
            reviews.Count(r => r.MeetingHeldOn is { } held && held > today.AddYears(-1)),
            decided.Count(r => r.DecidedOn <= r.RuleSet.Rule(StatutoryStep.DecisionBy).DueFrom(r.MeetingHeldOn!.Value)),
            decided.Count,
            amended.Count(r => (r.AmendedPlanIssuedOn ?? r.NotAmendedOn) <= r.RuleSet.Rule(StatutoryStep.AmendedPlanBy).DueFrom(r.MeetingHeldOn!.Value)),
            amended.Count,
            reviews.Count(r => r.IsOpen && r.PhaseTransferDueBy is { } due && due <= today.AddDays(7 * PhaseTransferRiskWeeks) && r.AmendedPlanIssuedOn is null),
            noticed.Count(r => r.AmendmentNoticeOn <= r.RuleSet.Rule(StatutoryStep.AmendmentNoticeBy).DueFrom(r.MeetingHeldOn!.Value)),
            noticed.Count,
            reviews.Count(r => r.RecommendedReviewOverdue(today)));
    }

    private async Task<List<ReviewedCase>> WithCasesAsync(IQueryable<EhcNeedsAssessment> cases, IQueryable<AnnualReview> reviews, CancellationToken cancellationToken) =>
        await reviews.Join(cases, r => r.AssessmentId, a => a.Id, (r, a) => new ReviewedCase(r, a.Reference, a.Child)).ToListAsync(cancellationToken);

    private static IReadOnlyList<ReviewRow> Rows(IEnumerable<ReviewedCase> reviews, IReadOnlyDictionary<Guid, string> settingNames, DateOnly today) =>
        reviews
            .Select(c =>
            {
                var next = c.Review.Deadlines(today).Where(d => d.IsOpen).MinBy(d => d.Deadline.Due);
                return new ReviewRow(c.Review.Id, c.Review.AssessmentId, c.Reference, c.Child.FullName,
                    c.Review.SettingOrganisationId is { } s ? settingNames.GetValueOrDefault(s) : null, c.Review.Stage, c.Review.DueBy, c.Review.MeetingOn,
                    c.Review.PhaseTransfer, c.Review.PhaseTransferDueBy, next?.Deadline.Due, next?.Deadline.Title, next?.State == DeadlineState.Overdue);
            })
            .OrderByDescending(r => r.Overdue)
            .ThenBy(r => r.NextDeadline ?? r.DueBy)
            .ToList();

    private async Task<Dictionary<Guid, string>> SettingNamesAsync(IReadOnlyCollection<ReviewedCase> reviews, CancellationToken cancellationToken)
    {
        var ids = reviews.Select(c => c.Review.SettingOrganisationId).OfType<Guid>().Distinct().ToList();
        return ids.Count == 0 ? [] : await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
    }

    private async Task<AnnualReview?> AmendingAsync(EhcNeedsAssessment assessment, CancellationToken cancellationToken) =>
        await db.AnnualReviews.SingleOrDefaultAsync(r => r.LaCode == assessment.LaCode && r.AssessmentId == assessment.Id && r.Stage == ReviewStage.Amending, cancellationToken);

    private async Task StepAsync(RequestContext context, Guid reviewId, bool lead, Action<AnnualReview, ViewedReview, DateTimeOffset> step, string auditAction, string detail,
        CancellationToken cancellationToken, Func<AnnualReview, ViewedReview, DateTimeOffset, Task>? after = null)
    {
        var viewed = await LoadAsync(context, reviewId, tracked: true, cancellationToken);
        if (!(viewed.CanManage || (lead && viewed.CanLead)))
        {
            throw new CaseAccessDeniedException();
        }

        var now = time.GetUtcNow();
        step(viewed.Review, viewed, now);
        if (after is not null)
        {
            await after(viewed.Review, viewed, now);
        }

        db.AuditRecords.Add(AuditRecord.For(context, viewed.Assessment.LaCode, viewed.Assessment.Id, auditAction, now, detail));
        await db.SaveOrRefuseAsync(() => StepRefusedException.Changed("review-changed",
            "Someone else recorded a step on this review at the same time, so yours was not saved. Check the review and try again."), cancellationToken);
    }

    private async Task<ViewedReview> LoadAsync(RequestContext context, Guid reviewId, bool tracked, CancellationToken cancellationToken)
    {
        var reviews = tracked ? db.AnnualReviews : db.AnnualReviews.AsNoTracking();
        var review = await reviews.SingleOrDefaultAsync(r => r.Id == reviewId, cancellationToken) ?? throw new CaseNotFoundException();
        var query = db.ReadableBy(context.Viewer, db.WholeCases);
        var assessment = await (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(a => a.Id == review.AssessmentId, cancellationToken)
            ?? throw new CaseNotFoundException();
        var plan = await db.Plans.AsNoTracking().Include(p => p.Versions).SingleOrDefaultAsync(p => p.LaCode == review.LaCode && p.AssessmentId == review.AssessmentId, cancellationToken);
        var settingName = review.SettingOrganisationId is { } settingId
            ? await db.Organisations.AsNoTracking().Where(o => o.Id == settingId).Select(o => o.Name).SingleOrDefaultAsync(cancellationToken)
            : null;
        var canLead = context.Viewer is { IsStaff: true, Role: Role.Senco or Role.SettingStaff } && context.Viewer.OrganisationId == review.SettingOrganisationId && review.SettingOrganisationId is not null;
        var seesAll = context.Viewer.IsLaStaff || canLead || review.PapersCirculatedOn is not null;
        var personId = context.Viewer.PersonId;
        var contributions = await db.ReviewContributions.AsNoTracking()
            .Where(c => c.LaCode == review.LaCode && c.ReviewId == review.Id && (seesAll || (personId != null && c.PersonId == personId)))
            .OrderBy(c => c.SubmittedAt).ToListAsync(cancellationToken);
        return new ViewedReview(review, assessment, plan, settingName, context.Viewer.IsLaStaff, canLead, contributions);
    }

    private async Task<EhcNeedsAssessment> LoadCaseAsync(RequestContext context, Guid assessmentId, CancellationToken cancellationToken, bool tracked = false)
    {
        var query = db.ReadableBy(context.Viewer, db.WholeCases);
        var assessment = await (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(a => a.Id == assessmentId, cancellationToken)
            ?? throw new CaseNotFoundException();
        return context.Viewer.IsLaStaff ? assessment : throw new CaseAccessDeniedException();
    }
}

internal sealed class AnnualReviewConfiguration : IEntityTypeConfiguration<AnnualReview>
{
    public void Configure(EntityTypeBuilder<AnnualReview> builder)
    {
        builder.ToTable("annual_reviews");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.LaCode).HasMaxLength(3);
        builder.Property(r => r.RuleSetId).HasMaxLength(40);
        builder.Property(r => r.DecisionReasons).HasMaxLength(5_000);
        builder.Property(r => r.Report).HasColumnName("report").HasConversion(
            report => report == null ? null : PlanJson.Serialize(report),
            json => json == null ? null : PlanJson.Deserialize<ReviewReport>(json));
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Ignore(r => r.RuleSet);
        builder.Ignore(r => r.IsOpen);
        builder.HasOne<EhcNeedsAssessment>().WithMany().HasForeignKey(r => r.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.LaCode, r.Stage, r.DueBy });
        builder.HasIndex(r => new { r.SettingOrganisationId, r.Stage });
        builder.HasIndex(r => r.AssessmentId);
        // The deadline sweep's: only the open reviews (a fifth of them; the rest are decided), holding
        // every fact their clocks depend on, so England's are counted from the index alone rather than
        // by reading 3.5 GB of reviews with their reports (docs/benchmarks.md, benchmark 2).
        builder.HasIndex(r => new
        {
            r.LaCode,
            r.RuleSetId,
            r.DueBy,
            r.MeetingOn,
            r.InvitationsSentOn,
            r.PapersCirculatedOn,
            r.MeetingHeldOn,
            r.ReportSentOn,
            r.DecidedOn,
            r.Decision,
            r.AmendmentNoticeOn,
            r.AmendedPlanIssuedOn,
            r.PhaseTransfer,
            r.PhaseTransferDueBy,
        })
            .HasDatabaseName("ix_annual_reviews_open_clock_facts")
            .HasFilter("stage <> 'Completed' AND stage <> 'Ended'");
    }
}

internal sealed class ReviewContributionConfiguration : IEntityTypeConfiguration<ReviewContribution>
{
    public void Configure(EntityTypeBuilder<ReviewContribution> builder)
    {
        builder.ToTable("review_contributions");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.LaCode).HasMaxLength(3);
        builder.Property(c => c.AuthorName).HasMaxLength(200);
        builder.Property(c => c.OrganisationName).HasMaxLength(200);
        builder.Property(c => c.ChildViews).HasMaxLength(ReviewContribution.MaxLength);
        builder.Property(c => c.Text).HasMaxLength(ReviewContribution.MaxLength);
        builder.HasOne<AnnualReview>().WithMany().HasForeignKey(c => c.ReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.LaCode, c.ReviewId });
        builder.HasIndex(c => c.AssessmentId);
    }
}
