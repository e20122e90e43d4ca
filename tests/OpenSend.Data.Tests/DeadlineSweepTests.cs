using Microsoft.Extensions.DependencyInjection;
using OpenSend.Data.Assessments;
using OpenSend.Data.Audit;
using OpenSend.Data.Database;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Timescales;
using OpenSend.Testing;

namespace OpenSend.Data.Tests;

/// <summary>The deadline sweep counts every open clock (not just each case's next one) the way the case page shows it.</summary>
public abstract class DeadlineSweepTests(TestProvider provider, PostgresServer postgres) : DataTest(provider, postgres)
{
    private static readonly RequestContext In938 = new(Caseworker886 with { UserId = "cw-938" }, LaStaff("938"), "127.0.0.1");

    private Task<DeadlineSweepResult> SweepAsync(params string[] laCodes) =>
        InScope(sp => new DeadlineSweep(sp.GetRequiredService<OpenSendDbContext>()).RunAsync(new DateOnly(2026, 6, 15), laCodes));

    private async Task ArrangeAsync()
    {
        // Kent, received 5 January 2026: decided on time, the EP's advice requested 2 February
        // (due 16 March) never came, and the 16- and 20-week dates (27 April, 25 May) have passed.
        var late = await ReceiveAsync("886", new DateOnly(2026, 1, 5));
        await InScope(async sp =>
        {
            var cases = sp.GetRequiredService<AssessmentCases>();
            await cases.DecideToAssessAsync(In886, late.Id, new DateOnly(2026, 2, 2), "Evidence of needs.");
            await cases.RequestAdviceAsync(In886, late.Id, AdviserKind.Psychological, "EP service", new DateOnly(2026, 2, 2));
        });

        // Kent, received 6 May: the decision whether to assess is due 17 June, two days away.
        await ReceiveAsync("886", new DateOnly(2026, 5, 6));

        // Staffordshire: one withdrawn (no open clocks) and one received today.
        var withdrawn = await ReceiveAsync("938", new DateOnly(2026, 6, 1));
        await InScope(sp => sp.GetRequiredService<AssessmentCases>().WithdrawAsync(In938, withdrawn.Id, new DateOnly(2026, 6, 10), "Family moved abroad."));
        await ReceiveAsync("938", new DateOnly(2026, 6, 15));
    }

    [Fact]
    public async Task Sweep_CountsEachOpenClockByLaStepAndState()
    {
        await ArrangeAsync();

        var result = await SweepAsync();

        Assert.Equal(3, result.OpenCases);
        Assert.Equal(9, result.OpenClocks);
        Assert.Equal(
            [
                new DeadlineTally("886", StatutoryStep.DecisionToAssess, DeadlineState.DueSoon, 1),
                new DeadlineTally("886", StatutoryStep.AdviceProvided, DeadlineState.Overdue, 1),
                new DeadlineTally("886", StatutoryStep.DecisionNotToIssue, DeadlineState.NotYetDue, 1),
                new DeadlineTally("886", StatutoryStep.DecisionNotToIssue, DeadlineState.Overdue, 1),
                new DeadlineTally("886", StatutoryStep.FinalPlan, DeadlineState.NotYetDue, 1),
                new DeadlineTally("886", StatutoryStep.FinalPlan, DeadlineState.Overdue, 1),
                new DeadlineTally("938", StatutoryStep.DecisionToAssess, DeadlineState.NotYetDue, 1),
                new DeadlineTally("938", StatutoryStep.DecisionNotToIssue, DeadlineState.NotYetDue, 1),
                new DeadlineTally("938", StatutoryStep.FinalPlan, DeadlineState.NotYetDue, 1),
            ],
            result.Tallies);
        // One case is overdue, but it has three overdue clocks: the adviser's as well as the LA's.
        Assert.Equal(3, result.Count(DeadlineState.Overdue, "886"));
    }

    [Fact]
    public async Task Sweep_OfChosenLas_CountsOnlyThem()
    {
        await ArrangeAsync();

        var result = await SweepAsync("938");

        Assert.Equal(1, result.OpenCases);
        Assert.All(result.Tallies, t => Assert.Equal("938", t.LaCode));
        Assert.Equal(3, result.Count(DeadlineState.NotYetDue));
    }

    [Fact]
    public async Task Sweep_WithNoOpenCases_IsEmpty()
    {
        var result = await SweepAsync();

        Assert.Equal(0, result.OpenCases);
        Assert.Empty(result.Tallies);
    }
}

public sealed class DeadlineSweepTests_Sqlite(PostgresServer postgres) : DeadlineSweepTests(TestProvider.Sqlite, postgres);

public sealed class DeadlineSweepTests_PostgreSql(PostgresServer postgres) : DeadlineSweepTests(TestProvider.PostgreSql, postgres);
