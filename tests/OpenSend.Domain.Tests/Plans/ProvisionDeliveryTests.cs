using OpenSend.Domain.Common;
using OpenSend.Domain.Identity;
using OpenSend.Domain.Plans;

namespace OpenSend.Domain.Tests.Plans;

/// <summary>Issue 22: a report on provision is made only against the plan in force, kept as made, and answered once.</summary>
public class ProvisionDeliveryTests
{
    private static readonly Actor Caseworker = new("cw-1", "Sam Carter", "LaCaseworker", "Demoshire County Council");
    private static readonly DateTimeOffset Now = new(2026, 6, 15, 11, 0, 0, TimeSpan.Zero);

    private static EhcPlan InForce()
    {
        var plan = EhcPlan.Start(Guid.NewGuid(), "999", SmallPlan.Draft(), Now);
        plan.IssueDraft(new DateOnly(2026, 6, 1), null, SmallPlan.DateOfBirth, Caseworker, Now);
        plan.Edit(c => c.WithSetting(new NamedSetting("Oakfield Primary School", "100001", null, null)), Now);
        plan.IssueFinal(new DateOnly(2026, 6, 15), SmallPlan.DateOfBirth, Caseworker, Now);
        return plan;
    }

    private static ProvisionDeliveryReport Report(EhcPlan plan, DeliveryState state, string? note, DateTimeOffset at, FamilyOrSetting reporter = FamilyOrSetting.Family) =>
        ProvisionDeliveryReport.Make(plan, SmallPlan.Provision, reporter, reporter == FamilyOrSetting.Family ? "Parent or carer" : "Oakfield Primary School", null, null, state, note, at);

    [Fact]
    public void OnlyThePlanInForce_IsReportedOn_NeverADraftOrTheWorkingCopy()
    {
        var drafting = EhcPlan.Start(Guid.NewGuid(), "999", SmallPlan.Draft(), Now);
        Assert.Equal("no-plan-in-force", Assert.Throws<StepRefusedException>(() => Report(drafting, DeliveryState.BeingDelivered, null, Now)).Code);

        var plan = InForce();
        var added = new PlanProvision(Guid.NewGuid(), PlanSection.F, "Added to the working copy", "TA", "Daily", "1 hour", "1:1", null, Funder.Education, [], []);
        plan.Edit(c => c.WithProvision(added with { NeedIds = [SmallPlan.Need] }), Now);
        Assert.Equal("delivery-unknown-provision", Assert.Throws<StepRefusedException>(() =>
            ProvisionDeliveryReport.Make(plan, added.Id, FamilyOrSetting.Family, "Parent or carer", null, null, DeliveryState.BeingDelivered, null, Now)).Code);

        var report = Report(plan, DeliveryState.BeingDelivered, "  ", Now);
        Assert.Equal((plan.LatestFinal!.Number, PlanSection.F, (string?)null), (report.VersionNumber, report.Section, report.Note));
    }

    [Fact]
    public void TheLatestWordOfEachReporter_IsWhatTheySayNow()
    {
        var plan = InForce();
        var reports = new[]
        {
            Report(plan, DeliveryState.NotDelivered, "None since Easter.", Now),
            Report(plan, DeliveryState.BeingDelivered, null, Now.AddDays(3)),
            Report(plan, DeliveryState.PartlyDelivered, "Monthly, not weekly.", Now.AddDays(1), FamilyOrSetting.Setting),
        };

        var latest = ProvisionDeliveryReport.Latest(reports);

        Assert.Equal([(FamilyOrSetting.Family, DeliveryState.BeingDelivered), (FamilyOrSetting.Setting, DeliveryState.PartlyDelivered)],
            latest.OrderBy(r => r.Reporter).Select(r => (r.Reporter, r.State)));
    }

    [Fact]
    public void TheCouncil_AnswersMissingProvisionOnce_WithWhatItIsDoing()
    {
        var plan = InForce();
        var fine = Report(plan, DeliveryState.BeingDelivered, null, Now);
        Assert.Equal("delivery-nothing-to-answer", Assert.Throws<StepRefusedException>(() => fine.AnswerWith("Thanks.", "Sam Carter", Now)).Code);

        var missing = Report(plan, DeliveryState.NotDelivered, "None since Easter.", Now);
        Assert.True(missing.AwaitsAnswer);
        Assert.Equal("delivery-answer-missing", Assert.Throws<StepRefusedException>(() => missing.AnswerWith(" ", "Sam Carter", Now)).Code);
        missing.AnswerWith("Cover starts on 22 June.", "Sam Carter", Now);
        Assert.False(missing.AwaitsAnswer);
        Assert.Equal("delivery-already-answered", Assert.Throws<StepRefusedException>(() => missing.AnswerWith("Again.", "Priya Shah", Now)).Code);
        Assert.Equal(("Cover starts on 22 June.", "Sam Carter"), (missing.Answer, missing.AnsweredBy));
    }
}
