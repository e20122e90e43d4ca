using OpenSend.Domain.Common;
using OpenSend.Domain.Reviews;

namespace OpenSend.Domain.Assessments;

/// <summary>
/// What the family reads about each step on their case: on their page, in the email that tells them
/// of it, and in the letter. In one place, apart from the rules, so that the words can be read and
/// changed together (plain English, the date in words, what happens next and their rights) and so
/// that other formats (easy read, another language, a letter by post) have one source. Each sentence
/// speaks to the parent or young person as "you".
/// </summary>
public static class FamilyWording
{
    public static string RequestReceived(DateOnly receivedOn, DateOnly decideBy, IReadOnlyList<string> stillNeeded) =>
        $"The council received the request on {UkCalendar.InWords(receivedOn)}. It must tell you whether it will assess by {UkCalendar.InWords(decideBy)}."
        + (stillNeeded.Count == 0 ? string.Empty
            : $" It will ask you for {string.Join(" and ", stillNeeded)}; the time limits run from the day it received the request all the same.");

    public static string PlanTransferredIn(string fromLaName, DateOnly transferredOn, DateOnly noticeBy) =>
        $"Your child's EHC plan moved from {fromLaName} on {UkCalendar.InWords(transferredOn)}. The plan stays in force. The council must tell you by {UkCalendar.InWords(noticeBy)} whether it will carry out a new assessment and when it will review the plan.";

    public static string TransferNotice(bool proposesAssessment, DateOnly reviewProposedOn) =>
        $"The council told you it now maintains your child's plan. {(proposesAssessment ? "It proposes to carry out a new EHC needs assessment." : "It does not propose a new assessment.")} It plans to review the plan on {UkCalendar.InWords(reviewProposedOn)}.";

    public static string ReviewDecided(DateOnly meetingOn, ReviewDecision decision, AppealRights? rights) =>
        $"After the review meeting on {UkCalendar.InWords(meetingOn)}, the council decided to {WhatTheReviewDecided(decision)}.{AppealUntil(rights)}";

    public static string AmendmentsProposed(bool revised, DateOnly commentsCloseOn) =>
        $"The council sent you {(revised ? "revised " : string.Empty)}proposed changes to the plan. You can comment on them, ask for a meeting and ask for a school or college to be named until {UkCalendar.InWords(commentsCloseOn)}. The amended plan will not be issued before then unless you tell the council you have no further comments.";

    public static string AmendedPlanIssued(AppealRights rights) =>
        $"The council issued the amended EHC plan. If you disagree with the needs, provision or setting in it you can appeal until {UkCalendar.InWords(rights.AppealBy)}.";

    public static string NotAmended(DateOnly noticeOn, AppealRights rights) =>
        $"The council decided not to make the changes it proposed on {UkCalendar.InWords(noticeOn)}. The plan stays as it was.{AppealUntil(rights)}";

    /// <param name="notNamed">Each preference not named, with its ground (s.39(4)).</param>
    public static string PlacementDecided(string namedSetting, string notNamed) =>
        $"The council decided to name {namedSetting} in section I of the plan.{notNamed}";

    public static string PlanCeased(DateOnly ceasedOn) => $"The council stopped maintaining the EHC plan on {UkCalendar.InWords(ceasedOn)}.";

    public static string OrderRecorded(string what, IEnumerable<Timescales.StatutoryDeadline> deadlines) =>
        string.Join(" ", deadlines.Select(d => string.Format(System.Globalization.CultureInfo.InvariantCulture, d.Duty, UkCalendar.InWords(d.Due)) + ".").Prepend(what));

    public static string AssessmentUnderOrderNotified => "The council confirmed it will carry out the assessment the tribunal's decision requires.";

    public static string DecidedToCease(DateOnly decidedOn, AppealRights rights) =>
        $"The council decided on {UkCalendar.InWords(decidedOn)} to stop maintaining the EHC plan. The plan stays in force until the time to appeal has passed or any appeal is decided. {string.Join(" ", rights.Points)}";

    public static string ReassessmentRequested(DateOnly decideBy) =>
        $"The council has a request to re-assess your child's needs. It must tell you whether it will by {UkCalendar.InWords(decideBy)}.";

    public static string DecidedToReassess(DateOnly outcomeBy) =>
        $"The council will re-assess your child's needs. It must send you the amended plan, or tell you the plan will not change, by {UkCalendar.InWords(outcomeBy)}.";

    public static string DecidedNotToReassess(AppealRights rights) =>
        $"The council decided not to re-assess your child's needs. {string.Join(" ", rights.Points)}";

    public static string NoChangeAfterReassessment(AppealRights rights) =>
        $"After re-assessing your child's needs, the council decided the plan will not change. {string.Join(" ", rights.Points)}";

    public const string PlanKept = "Your child's EHC plan will not cease. It stays in force and will be reviewed as usual.";

    /// <param name="what">What the panel recommended the council do, e.g. "carry out an assessment".</param>
    public static string PanelRecommended(DateOnly meetingOn, string what) =>
        $"The multi-agency panel met on {UkCalendar.InWords(meetingOn)} and recommended that the council {what}.";

    public static string DecidedToAssess(DateOnly finalPlanBy) =>
        $"The council decided to carry out an EHC needs assessment. It will ask professionals for advice, and must send the final plan by {UkCalendar.InWords(finalPlanBy)} if it issues one.";

    public static string DecidedNotToAssess(AppealRights rights) =>
        $"The council decided not to carry out an EHC needs assessment.{AppealUntil(rights)}";

    public static string AdviceRequested(AdviserKind kind, DateOnly dueBy) =>
        $"The council asked for {kind.Title().ToLowerInvariant()}. It is due by {UkCalendar.InWords(dueBy)}.";

    public static string AdviceReceived(AdviserKind kind) => $"The council received {kind.Title().ToLowerInvariant()}.";

    public static string DecidedToIssue(DateOnly finalPlanBy) =>
        $"The council decided to issue an EHC plan. You will be sent a draft first, with at least 15 days to comment. The final plan must be sent by {UkCalendar.InWords(finalPlanBy)}.";

    public static string DecidedNotToIssue(AppealRights rights) =>
        $"The council decided not to issue an EHC plan.{AppealUntil(rights)}";

    public static string DraftServed(int draftNumber, DateOnly commentsCloseOn) =>
        $"The council sent you draft plan {draftNumber}. You have until {UkCalendar.InWords(commentsCloseOn)} to comment on it, ask for a meeting and ask for a school or college to be named.";

    public static string Representations(bool noFurtherComments) => noFurtherComments
        ? "You told the council you have no further comments on the draft plan."
        : "Your comments on the draft plan were recorded.";

    public static string FinalPlanIssued(AppealRights rights, DateOnly reviewBy) =>
        $"The council issued the final EHC plan. If you disagree with the needs, provision or setting in it you can appeal until {UkCalendar.InWords(rights.AppealBy)}. It must be reviewed by {UkCalendar.InWords(reviewBy)}.";

    /// <param name="ground">The ground's title, e.g. "Exceptional personal circumstances of the child or family".</param>
    public static string ExceptionRecorded(string ground) => $"The council recorded a reason it may not meet a time limit: {ground.ToLowerInvariant()}.";

    public const string Withdrawn = "The request was withdrawn. You can make a new request at any time.";

    public static string TransferredOut(string receivingLaName) =>
        $"Your family has moved and {receivingLaName} is now responsible. Its own time limits start from the day it became responsible (Children and Families Act 2014 s.24).";

    private static string WhatTheReviewDecided(ReviewDecision decision) => decision switch
    {
        ReviewDecision.Maintain => "keep your child's plan as it is",
        ReviewDecision.Amend => "change your child's plan. You will be sent the proposed changes and have at least 15 days to comment before the amended plan is issued",
        _ => "stop maintaining your child's plan. The plan stays in force until the time to appeal has passed or any appeal is decided",
    };

    private static string AppealUntil(AppealRights? rights) => rights is null ? string.Empty : $" You can appeal until {UkCalendar.InWords(rights.AppealBy)}.";
}
