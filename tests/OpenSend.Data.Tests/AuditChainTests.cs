using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenSend.Data.Audit;
using OpenSend.Data.Database;
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

    private Task AsTheTablesOwnerAsync() => InScope(sp => TablesOwner.DropAuditTriggersAsync(sp.GetRequiredService<OpenSendDbContext>()));

    [Fact]
    public async Task TheServicesOwnConnection_CannotDeleteOrEditARecord_EvenBeforeItIsSealed()
    {
        var submitted = await ReceiveAsync();
        OpenSendDbContext Db(IServiceProvider sp) => sp.GetRequiredService<OpenSendDbContext>();

        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => InScope(sp => Db(sp).AuditRecords.Where(r => r.AssessmentId == submitted.Id).ExecuteDeleteAsync()));
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => InScope(sp => Db(sp).AuditRecords.ExecuteUpdateAsync(set => set.SetProperty(r => r.Detail, "Nothing happened"))));
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => InScope(sp => Db(sp).AuditRecords.ExecuteUpdateAsync(set => set.SetProperty(r => r.SourceAddress, "198.51.100.1"))));
        if (Provider == TestProvider.PostgreSql)
        {
            await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => InScope(sp => Db(sp).Database.ExecuteSqlRawAsync("TRUNCATE audit_records")));
        }

        var unsealed = await InScope(sp => Db(sp).AuditRecords.AsNoTracking().SingleAsync(r => r.AssessmentId == submitted.Id));
        Assert.Null(unsealed.ChainSequence);
        Assert.Equal("case.request-received", unsealed.Action);
        Time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(1, await InScope(sp => sp.GetRequiredService<AuditChain>().SealAsync()));
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => InScope(sp => Db(sp).AuditRecords.ExecuteUpdateAsync(set => set.SetProperty(r => r.ChainSequence, 7L))));
        var result = await InScope(sp => sp.GetRequiredService<AuditChain>().VerifyAsync());
        Assert.True(result.Intact, result.Problem);
    }

    [Fact]
    public async Task AnEditedRecord_IsDetected()
    {
        await WriteSomeHistoryAsync();
        await AsTheTablesOwnerAsync();
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
        await AsTheTablesOwnerAsync();
        await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().AuditRecords.Where(r => r.ChainSequence == 2).ExecuteDeleteAsync());

        var result = await InScope(sp => sp.GetRequiredService<AuditChain>().VerifyAsync());

        Assert.False(result.Intact);
        Assert.Contains("number 2 in the chain is missing", result.Problem);
    }

    [Fact]
    public async Task TheLastRecordDeleted_IsDetectedByTheHead()
    {
        await WriteSomeHistoryAsync();
        await AsTheTablesOwnerAsync();
        await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().AuditRecords.Where(r => r.ChainSequence == 3).ExecuteDeleteAsync());

        var result = await InScope(sp => sp.GetRequiredService<AuditChain>().VerifyAsync());

        Assert.False(result.Intact);
        Assert.Contains("removed from the end", result.Problem);
    }

    /// <summary>Rewrites every sealed record's links and hash as <paramref name="hash"/> computes them (an attacker with the database).</summary>
    private async Task RewriteChainAsync(Func<AuditRecord, long, string, string> hash, int? form)
    {
        var records = await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().AuditRecords.AsNoTracking().Where(r => r.ChainSequence != null).OrderBy(r => r.ChainSequence).ToListAsync());
        var previous = AuditChain.GenesisHash;
        foreach (var record in records)
        {
            var forged = hash(record, record.ChainSequence!.Value, previous);
            var (id, linked) = (record.Id, previous);
            await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().AuditRecords.Where(r => r.Id == id)
                .ExecuteUpdateAsync(set => set.SetProperty(r => r.Hash, forged).SetProperty(r => r.PreviousHash, linked).SetProperty(r => r.ChainForm, form)));
            previous = forged;
        }

        await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().Set<AuditChainHead>()
            .ExecuteUpdateAsync(set => set.SetProperty(h => h.LastHash, previous).SetProperty(h => h.LastSequence, records.Count)));
    }

    private Task EditActorAsync(string action, string name) => InScope(sp => sp.GetRequiredService<OpenSendDbContext>().AuditRecords
        .Where(r => r.Action == action).ExecuteUpdateAsync(set => set.SetProperty(r => r.ActorName, name)));

    [Fact]
    public async Task AChainRecomputedWithoutTheKey_IsDetected()
    {
        await WriteSomeHistoryAsync();
        await AsTheTablesOwnerAsync();
        await EditActorAsync("case.viewed", "Someone else");

        // Without the key the attacker can only compute unkeyed hashes: in the first form, or the keyed form's text hashed without a key.
        await RewriteChainAsync((r, sequence, previous) => AuditRecord.ComputeHash(r.Canonical(sequence, previous)), AuditRecord.FirstForm);
        var firstForm = await InScope(sp => sp.GetRequiredService<AuditChain>().VerifyAsync());
        await RewriteChainAsync((r, sequence, previous) => AuditRecord.ComputeHash(r.KeyedCanonical(sequence, previous)), AuditRecord.KeyedForm);
        var unkeyed = await InScope(sp => sp.GetRequiredService<AuditChain>().VerifyAsync());

        Assert.Contains("is not sealed with the audit key", firstForm.Problem);
        Assert.Contains("has been altered", unkeyed.Problem);
    }

    [Fact]
    public async Task AChainRewrittenWithTheKey_OrCutShort_IsCaughtByACheckpointKeptOutsideTheDatabase()
    {
        await WriteSomeHistoryAsync();
        await AsTheTablesOwnerAsync();
        var checkpoint = await InScope(sp => sp.GetRequiredService<AuditChain>().CheckpointAsync());
        Assert.True((await InScope(sp => sp.GetRequiredService<AuditChain>().VerifyAsync(checkpoint))).Intact);

        // Someone with the database and the key rewrites a record and recomputes the chain: only the checkpoint shows it.
        await EditActorAsync("case.viewed", "Someone else");
        await RewriteChainAsync((r, sequence, previous) => AuditKey.Development.Mac(r.KeyedCanonical(sequence, previous)), AuditRecord.KeyedForm);
        var withoutCheckpoint = await InScope(sp => sp.GetRequiredService<AuditChain>().VerifyAsync());
        var rewritten = await InScope(sp => sp.GetRequiredService<AuditChain>().VerifyAsync(checkpoint));

        // Or removes the last record and moves the head back.
        await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().AuditRecords.Where(r => r.ChainSequence == 3).ExecuteDeleteAsync());
        await RewriteChainAsync((r, sequence, previous) => AuditKey.Development.Mac(r.KeyedCanonical(sequence, previous)), AuditRecord.KeyedForm);
        var cutShort = await InScope(sp => sp.GetRequiredService<AuditChain>().VerifyAsync(checkpoint));
        var forgedCheckpoint = await InScope(sp => sp.GetRequiredService<AuditChain>().VerifyAsync(checkpoint with { Sequence = 2 }));

        Assert.True(withoutCheckpoint.Intact, withoutCheckpoint.Problem);
        Assert.Contains("The chain was rewritten: record number 3", rewritten.Problem);
        Assert.Contains("sealed records have been removed", cutShort.Problem);
        Assert.Contains("signature is not the audit key's", forgedCheckpoint.Problem);
    }

    [Fact]
    public async Task AChainSealedBeforeItWasKeyed_IsKeyedOnce_ThenVerifies()
    {
        await WriteSomeHistoryAsync();
        await RewriteChainAsync((r, sequence, previous) => AuditRecord.ComputeHash(r.Canonical(sequence, previous)), AuditRecord.FirstForm);
        Assert.False((await InScope(sp => sp.GetRequiredService<AuditChain>().VerifyAsync())).Intact);

        var resealed = await InScope(sp => sp.GetRequiredService<AuditChain>().KeyLegacyChainAsync());

        Assert.Equal(3, resealed);
        var result = await InScope(sp => sp.GetRequiredService<AuditChain>().VerifyAsync());
        Assert.True(result.Intact, result.Problem);
        Assert.Equal(0, await InScope(sp => sp.GetRequiredService<AuditChain>().KeyLegacyChainAsync()));
    }

    [Fact]
    public void TheKeyedForm_CannotRunOneFieldIntoTheNext()
    {
        var viewer = OpenSend.Domain.Identity.Viewer.Public;
        var one = AuditRecord.For(new RequestContext(new OpenSend.Domain.Common.Actor("id", "a\u001fb", "c", null), viewer, null), "999", null, AuditActions.CaseViewed, Time.GetUtcNow());
        var other = AuditRecord.For(new RequestContext(new OpenSend.Domain.Common.Actor("id", "a", "b\u001fc", null), viewer, null), "999", null, AuditActions.CaseViewed, Time.GetUtcNow());

        Assert.Equal(one.Canonical(1, AuditChain.GenesisHash), other.Canonical(1, AuditChain.GenesisHash));
        Assert.NotEqual(one.KeyedCanonical(1, AuditChain.GenesisHash), other.KeyedCanonical(1, AuditChain.GenesisHash));
    }

    [Fact]
    public async Task AddressesInTheAuditLog_AreRemovedAfter90Days_AndTheChainStillVerifies()
    {
        var submitted = await ReceiveAsync();
        await InScope(sp => sp.GetRequiredService<Assessments.AssessmentQueries>().GetCaseAsync(new RequestContext(In999.Actor, In999.Viewer, "203.0.113.7"), submitted.Id));
        Time.Advance(TimeSpan.FromSeconds(5));
        await InScope(sp => sp.GetRequiredService<AuditChain>().SealAsync());
        Time.Advance(OpenSend.Data.Retention.RetentionSweep.AuditAddressesKeptFor + TimeSpan.FromDays(1));

        var run = await InScope(sp => sp.GetRequiredService<OpenSend.Data.Retention.RetentionSweep>().RunAsync());

        Assert.True(run.Purged.AuditAddresses >= 1);
        Assert.Empty(await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().AuditRecords.Where(r => r.SourceAddress != null && r.ChainSequence != null).ToListAsync()));
        Assert.NotNull((await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().AuditRecords.SingleAsync(r => r.Action == "case.viewed"))).SourceDigest);
        var result = await InScope(sp => sp.GetRequiredService<AuditChain>().VerifyAsync());
        Assert.True(result.Intact, result.Problem);
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
