using OpenSend.Domain.Assessments;
using OpenSend.Domain.Common;
using OpenSend.Domain.Plans;
using OpenSend.Domain.Timescales;

namespace OpenSend.Domain.Reviews;

/// <summary>The ages a setting takes (GIAS statutory low and high age), which say when its pupils move on.</summary>
public sealed record SettingAgeRange(int LowAge, int HighAge);

/// <summary>When a review is due by law (s.44(1)) and, for an under-5, when the Code of Practice recommends it (9.178).</summary>
public sealed record ReviewDates(DateOnly DueBy, DateOnly? RecommendedBy);

/// <summary>The next move between phases of education (reg 2(1)) and reg 18's date for it.</summary>
public sealed record UpcomingPhaseTransfer(PhaseTransferKind Kind, DateOnly TransferOn, StatutoryDeadline Deadline);

/// <summary>
/// When a plan in force must next be reviewed, and the next phase transfer. A plan is reviewed in
/// the 12 months beginning with the date it was made, then in each 12 months beginning with its
/// last review (s.44(1)); for a child under 5 the SEND Code of Practice (9.178) asks for a review
/// every 3 to 6 months, the interval each LA sets.
/// </summary>
public static class ReviewSchedule
{
    /// <summary>The CoP's range for under-5s' reviews (9.178).</summary>
    public const int ShortestUnderFivesInterval = 3;

    public const int LongestUnderFivesInterval = 6;

    /// <summary>
    /// The day by which the next review must be held (s.44(1): 12 months beginning with the plan or the
    /// last review) and, for a child under 5, the earlier day the Code of Practice recommends (9.178:
    /// every 3 to 6 months). The recommendation is guidance, not a time limit: missing it is a
    /// "recommended review overdue", never a breach of s.44.
    /// </summary>
    public static ReviewDates NextReviewDates(StatutoryRuleSet rules, DateOnly planMadeOn, DateOnly? lastReviewOn, DateOnly dateOfBirth, int underFivesIntervalMonths)
    {
        if (underFivesIntervalMonths is < ShortestUnderFivesInterval or > LongestUnderFivesInterval)
        {
            throw new StepRefusedException("under-fives-interval",
                $"The review interval for children under 5 must be between {ShortestUnderFivesInterval} and {LongestUnderFivesInterval} months (SEND Code of Practice 9.178).");
        }

        var from = lastReviewOn ?? planMadeOn;
        var statutory = rules.Rule(StatutoryStep.AnnualReview).DueFrom(from);
        var underFive = new CalendarMonthsBeginningWith(underFivesIntervalMonths).CountFrom(from);
        // The shorter interval applies while the child is under 5 on the day it would fall due.
        return new ReviewDates(statutory, CompulsorySchoolAge.AgeOn(dateOfBirth, underFive) < 5 && underFive < statutory ? underFive : null);
    }

    /// <summary>
    /// The next transfer between phases of education after <paramref name="today"/>, from the child's
    /// usual year group and, where known, the ages the current setting takes: an infant school (to 7)
    /// sends pupils on after year 2, a first school (to 9) after year 4, a middle school (to 12 or 13)
    /// after year 7 or 8; without a setting, the usual moves are into reception, into year 7 and into
    /// year 12. A school whose sixth form keeps pupils to 18 is no transfer at 16. Null after 16.
    /// </summary>
    public static UpcomingPhaseTransfer? NextPhaseTransfer(StatutoryRuleSet rules, DateOnly dateOfBirth, DateOnly today, SettingAgeRange? setting)
    {
        var year = SchoolYear.Of(dateOfBirth, today);
        var septemberThisSchoolYear = today.Month >= 9 ? today.Year : today.Year - 1;
        UpcomingPhaseTransfer At(PhaseTransferKind kind, int intoYearGroup)
        {
            var transferYear = septemberThisSchoolYear + (intoYearGroup - year);
            return new UpcomingPhaseTransfer(kind, new DateOnly(transferYear, 9, 1), rules.PhaseTransferDeadline(kind, transferYear));
        }

        if (year < 0)
        {
            return At(PhaseTransferKind.EarlyYearsToSchool, 0);
        }

        if (setting is { HighAge: var high })
        {
            // A setting's last year group is its high age less 5 (year 6 pupils are 10 to 11).
            var lastYearGroup = high - 5;
            var kind = high switch
            {
                <= 7 => PhaseTransferKind.InfantToJunior,
                <= 10 => PhaseTransferKind.PrimaryToMiddle,
                <= 11 => PhaseTransferKind.PrimaryToSecondary,
                <= 13 => PhaseTransferKind.MiddleToSecondary,
                <= 16 => PhaseTransferKind.SecondaryToPost16,
                _ => (PhaseTransferKind?)null,
            };
            if (kind is { } k && year <= lastYearGroup)
            {
                return At(k, lastYearGroup + 1);
            }

            if (kind is null && year <= 11)
            {
                return null;
            }
        }

        return year switch
        {
            <= 6 => At(PhaseTransferKind.PrimaryToSecondary, 7),
            <= 11 => At(PhaseTransferKind.SecondaryToPost16, 12),
            _ => null,
        };
    }
}
