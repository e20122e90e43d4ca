using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenSend.Data.Audit;
using OpenSend.Data.Database;
using OpenSend.Domain.Assessments;
using OpenSend.Testing;

namespace OpenSend.Data.Tests;

/// <summary>The audit log is sealed into a hash chain that reveals any edit or deletion.</summary>
public abstract class AuditChainTests(TestProvider provider, PostgresServer postgres) : DataTest(provider, postgres)
{
    private async Task<int> WriteSomeHistoryAsync()
    {
        var submitted = await ReceiveAsync();
        await InScope(sp => sp.GetRequiredService<Assessments.AssessmentCases>().DecideToAssessAsync(In999, submitted.Id, new DateOnly(2026, 6, 15), "Evidence."));
        await InScope(sp => sp.GetRequiredService<Assessments.AssessmentQueries>().GetCaseAsync(In999, submitted.Id));
        Time.Advance(TimeSpan.FromSeconds(5));
        return await InScope(sp => sp.GetRequiredService<AuditChain>().SealAsync());
    }

    [Fact]
    public async Task Sealing_ChainsEveryRecord_AndVerificationFindsItIntact()
    {
        var sealedCount = await WriteSomeHistoryAsync();

        var result = await InScope(sp => sp.GetRequiredService<AuditChain>().VerifyAsync());

        Assert.Equal(3, sealedCount);
        Assert.True(result.Intact, result.Problem);
        Assert.Equal(3, result.Verified);
        var records = await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().AuditRecords.OrderBy(r => r.ChainSequence).ToListAsync());
        Assert.Equal(AuditChain.GenesisHash, records[0].PreviousHash);
        Assert.Equal(records[0].Hash, records[1].PreviousHash);
    }

    [Fact]
    public async Task ARecordTooRecentToSettle_IsLeftForTheNextRound()
    {
        await ReceiveAsync();

        var sealedNow = await InScope(sp => sp.GetRequiredService<AuditChain>().SealAsync());
        Time.Advance(TimeSpan.FromSeconds(3));
        var sealedLater = await InScope(sp => sp.GetRequiredService<AuditChain>().SealAsync());

        Assert.Equal(0, sealedNow);
        Assert.Equal(1, sealedLater);
    }

    [Fact]
    public async Task AnEditedRecord_IsDetected()
    {
        await WriteSomeHistoryAsync();
        await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().AuditRecords
            .Where(r => r.Action == "case.viewed")
            .ExecuteUpdateAsync(setters => setters.SetProperty(r => r.ActorName, "Someone else")));

        var result = await InScope(sp => sp.GetRequiredService<AuditChain>().VerifyAsync());

        Assert.False(result.Intact);
        Assert.Contains("has been altered", result.Problem);
        Assert.Contains("case.viewed", result.Problem);
    }

    [Fact]
    public async Task ADeletedRecord_IsDetected()
    {
        await WriteSomeHistoryAsync();
        await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().AuditRecords.Where(r => r.ChainSequence == 2).ExecuteDeleteAsync());

        var result = await InScope(sp => sp.GetRequiredService<AuditChain>().VerifyAsync());

        Assert.False(result.Intact);
        Assert.Contains("number 2 in the chain is missing", result.Problem);
    }

    [Fact]
    public async Task TheLastRecordDeleted_IsDetectedByTheHead()
    {
        await WriteSomeHistoryAsync();
        await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().AuditRecords.Where(r => r.ChainSequence == 3).ExecuteDeleteAsync());

        var result = await InScope(sp => sp.GetRequiredService<AuditChain>().VerifyAsync());

        Assert.False(result.Intact);
        Assert.Contains("removed from the end", result.Problem);
    }

    [Fact]
    public async Task TwoSealersAtOnce_LeaveOneUnbrokenChain()
    {
        for (var i = 0; i < 5; i++)
        {
            await ReceiveAsync(givenName: $"Child{i}");
        }

        Time.Advance(TimeSpan.FromSeconds(5));
        await Task.WhenAll(InScope(sp => sp.GetRequiredService<AuditChain>().SealAsync()), InScope(sp => sp.GetRequiredService<AuditChain>().SealAsync()));
        await InScope(sp => sp.GetRequiredService<AuditChain>().SealAsync());

        var result = await InScope(sp => sp.GetRequiredService<AuditChain>().VerifyAsync());
        Assert.True(result.Intact, result.Problem);
        Assert.Equal(5, result.Verified);
        Assert.Equal(0, result.Unsealed);
    }
}

public sealed class AuditChainTests_Sqlite(PostgresServer postgres) : AuditChainTests(TestProvider.Sqlite, postgres);

public sealed class AuditChainTests_PostgreSql(PostgresServer postgres) : AuditChainTests(TestProvider.PostgreSql, postgres);
