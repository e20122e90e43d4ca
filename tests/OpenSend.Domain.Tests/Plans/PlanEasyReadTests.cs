using OpenSend.Domain.Plans;

namespace OpenSend.Domain.Tests.Plans;

/// <summary>Issue 22: the easy-read summary says the plan's own words, in short sentences, in the order people ask.</summary>
public class PlanEasyReadTests
{
    [Fact]
    public void TheSummary_TakesThePlansOwnWords_InShortSentences()
    {
        var plan = SmallPlan.Final().WithViews(new ViewsAndAspirations("I like building things", null, "Lego and trains", "To be an engineer"));

        var parts = PlanEasyRead.Of(plan, "Ada");

        Assert.Equal(["About Ada", "What Ada finds hard", "What Ada is working towards", "The help Ada gets to learn", "Where Ada learns"], parts.Select(p => p.Heading));
        Assert.Equal(["Ada says: \"I like building things\"", "Ada likes: lego and trains.", "Ada hopes: to be an engineer."], parts[0].Sentences);
        Assert.Equal(["Small-group social communication programme. Who helps: Speech and language therapist. How often: 2 sessions a week. For how long: 30 minutes each, for the school year."],
            parts[3].Sentences);
        Assert.Equal(["Ada goes to Oakfield Primary School."], parts[4].Sentences);
        Assert.All(parts.SelectMany(p => p.Sentences), s => Assert.True(s.EndsWith('.') || s.EndsWith('"'), s));
    }

    [Fact]
    public void APlanWithoutASection_LeavesItsPartOut()
    {
        var parts = PlanEasyRead.Of(SmallPlan.Draft().WithViews(new ViewsAndAspirations(null, null, null, null)), "Ada");

        Assert.DoesNotContain(parts, p => p.Heading == "About Ada" || p.Heading == "Where Ada learns");
    }
}
