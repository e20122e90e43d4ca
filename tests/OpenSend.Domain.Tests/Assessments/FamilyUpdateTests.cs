using OpenSend.Domain.Assessments;
using OpenSend.Domain.Timescales;

namespace OpenSend.Domain.Tests.Assessments;

/// <summary>What the family's tracking page says at each stage.</summary>
public class FamilyUpdateTests
{
    private static readonly OpenSend.Domain.Common.Actor Caseworker = PathwayScenario.Caseworker;

    [Fact]
    public void ANewRequest_TellsTheFamilyTheDecisionDateInWords()
    {
        var s = new PathwayScenario("2026-01-05");

        var update = FamilyUpdate.For(s.Case, new DateOnly(2026, 1, 6));

        Assert.Equal("The council is deciding whether to carry out an assessment", update.Status);
        Assert.Equal("The council must tell you whether it will carry out an EHC needs assessment by 16 February 2026", update.DatesAhead[0].Text);
        Assert.Equal("SEND Regulations 2014 reg 5(1)", update.DatesAhead[0].Basis);
    }

    [Fact]
    public void AMissedDecisionDate_IsShownToTheFamilyAsPassed()
    {
        var s = new PathwayScenario("2026-01-05");

        var update = FamilyUpdate.For(s.Case, new DateOnly(2026, 2, 20));

        Assert.True(update.DatesAhead[0].Overdue);
        Assert.EndsWith("This date has passed.", update.DatesAhead[0].Text);
    }

    [Fact]
    public void ADraftPlan_GivesTheFamilyTheLastDayToComment()
    {
        var s = new PathwayScenario("2026-01-05").Assessing("2026-02-10", "2026-02-11").DraftServed("2026-03-20", "2026-04-01", "2026-04-02");

        var update = FamilyUpdate.For(s.Case, new DateOnly(2026, 4, 3));

        Assert.Contains(update.DatesAhead, d => d.Text.StartsWith("You can comment on the draft plan", StringComparison.Ordinal) && d.Due == new DateOnly(2026, 4, 16));
        Assert.Contains(update.DatesAhead, d => d.Text == "If the council issues an EHC plan, it must send you the final plan by 25 May 2026");
    }

    [Fact]
    public void ADecisionNotToAssess_ExplainsAppealAndMediationWithTheAppealDate()
    {
        var s = new PathwayScenario("2026-01-05");
        s.Case.DecideNotToAssess(s.On("2026-02-10"), "Needs can be met at SEN support.", Caseworker, s.Now);

        var update = FamilyUpdate.For(s.Case, new DateOnly(2026, 2, 11));

        Assert.Equal(new DateOnly(2026, 4, 10), update.AppealBy);
        Assert.Empty(update.DatesAhead);
        Assert.Contains(update.WhatHappensNext, t => t.Contains("until 10 April 2026", StringComparison.Ordinal));
        Assert.Contains(update.WhatHappensNext, t => t.Contains("get a certificate", StringComparison.Ordinal));
    }

    [Fact]
    public void UnderTheGreenPaper_TheFamilyIsToldAPanelWillRecommendFirst()
    {
        var s = new PathwayScenario("2026-10-01", RuleSetCatalogue.GreenPaper2022Id);

        var update = FamilyUpdate.For(s.Case, new DateOnly(2026, 10, 2));

        Assert.Contains(update.WhatHappensNext, t => t.Contains("multi-agency panel", StringComparison.Ordinal));
    }
}
