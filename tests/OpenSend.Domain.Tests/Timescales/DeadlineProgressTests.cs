using OpenSend.Domain.Timescales;

namespace OpenSend.Domain.Tests.Timescales;

public class DeadlineProgressTests
{
    private static readonly StatutoryDeadline FinalPlan =
        new(StatutoryStep.FinalPlan, new DateOnly(2026, 5, 25), "Issue the final EHC plan", "", "SEND Regulations 2014 reg 13(2)");

    [Theory]
    [InlineData("2026-05-01", DeadlineState.NotYetDue, 24)]
    [InlineData("2026-05-18", DeadlineState.DueSoon, 7)]
    [InlineData("2026-05-25", DeadlineState.DueSoon, 0)]
    [InlineData("2026-05-26", DeadlineState.Overdue, -1)]
    public void Evaluate_OpenDeadline_ReportsDaysLeftOrOverdue(string today, DeadlineState state, int daysFromToday)
    {
        var progress = DeadlineProgress.Evaluate(FinalPlan, null, DateOnly.Parse(today));

        Assert.Equal(state, progress.State);
        Assert.Equal(daysFromToday, progress.DaysFromToday);
        Assert.True(progress.IsOpen);
    }

    [Fact]
    public void Evaluate_DoneOnTheDueDate_IsMet()
    {
        var progress = DeadlineProgress.Evaluate(FinalPlan, new DateOnly(2026, 5, 25), new DateOnly(2026, 7, 1));

        Assert.Equal(DeadlineState.Met, progress.State);
        Assert.False(progress.ExceptionRecorded);
    }

    [Fact]
    public void Evaluate_DoneLateWithAnException_IsMissedWithTheExceptionRecorded()
    {
        var progress = DeadlineProgress.Evaluate(FinalPlan, new DateOnly(2026, 6, 2), new DateOnly(2026, 7, 1), "SEND Regulations 2014 reg 13(3)");

        Assert.Equal(DeadlineState.Missed, progress.State);
        Assert.True(progress.ExceptionRecorded);
        Assert.Equal(FinalPlan.Due, progress.Deadline.Due);
    }

    [Fact]
    public void Evaluate_DoneOnTimeWithAnException_DoesNotReportAnException()
    {
        var progress = DeadlineProgress.Evaluate(FinalPlan, new DateOnly(2026, 5, 20), new DateOnly(2026, 7, 1), "SEND Regulations 2014 reg 13(3)");

        Assert.Equal(DeadlineState.Met, progress.State);
        Assert.False(progress.ExceptionRecorded);
    }
}
