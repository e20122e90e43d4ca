namespace OpenSend.Domain.Assessments;

/// <summary>
/// The one table of which step may be recorded at which stage, and the stage it leads to
/// (convention 1, ../shared/spec/code-style.md). Anything not in the table is refused.
/// </summary>
public static class PathwayTransitions
{
    private static readonly Dictionary<(AssessmentStage From, PathwayAction Action), AssessmentStage> Table = Build();

    private static Dictionary<(AssessmentStage, PathwayAction), AssessmentStage> Build()
    {
        var table = new Dictionary<(AssessmentStage, PathwayAction), AssessmentStage>();

        void Allow(AssessmentStage from, PathwayAction action, AssessmentStage to) => table.Add((from, action), to);

        void AllowOnEveryOpenStage(PathwayAction action, AssessmentStage? to = null)
        {
            foreach (var stage in AssessmentStageText.Open)
            {
                Allow(stage, action, to ?? stage);
            }
        }

        // Reg 5(1): the first decision is whether to assess.
        Allow(AssessmentStage.RequestReceived, PathwayAction.RecordPanelRecommendation, AssessmentStage.RequestReceived);
        Allow(AssessmentStage.RequestReceived, PathwayAction.DecideToAssess, AssessmentStage.Assessing);
        Allow(AssessmentStage.RequestReceived, PathwayAction.DecideNotToAssess, AssessmentStage.NotAssessing);

        // Regs 6–8: advice is sought and given during the assessment; late advice may still arrive
        // while the plan is drafted.
        Allow(AssessmentStage.Assessing, PathwayAction.RequestAdvice, AssessmentStage.Assessing);
        Allow(AssessmentStage.Assessing, PathwayAction.RecordAdviceReceived, AssessmentStage.Assessing);
        Allow(AssessmentStage.DraftingPlan, PathwayAction.RecordAdviceReceived, AssessmentStage.DraftingPlan);
        Allow(AssessmentStage.Assessing, PathwayAction.RecordPanelRecommendation, AssessmentStage.Assessing);

        // s.37(1) and reg 10(1): whether to issue a plan.
        Allow(AssessmentStage.Assessing, PathwayAction.DecideToIssue, AssessmentStage.DraftingPlan);
        Allow(AssessmentStage.Assessing, PathwayAction.DecideNotToIssue, AssessmentStage.NotIssuing);

        // Reg 13: a draft, representations (a revised draft restarts the 15 days), the final plan.
        Allow(AssessmentStage.DraftingPlan, PathwayAction.ServeDraftPlan, AssessmentStage.DraftServed);
        Allow(AssessmentStage.DraftServed, PathwayAction.ServeDraftPlan, AssessmentStage.DraftServed);
        Allow(AssessmentStage.DraftServed, PathwayAction.RecordRepresentations, AssessmentStage.DraftServed);
        Allow(AssessmentStage.DraftServed, PathwayAction.IssueFinalPlan, AssessmentStage.PlanIssued);

        // Exceptions may be recorded while the case is open, and after a late outcome (a late
        // final plan or decision) so the breach is reported with its reason.
        AllowOnEveryOpenStage(PathwayAction.RecordException);
        Allow(AssessmentStage.PlanIssued, PathwayAction.RecordException, AssessmentStage.PlanIssued);
        Allow(AssessmentStage.NotIssuing, PathwayAction.RecordException, AssessmentStage.NotIssuing);
        Allow(AssessmentStage.NotAssessing, PathwayAction.RecordException, AssessmentStage.NotAssessing);

        // Reg 15(4): a plan received from another LA is in force; the family is told within 6 weeks.
        Allow(AssessmentStage.PlanIssued, PathwayAction.RecordTransferNotice, AssessmentStage.PlanIssued);

        // Reg 20(10): each review's decision goes on the case's record, and to the family, with their rights.
        Allow(AssessmentStage.PlanIssued, PathwayAction.RecordReviewDecision, AssessmentStage.PlanIssued);

        // Reg 22: every amendment of a plan in force, from a review or not: the proposed amendments,
        // then the amended plan or a decision not to amend, each with the family's rights.
        Allow(AssessmentStage.PlanIssued, PathwayAction.ProposeAmendments, AssessmentStage.PlanIssued);
        Allow(AssessmentStage.PlanIssued, PathwayAction.IssueAmendedPlan, AssessmentStage.PlanIssued);
        Allow(AssessmentStage.PlanIssued, PathwayAction.DecideNotToAmend, AssessmentStage.PlanIssued);

        // ss.38–40: the school or college is named after the draft (when the family has said what they
        // prefer), or in an amendment of a plan in force.
        Allow(AssessmentStage.DraftServed, PathwayAction.RecordPlacementDecision, AssessmentStage.DraftServed);
        Allow(AssessmentStage.PlanIssued, PathwayAction.RecordPlacementDecision, AssessmentStage.PlanIssued);

        // s.45, regs 29–31: a plan the LA decided to cease stays in force until the family's time to
        // appeal has passed or their appeal is decided; then it ceases, or it is kept.
        Allow(AssessmentStage.PlanIssued, PathwayAction.CeasePlan, AssessmentStage.PlanCeased);
        Allow(AssessmentStage.PlanIssued, PathwayAction.KeepPlan, AssessmentStage.PlanIssued);

        // Regs 44–45: an order, or the council's notice that it will not oppose an appeal, reopens a
        // case closed by the decision appealed, or binds the plan in force.
        Allow(AssessmentStage.NotAssessing, PathwayAction.AssessUnderOrder, AssessmentStage.Assessing);
        Allow(AssessmentStage.NotIssuing, PathwayAction.MakePlanUnderOrder, AssessmentStage.DraftingPlan);
        Allow(AssessmentStage.PlanIssued, PathwayAction.RecordOrderOnPlan, AssessmentStage.PlanIssued);
        Allow(AssessmentStage.Assessing, PathwayAction.NotifyAssessmentUnderOrder, AssessmentStage.Assessing);
        Allow(AssessmentStage.PlanIssued, PathwayAction.NotifyAssessmentUnderOrder, AssessmentStage.PlanIssued);

        // Regs 24–27: a plan in force may be re-assessed; it ends with an amended plan or a notice of no change.
        Allow(AssessmentStage.PlanIssued, PathwayAction.RequestReassessment, AssessmentStage.PlanIssued);
        Allow(AssessmentStage.PlanIssued, PathwayAction.DecideToReassess, AssessmentStage.PlanIssued);
        Allow(AssessmentStage.PlanIssued, PathwayAction.DecideNotToReassess, AssessmentStage.PlanIssued);
        Allow(AssessmentStage.PlanIssued, PathwayAction.NotifyNoChangeAfterReassessment, AssessmentStage.PlanIssued);

        // s.45: the council may decide to cease a plan at any time it is no longer responsible or the
        // plan is no longer necessary, not only after a review.
        Allow(AssessmentStage.PlanIssued, PathwayAction.DecideToCease, AssessmentStage.PlanIssued);

        AllowOnEveryOpenStage(PathwayAction.Withdraw, AssessmentStage.Withdrawn);
        AllowOnEveryOpenStage(PathwayAction.TransferOut, AssessmentStage.TransferredOut);
        return table;
    }

    public static bool IsAllowed(AssessmentStage from, PathwayAction action) => Table.ContainsKey((from, action));

    public static AssessmentStage? Next(AssessmentStage from, PathwayAction action) =>
        Table.TryGetValue((from, action), out var to) ? to : null;

    /// <summary>The steps a caseworker can record now, in the order they usually happen.</summary>
    public static IReadOnlyList<PathwayAction> AllowedFrom(AssessmentStage stage) =>
        Enum.GetValues<PathwayAction>().Where(a => Table.ContainsKey((stage, a))).ToList();
}
