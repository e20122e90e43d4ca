using OpenSend.Domain.Common;
using OpenSend.Domain.Plans;

namespace OpenSend.Domain.Tests.Plans;

public class EhcPlanTests
{
    private static readonly Actor Caseworker = new("cw-1", "Sam Carter", "LaCaseworker", "Demoshire County Council");
    private static readonly DateTimeOffset Now = new(2026, 6, 15, 11, 0, 0, TimeSpan.Zero);

    private static EhcPlan Plan(PlanContent? content = null) => EhcPlan.Start(Guid.NewGuid(), "999", content ?? SmallPlan.Draft(), Now);

    [Fact]
    public void TheStage_FollowsTheVersions_AndAFinalOnlyFollowsADraft()
    {
        var plan = Plan();
        Assert.Equal(PlanStage.Drafting, plan.Stage);
        Assert.Equal("final-without-draft", Assert.Throws<StepRefusedException>(() => plan.IssueFinal(new DateOnly(2026, 6, 15), SmallPlan.DateOfBirth, Caseworker, Now)).Code);

        plan.IssueDraft(new DateOnly(2026, 6, 1), null, SmallPlan.DateOfBirth, Caseworker, Now);
        Assert.Equal(PlanStage.DraftIssued, plan.Stage);
        plan.Edit(c => c.WithSetting(new NamedSetting("Oakfield Primary School", "100001", null, null)), Now);
        plan.IssueFinal(new DateOnly(2026, 6, 15), SmallPlan.DateOfBirth, Caseworker, Now);
        Assert.Equal(PlanStage.InForce, plan.Stage);

        var amendedFinalFirst = Assert.Throws<StepRefusedException>(() => plan.IssueFinal(new DateOnly(2026, 6, 15), SmallPlan.DateOfBirth, Caseworker, Now));
        Assert.Equal("final-without-draft", amendedFinalFirst.Code);
        Assert.Contains("amended draft first", amendedFinalFirst.Message);

        plan.IssueDraft(new DateOnly(2026, 6, 15), "Annual review", SmallPlan.DateOfBirth, Caseworker, Now);
        Assert.Equal(PlanStage.AmendmentDrafted, plan.Stage);
    }

    [Fact]
    public void TheTable_AllowsAFinalOnlyWhereADraftIsWithTheFamily()
    {
        var allowed = Enum.GetValues<PlanStage>().Where(stage => PlanTransitions.IsAllowed(stage, PlanAction.IssueFinal));

        Assert.Equal([PlanStage.DraftIssued, PlanStage.AmendmentDrafted], allowed);
        Assert.All(Enum.GetValues<PlanStage>(), stage => Assert.True(PlanTransitions.IsAllowed(stage, PlanAction.Edit) && PlanTransitions.IsAllowed(stage, PlanAction.IssueDraft)));
    }

    [Fact]
    public void IssueDraft_ThenFinal_NumbersTheVersionsAndKeepsEachAsIssued()
    {
        var plan = Plan();

        var draft = plan.IssueDraft(new DateOnly(2026, 6, 1), null, SmallPlan.DateOfBirth, Caseworker, Now);
        plan.Edit(c => c.WithSetting(new NamedSetting("Oakfield Primary School", "100001", null, null)), Now);
        var final = plan.IssueFinal(new DateOnly(2026, 6, 15), SmallPlan.DateOfBirth, Caseworker, Now);
        plan.Edit(c => c.WithoutProvision(SmallPlan.Provision), Now);

        Assert.Equal(("Draft 1", 1), (draft.Label, draft.Number));
        Assert.Equal(("Final 1", 2), (final.Label, final.Number));
        Assert.Null(draft.Content.SectionI);
        Assert.Equal("Oakfield Primary School", final.Content.SectionI!.Name);
        // Editing the working copy never reaches an issued version.
        Assert.Single(final.Content.Provision);
        Assert.True(plan.IsInForce);
    }

    [Fact]
    public void IssueDraft_WithErrors_IsRefusedWithEveryError_AndAddsNoVersion()
    {
        var plan = Plan(PlanQualityCheckTests.Break(PlanQualityCheckTests.Break(SmallPlan.Draft(), "no funder"), "no frequency"));

        var refused = Assert.Throws<PlanDefectsException>(() => plan.IssueDraft(new DateOnly(2026, 6, 1), null, SmallPlan.DateOfBirth, Caseworker, Now));

        Assert.Equal([PlanQualityRules.ProvisionNotQuantified, PlanQualityRules.ProvisionWithoutFunder], refused.Errors.Select(e => e.RuleCode).Order());
        Assert.Equal("The draft plan cannot be issued: the quality check found 2 errors to put right.", refused.Message);
        Assert.Empty(plan.Versions);
    }

    [Fact]
    public void IssueDraft_WithOnlyWarnings_IsIssuedWithTheWarningsRecorded()
    {
        var plan = Plan(PlanQualityCheckTests.Break(SmallPlan.Draft(), "no deliverer"));

        var draft = plan.IssueDraft(new DateOnly(2026, 6, 1), null, SmallPlan.DateOfBirth, Caseworker, Now);

        Assert.Equal(PlanQualityRules.ProvisionWithoutDeliverer, Assert.Single(draft.Warnings).RuleCode);
    }

    [Fact]
    public void IssueFinal_WithoutADraft_IsRefused()
    {
        var plan = Plan(SmallPlan.Final());

        var refused = Assert.Throws<StepRefusedException>(() => plan.IssueFinal(new DateOnly(2026, 6, 15), SmallPlan.DateOfBirth, Caseworker, Now));

        Assert.Equal("final-without-draft", refused.Code);
    }

    [Fact]
    public void IssueFinal_WithChangesTheFamilyHasNotSeen_IsRefusedNamingTheSections()
    {
        var plan = Plan();
        plan.IssueDraft(new DateOnly(2026, 6, 1), null, SmallPlan.DateOfBirth, Caseworker, Now);
        plan.Edit(c => c.WithSetting(new NamedSetting("Oakfield Primary School", "100001", null, null))
            .WithProvision(c.Provision[0] with { Frequency = "1 session a week" }), Now);

        var refused = Assert.Throws<StepRefusedException>(() => plan.IssueFinal(new DateOnly(2026, 6, 15), SmallPlan.DateOfBirth, Caseworker, Now));

        Assert.Equal("changed-since-draft", refused.Code);
        Assert.Equal("Sections F have changed since Draft 1. Issue a new draft so the family can comment on the changes, or undo them.", refused.Message);
    }

    [Fact]
    public void IssueDraft_AfterTheFinal_IsAnAmendmentThatNeedsAReason()
    {
        var plan = Plan();
        plan.IssueDraft(new DateOnly(2026, 6, 1), null, SmallPlan.DateOfBirth, Caseworker, Now);
        plan.Edit(c => c.WithSetting(new NamedSetting("Oakfield Primary School", "100001", null, null)), Now);
        plan.IssueFinal(new DateOnly(2026, 6, 15), SmallPlan.DateOfBirth, Caseworker, Now);
        plan.Edit(c => c.WithSetting(null).WithProvision(c.Provision[0] with { Frequency = "3 sessions a week" }), Now);

        var noReason = Assert.Throws<StepRefusedException>(() => plan.IssueDraft(new DateOnly(2026, 6, 15), " ", SmallPlan.DateOfBirth, Caseworker, Now));
        var amended = plan.IssueDraft(new DateOnly(2026, 6, 15), "Annual review: more therapy recommended", SmallPlan.DateOfBirth, Caseworker, Now);
        plan.Edit(c => c.WithSetting(new NamedSetting("Oakfield Primary School", "100001", null, null)), Now);
        var amendedFinal = plan.IssueFinal(new DateOnly(2026, 6, 15), SmallPlan.DateOfBirth, Caseworker, Now);

        Assert.Equal("amendment-reason", noReason.Code);
        Assert.Equal("Amended draft 2", amended.Label);
        Assert.Equal("Amended final 2", amendedFinal.Label);
        Assert.Equal("Annual review: more therapy recommended", amendedFinal.Reason);
    }

    [Fact]
    public void IssueDraft_DatedInTheFuture_IsRefused()
    {
        var refused = Assert.Throws<StepRefusedException>(() => Plan().IssueDraft(new DateOnly(2026, 6, 16), null, SmallPlan.DateOfBirth, Caseworker, Now));

        Assert.Equal("date-in-future", refused.Code);
    }

    [Fact]
    public void WithoutNeed_RemovesEveryLinkToIt()
    {
        var content = SmallPlan.Draft().WithoutNeed(SmallPlan.Need);

        Assert.Empty(content.Needs);
        Assert.Empty(content.Outcomes[0].NeedIds);
        Assert.Empty(content.Provision[0].NeedIds);
    }

    [Fact]
    public void WithProvision_ForAnOutcomeNotInThePlan_IsRefused()
    {
        var refused = Assert.Throws<StepRefusedException>(() => SmallPlan.Draft().WithProvision(SmallPlan.Draft().Provision[0] with { OutcomeIds = [Guid.NewGuid()] }));

        Assert.Equal("provision-unknown-outcome", refused.Code);
    }
}
