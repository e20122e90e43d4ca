using Microsoft.EntityFrameworkCore;
using OpenSend.Data.Access;
using OpenSend.Data.Assessments;
using OpenSend.Data.Audit;
using OpenSend.Data.Database;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Common;
using OpenSend.Domain.Identity;
using OpenSend.Domain.Reviews;
using OpenSend.Domain.Timescales;

namespace OpenSend.Data.Reviews;

/// <summary>
/// The steps of a review of a plan in force (s.44; regs 18–22). Every write goes through
/// <see cref="CaseSteps"/> and then checks what the viewer may do with the review (the LA's staff;
/// the leading setting's SENCO or staff for the meeting and report): one named step, its audit
/// record, saved once. When reviews fall due
/// is ReviewScheduling's; reading them is ReviewQueries'.
/// </summary>
public sealed class PlanReviews(OpenSendDbContext db, CaseSteps steps, OpenSend.Data.Notifications.CaseNotifications notifications, ReviewQueries queries, ReviewScheduling scheduling, TimeProvider time)
{
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
        db.AuditRecords.Add(AuditRecord.For(context, laCode, null, AuditActions.UnderFivesReviewInterval, time.GetUtcNow(), $"{months} months."));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The days the council gives itself to decide on a request for an early review.</summary>
    public async Task<int> EarlyReviewDecisionDaysAsync(RequestContext context, CancellationToken cancellationToken = default)
    {
        var laCode = context.LaCode ?? throw new CaseAccessDeniedException();
        return await db.LocalAuthorities.Where(l => l.Code == laCode).Select(l => l.EarlyReviewDecisionDays).SingleAsync(cancellationToken);
    }

    /// <summary>A SEND manager states the time; requests made from now on are decided within it. Audited.</summary>
    public async Task SetEarlyReviewDecisionDaysAsync(RequestContext context, int days, CancellationToken cancellationToken = default)
    {
        if (context.Viewer is not { IsLaStaff: true, Role: Role.LaSendManager, LaCode: { } laCode })
        {
            throw new CaseAccessDeniedException();
        }

        var la = await db.LocalAuthorities.SingleAsync(l => l.Code == laCode, cancellationToken);
        la.SetEarlyReviewDecisionDays(days);
        db.AuditRecords.Add(AuditRecord.For(context, laCode, null, AuditActions.EarlyReviewDecisionDays, time.GetUtcNow(), $"{days} days."));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>For plans issued before reviews were scheduled here: the LA schedules the next review by hand.</summary>
    public async Task<AnnualReview> ScheduleAsync(RequestContext context, Guid assessmentId, CancellationToken cancellationToken = default)
    {
        var writing = await steps.BeginAsync(context, assessmentId, StepBy.Council, cancellationToken);
        var (assessment, now) = (writing.Case, writing.Now);
        var last = await db.AnnualReviews.AsNoTracking().Where(r => r.LaCode == assessment.LaCode && r.AssessmentId == assessmentId && r.MeetingHeldOn != null)
            .MaxAsync(r => r.MeetingHeldOn, cancellationToken);
        var review = await scheduling.ScheduleNextAsync(assessment, last, now, cancellationToken)
            ?? throw new StepRefusedException("review-not-schedulable", assessment.Stage != AssessmentStage.PlanIssued
                ? "A review is scheduled once the final plan is issued."
                : "This plan already has a review under way.");
        await writing.CommitAsync(AuditActions.ReviewScheduled, $"Due by {UkCalendar.InWords(review.DueBy)}.", "review", cancellationToken);
        return review;
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
        await StepAsync(context, reviewId, lead: true, (r, _, now) => r.ArrangeMeeting(meetingOn, sentOn, now), AuditActions.ReviewMeetingArranged,
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
        await StepAsync(context, reviewId, lead: true, (r, _, now) => r.RecordPapersCirculated(circulatedOn, now), AuditActions.ReviewPapersCirculated,
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
        var (writing, viewed) = await BeginAsync(context, reviewId, cancellationToken);
        var viewer = context.Viewer;
        if (!(viewer.IsStaff || viewer.IsFamily))
        {
            throw new CaseAccessDeniedException();
        }

        var now = writing.Now;
        var kind = viewer.IsFamily ? ReviewContributorKind.Family : ReviewContributorKind.Professional;
        var contribution = viewed.Review.Contribute(kind, viewer.PersonId, context.Actor.DisplayName, viewer.OrganisationId, context.Actor.Organisation,
            kind == ReviewContributorKind.Family ? childViews : null, text, now);
        db.ReviewContributions.Add(contribution);
        await writing.CommitAsync(AuditActions.ReviewContributionGiven,
            kind == ReviewContributorKind.Family ? "The family's views." : $"Advice from {context.Actor.Organisation ?? context.Actor.DisplayName}.", "review", cancellationToken);
        return contribution;
    }

    /// <summary>Reg 18(2): a proposed move between post-16 institutions, with the date 5 months before it.</summary>
    public Task ProposePost16TransferAsync(RequestContext context, Guid reviewId, DateOnly transferOn, CancellationToken cancellationToken = default) =>
        StepAsync(context, reviewId, lead: true, (r, _, now) => r.ProposePost16Transfer(transferOn, now), AuditActions.ReviewPost16TransferProposed,
            $"Move on {UkCalendar.InWords(transferOn)}.", cancellationToken);

    public Task RecordMeetingHeldAsync(RequestContext context, Guid reviewId, DateOnly heldOn, CancellationToken cancellationToken = default) =>
        StepAsync(context, reviewId, lead: true, (r, _, now) => r.RecordMeetingHeld(heldOn, now), AuditActions.ReviewMeetingHeld, UkCalendar.InWords(heldOn), cancellationToken);

    public Task SubmitReportAsync(RequestContext context, Guid reviewId, DateOnly sentOn, ReviewReport report, CancellationToken cancellationToken = default) =>
        StepAsync(context, reviewId, lead: true, (r, viewed, now) => r.SubmitReport(sentOn, report, viewed.PlanContent, now), AuditActions.ReviewReportSubmitted,
            $"Sent {UkCalendar.InWords(sentOn)}; step down {(report.StepDownRecommended ? "recommended" : "not recommended")}; ceasing {(report.CeaseRecommended ? "recommended" : "not recommended")}.", cancellationToken);

    /// <summary>Reg 20(10): the LA's decision; maintaining completes the review and schedules the next from the meeting.</summary>
    public async Task<AppealRights?> DecideAsync(RequestContext context, Guid reviewId, DateOnly decidedOn, ReviewDecision decision, string reasons, CeaseReason? ceaseReason, CancellationToken cancellationToken = default)
    {
        AppealRights? rights = null;
        await StepAsync(context, reviewId, lead: false, (r, _, now) => rights = r.Decide(decidedOn, decision, reasons, ceaseReason, now), AuditActions.ReviewDecided,
            $"{decision} on {UkCalendar.InWords(decidedOn)}.", cancellationToken,
            async (r, viewed, now) =>
            {
                // The decision goes on the case's record and to the family, with their rights (reg 20(10)).
                viewed.Assessment.RecordReviewDecision(decidedOn, r.MeetingHeldOn!.Value, decision, reasons, rights, context.Actor, now, ceaseReason);
                if (decision == ReviewDecision.Maintain)
                {
                    await scheduling.ScheduleNextAsync(viewed.Assessment, r.MeetingHeldOn, now, cancellationToken);
                }
            });
        return rights;
    }

    private async Task StepAsync(RequestContext context, Guid reviewId, bool lead, Action<AnnualReview, ViewedReview, DateTimeOffset> step, AuditAction auditAction, string detail,
        CancellationToken cancellationToken, Func<AnnualReview, ViewedReview, DateTimeOffset, Task>? after = null)
    {
        var (writing, viewed) = await BeginAsync(context, reviewId, cancellationToken);
        if (!(viewed.CanManage || (lead && viewed.CanLead)))
        {
            throw new CaseAccessDeniedException();
        }

        step(viewed.Review, viewed, writing.Now);
        if (after is not null)
        {
            await after(viewed.Review, viewed, writing.Now);
        }

        await writing.CommitAsync(auditAction, detail, "review", cancellationToken);
    }

    /// <summary>A step on a review: its case through <see cref="CaseSteps"/> (a review on a case the viewer cannot see is not found), and the review as the viewer sees it.</summary>
    private async Task<(CaseStep, ViewedReview)> BeginAsync(RequestContext context, Guid reviewId, CancellationToken cancellationToken)
    {
        var review = await db.AnnualReviews.SingleOrDefaultAsync(r => r.Id == reviewId, cancellationToken) ?? throw new CaseNotFoundException();
        var writing = await steps.BeginAsync(context, review.AssessmentId, StepBy.AnyoneWhoSeesTheCase, cancellationToken);
        return (writing, await queries.ViewAsync(context, review, writing.Case, cancellationToken));
    }
}
