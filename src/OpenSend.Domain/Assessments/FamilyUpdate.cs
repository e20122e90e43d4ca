using OpenSend.Domain.Common;
using OpenSend.Domain.Timescales;

namespace OpenSend.Domain.Assessments;

/// <summary>A date the family is waiting for, in words they can act on.</summary>
public sealed record FamilyDate(DateOnly Due, string Text, string Basis, bool Overdue);

/// <summary>
/// What a family sees on its tracking page: where the request is, every statutory date still
/// ahead ("The council must tell you whether it will assess by 16 February 2026"), and what
/// happens next. One place, used by the page and the API alike.
/// </summary>
public sealed record FamilyUpdate(
    string Status,
    IReadOnlyList<FamilyDate> DatesAhead,
    IReadOnlyList<string> WhatHappensNext,
    DateOnly? AppealBy)
{
    public static FamilyUpdate For(EhcCase assessment, DateOnly today)
    {
        var rules = assessment.RuleSet;
        var dates = assessment.Deadlines(today)
            .Where(d => d.IsOpen)
            .Select(d => new FamilyDate(d.Deadline.Due, Duty(d), d.Deadline.Basis, d.State == DeadlineState.Overdue))
            .ToList();
        if (assessment.Stage == AssessmentStage.DraftServed && assessment.RepresentationsCloseOn is { } closes && closes >= today)
        {
            var rule = rules.Rule(StatutoryStep.RepresentationsClose);
            dates.Add(new FamilyDate(closes, string.Format(System.Globalization.CultureInfo.InvariantCulture, rule.Duty, UkCalendar.InWords(closes)), rule.Basis, false));
        }

        DateOnly? appealBy = null;
        var next = new List<string>();
        switch (assessment.Stage)
        {
            case AssessmentStage.RequestReceived:
                next.Add("The council will look at the information it has and decide whether an EHC needs assessment is needed.");
                if (rules.Policy.PanelRecommendationRequired)
                {
                    next.Add("A multi-agency panel, including education, health, social care and parent carer representatives, will make a recommendation first.");
                }

                next.Add("If it decides not to assess, it will tell you why and how to appeal.");
                break;
            case AssessmentStage.Assessing:
                next.Add("The council is asking professionals for advice. Each has 6 weeks from being asked.");
                next.Add("You will be asked for your views, and your child's or young person's views.");
                next.Add("The council will then decide whether to issue an EHC plan.");
                break;
            case AssessmentStage.DraftingPlan:
                next.Add("The council is writing a draft EHC plan. When it is sent to you, you will have at least 15 days to comment, ask for a meeting and ask for a school or college to be named.");
                break;
            case AssessmentStage.DraftServed:
                next.Add("Read the draft plan. Tell the council what you think, ask for a meeting, and say which school or college you would like named.");
                next.Add("The council will then issue the final plan.");
                break;
            case AssessmentStage.PlanIssued when assessment.CeaseDecidedOn is { } ceaseDecided:
                // s.45, regs 29-31: the plan stays in force while an appeal is possible.
                appealBy = assessment.RuleSet.AppealBy(ceaseDecided);
                next.Add($"The council decided on {UkCalendar.InWords(ceaseDecided)} to stop maintaining your child's EHC plan.");
                next.AddRange(AppealRights.For(AppealableDecision.ToCease, ceaseDecided, rules).Points);
                break;
            case AssessmentStage.PlanIssued when assessment.TransferredInOn is not null && assessment.LatestAppealBy is null:
                // Reg 15: the plan moved with the child; the appeal rights on it were given by the old LA.
                next.Add("Your child's EHC plan moved with you from your previous council and stays in force.");
                next.Add(assessment.TransferNoticeOn is null
                    ? "The council will tell you whether it plans a new assessment and when it will review the plan."
                    : $"The council plans to review the plan on {UkCalendar.InWords(assessment.TransferReviewProposedOn!.Value)}.");
                break;
            case AssessmentStage.PlanIssued:
                // The latest appealable decision on the plan: an amended plan or a decision not to
                // amend gives a new date (s.51(2)(c), (e)); records older than it have only the final's.
                appealBy = assessment.LatestAppealBy ?? AppealByFor(assessment, PathwayAction.IssueFinalPlan);
                if (OpenAmendment(assessment) is { } amendment)
                {
                    // Reg 22(2)-(3): the family's 15 days on the latest proposal, and the 8 weeks from the first.
                    var comments = rules.Rule(StatutoryStep.RepresentationsClose);
                    var amended = rules.Rule(StatutoryStep.AmendedPlanAfterNotice);
                    var commentsClose = comments.DueFrom(amendment.LatestDraftOn);
                    var amendedBy = amended.DueFrom(amendment.NoticeOn);
                    if (commentsClose >= today)
                    {
                        dates.Add(new FamilyDate(commentsClose, $"You can comment on the proposed changes to the plan until {UkCalendar.InWords(commentsClose)}", "SEND Regulations 2014 reg 22(2)(c)", false));
                    }

                    dates.Add(new FamilyDate(amendedBy, $"The council must send you the amended plan, or tell you it will not make the changes, by {UkCalendar.InWords(amendedBy)}", "SEND Regulations 2014 reg 22(3)–(4)", amendedBy < today));
                    next.Add("Read the proposed changes to the plan and tell the council what you think. The council will then issue the amended plan, or tell you it will not make the changes; either way you can appeal.");
                }

                next.Add("The plan must be reviewed at least every 12 months.");
                next.Add($"If you disagree with the needs, provision or setting in the plan, you can appeal to the SEND Tribunal until {UkCalendar.InWords(appealBy!.Value)}.");
                break;
            case AssessmentStage.NotAssessing:
            case AssessmentStage.NotIssuing:
                appealBy = AppealByFor(assessment, assessment.Stage == AssessmentStage.NotAssessing ? PathwayAction.DecideNotToAssess : PathwayAction.DecideNotToIssue);
                var decision = assessment.Stage == AssessmentStage.NotAssessing ? AppealableDecision.NotToAssess : AppealableDecision.NotToIssue;
                next.AddRange(AppealRights.For(decision, assessment.ClosedOn!.Value, rules).Points);
                break;
            case AssessmentStage.Withdrawn:
                next.Add("Nothing more will happen on this request. You can make a new request at any time.");
                break;
            case AssessmentStage.PlanCeased:
                next.Add($"The council stopped maintaining the EHC plan on {UkCalendar.InWords(assessment.PlanCeasedOn!.Value)}.");
                if (assessment.CeaseReason is not Reviews.CeaseReason.Died)
                {
                    next.Add("You can ask the council for a new EHC needs assessment at any time if needs change.");
                }

                break;
            case AssessmentStage.TransferredOut:
                next.Add("Your new council is now responsible and will contact you. Its time limits start from the day it became responsible.");
                break;
        }

        return new FamilyUpdate(assessment.Stage.FamilyTitle(), dates.OrderBy(d => d.Due).ToList(), next, appealBy);
    }

    private static string Duty(DeadlineProgress progress)
    {
        var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, progress.Deadline.Duty, UkCalendar.InWords(progress.Deadline.Due));
        return progress.State == DeadlineState.Overdue ? $"{text}. This date has passed." : text;
    }

    /// <summary>The amendment in hand, if any: its first notice and its latest proposal, read from the case's record.</summary>
    private static (DateOnly NoticeOn, DateOnly LatestDraftOn)? OpenAmendment(EhcCase assessment)
    {
        var since = assessment.Timeline
            .Reverse()
            .TakeWhile(e => e.Action is not (PathwayAction.IssueAmendedPlan or PathwayAction.DecideNotToAmend or PathwayAction.IssueFinalPlan or PathwayAction.ReceiveTransferredPlan))
            .Where(e => e.Action == PathwayAction.ProposeAmendments)
            .Select(e => e.OccurredOn)
            .ToList();
        return since.Count == 0 ? null : (since.Min(), since.Max());
    }

    private static DateOnly AppealByFor(EhcCase assessment, PathwayAction action)
    {
        var decided = assessment.Timeline.Last(e => e.Action == action).OccurredOn;
        return assessment.RuleSet.AppealBy(decided);
    }
}
