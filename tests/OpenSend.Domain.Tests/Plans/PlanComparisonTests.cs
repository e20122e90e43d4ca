using OpenSend.Domain.Plans;

namespace OpenSend.Domain.Tests.Plans;

public class PlanComparisonTests
{
    [Fact]
    public void Compare_TheSamePlan_FindsNoChanges()
    {
        Assert.Empty(PlanComparison.Compare(SmallPlan.Draft(), SmallPlan.Draft()));
    }

    [Fact]
    public void Compare_MarksAddedRemovedAndChangedItemsBySection()
    {
        var before = SmallPlan.Draft();
        var addedNeed = new PlanNeed(Guid.NewGuid(), PlanSection.C, "Epilepsy, with seizures at night");
        var after = before
            .WithNeed(addedNeed)
            .WithProvision(before.Provision[0] with { Frequency = "3 sessions a week", NeedIds = [SmallPlan.Need, addedNeed.Id] })
            .WithoutOutcome(SmallPlan.Outcome);

        var changes = PlanComparison.Compare(before, after);

        Assert.Equal([PlanSection.C, PlanSection.E, PlanSection.F], changes.Select(c => c.Section));
        var added = Assert.Single(changes[0].Changes);
        Assert.Equal((ChangeKind.Added, "Epilepsy, with seizures at night"), (added.Kind, added.Heading));
        Assert.Equal(ChangeKind.Removed, Assert.Single(changes[1].Changes).Kind);
        var changed = Assert.Single(changes[2].Changes);
        Assert.Equal(ChangeKind.Changed, changed.Kind);
        Assert.Contains(new FieldChange("How often", "2 sessions a week", "3 sessions a week"), changed.Fields);
        Assert.Contains(new FieldChange("Meets", "Difficulty with social communication and changes to routine", "Difficulty with social communication and changes to routine; Epilepsy, with seizures at night"), changed.Fields);
        Assert.Contains(new FieldChange("Towards", "By July 2027 Ada will start a conversation with a peer at least twice a day", null), changed.Fields);
    }
}
