using Microsoft.EntityFrameworkCore;
using OpenSend.Data.Database;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Common;
using OpenSend.Domain.Identity;
using OpenSend.Domain.Reviews;

namespace OpenSend.Data.Reviews;

/// <summary>
/// When a plan's next review falls due (s.44; reg 18; CoP 9.178), and what a plan's amendment does
/// to the review that asked for it (reg 22). Called inside another service's unit of work: nothing
/// here saves.
/// </summary>
public sealed class ReviewScheduling(OpenSendDbContext db)
{
    /// <summary>
    /// Adds the case's next review if it has none open: due by s.44(1) (or reg 15(5) after a transfer,
    /// or sooner for an under-5 or a phase transfer). Saved by the caller's transaction.
    /// </summary>
    public async Task<AnnualReview?> ScheduleNextAsync(EhcCase assessment, DateOnly? lastReviewOn, DateTimeOffset now, CancellationToken cancellationToken = default)
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
    private async Task<SettingAgeRange?> NamedSettingAgesAsync(EhcCase assessment, CancellationToken cancellationToken)
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

    /// <summary>Called by plan drafting when an amended draft is issued: the proposed amendments of reg 22(2). Returns the review it carries out, if any.</summary>
    internal async Task<Guid?> OnAmendedDraftAsync(EhcCase assessment, DateOnly issuedOn, DateTimeOffset now, CancellationToken cancellationToken)
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
    internal async Task OnAmendedFinalAsync(EhcCase assessment, DateOnly issuedOn, bool familyHasNoFurtherComments, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await AmendingAsync(assessment, cancellationToken) is { } review)
        {
            review.RecordAmendedPlanIssued(issuedOn, familyHasNoFurtherComments, now);
            await ScheduleNextAsync(assessment, review.MeetingHeldOn, now, cancellationToken);
        }
    }

    /// <summary>Called by plan drafting when the council decides not to amend (reg 22(4)): the review completes and the next is scheduled from its meeting.</summary>
    internal async Task OnNotAmendedAsync(EhcCase assessment, DateOnly decidedOn, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await AmendingAsync(assessment, cancellationToken) is { AmendmentNoticeOn: not null } review)
        {
            review.RecordNotAmended(decidedOn, now);
            await ScheduleNextAsync(assessment, review.MeetingHeldOn, now, cancellationToken);
        }
    }

    private async Task<AnnualReview?> AmendingAsync(EhcCase assessment, CancellationToken cancellationToken) =>
        await db.AnnualReviews.SingleOrDefaultAsync(r => r.LaCode == assessment.LaCode && r.AssessmentId == assessment.Id && r.Stage == ReviewStage.Amending, cancellationToken);
}
