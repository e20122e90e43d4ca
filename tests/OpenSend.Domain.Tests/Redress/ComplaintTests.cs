using OpenSend.Domain.Common;
using OpenSend.Domain.Redress;
using static OpenSend.Domain.Tests.Assessments.PathwayScenario;

namespace OpenSend.Domain.Tests.Redress;

/// <summary>A complaint through the council's two stages, in its own working days, and then the Ombudsman.</summary>
public sealed class ComplaintTests
{
    private static DateOnly D(string date) => DateOnly.Parse(date);

    [Fact]
    public void AComplaint_IsAnsweredInTheCouncilsWorkingDays_AtEachStage_ThenGoesToTheOmbudsman()
    {
        // Made on Thursday 2 April 2026: Good Friday and Easter Monday are not working days.
        var complaint = Complaint.Make(Guid.NewGuid(), "999", "Parent or carer", null, "Nobody answered my emails for six weeks.", aboutHealth: true, false, 10, AtNoon(D("2026-04-02")));
        Assert.Equal(D("2026-04-20"), complaint.AnswerDueBy);
        Assert.True(complaint.AnswerOverdue(D("2026-04-21")));

        var early = Assert.Throws<StepRefusedException>(() => complaint.Escalate(20, AtNoon(D("2026-04-10"))));
        complaint.Answer("We are sorry; your caseworker will call you weekly.", AtNoon(D("2026-04-15")));
        complaint.Escalate(20, AtNoon(D("2026-04-20")));
        Assert.Equal(D("2026-05-19"), complaint.AnswerDueBy); // 20 working days, leaving out 4 May
        complaint.Answer("The stage 2 review upholds the complaint in part.", AtNoon(D("2026-05-12")));
        var tooSoon = Assert.Throws<StepRefusedException>(() => complaint.ReferToOmbudsman(D("2026-05-11"), AtNoon(D("2026-05-20"))));
        complaint.ReferToOmbudsman(D("2026-05-20"), AtNoon(D("2026-05-20")));
        complaint.RecordOmbudsmanDecision(D("2026-08-03"), "Fault causing injustice; the council apologised and paid £250.", AtNoon(D("2026-08-04")));

        Assert.Equal("complaint-step-not-allowed", early.Code);
        Assert.Equal("date-before-previous-step", tooSoon.Code);
        Assert.Equal(ComplaintStage.OmbudsmanDecided, complaint.Stage);
        Assert.False(complaint.IsOpen);
        Assert.Empty(complaint.AllowedActions);
    }

    [Fact]
    public void AComplaint_NeedsWords_AndCanBeClosedByTheFamilyBeforeTheOmbudsman()
    {
        var empty = Assert.Throws<StepRefusedException>(() => Complaint.Make(Guid.NewGuid(), "999", "Young person", null, " ", false, false, 10, AtNoon(D("2026-06-01"))));
        var complaint = Complaint.Make(Guid.NewGuid(), "999", "Young person", null, "My views were not in the plan.", false, true, 10, AtNoon(D("2026-06-01")));

        complaint.Close(AtNoon(D("2026-06-03")));

        Assert.Equal("complaint-summary-missing", empty.Code);
        Assert.True(complaint.WantsDisagreementResolution);
        Assert.Equal((ComplaintStage.Closed, D("2026-06-03")), (complaint.Stage, complaint.ClosedOn!.Value));
        Assert.Throws<StepRefusedException>(() => complaint.Answer("Too late.", AtNoon(D("2026-06-04"))));
    }
}
