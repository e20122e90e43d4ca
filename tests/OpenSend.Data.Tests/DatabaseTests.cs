using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenSend.Data.Database;
using OpenSend.Testing;

namespace OpenSend.Data.Tests;

public abstract class DatabaseTests(TestProvider provider, PostgresServer postgres) : DataTest(provider, postgres)
{
    [Fact]
    public async Task Migrations_OnAFreshDatabase_LeaveNoModelChangesUnmigrated()
    {
        var pending = await InScope(sp => Task.FromResult(sp.GetRequiredService<OpenSendDbContext>().Database.HasPendingModelChanges()));

        Assert.False(pending, $"The EF model has changes with no {Provider} migration: run `dotnet ef migrations add` for both providers.");
    }

    [Fact]
    public async Task LocalAuthorities_AfterLoading_AreEnglandsOneHundredAndFiftyThreePlusDemoshire()
    {
        var authorities = await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().LocalAuthorities.ToListAsync());

        Assert.Equal(154, authorities.Count);
        Assert.Contains(authorities, l => l is { Code: "886", Name: "Kent", RegionName: "South East" });
        Assert.Contains(authorities, l => l is { Code: "801", Name: "Bristol, City of" });
        Assert.Equal(9, authorities.Where(l => l.Code != "999").Select(l => l.RegionName).Distinct().Count());
    }

    [Fact]
    public async Task LocalAuthorities_LoadedTwice_AreNotDuplicated()
    {
        var added = await InScope(sp => OpenSend.Data.LocalAuthorities.LocalAuthorityRegister.EnsureLoadedAsync(sp.GetRequiredService<OpenSendDbContext>()));

        Assert.Equal(0, added);
    }
}

public sealed class DatabaseTests_Sqlite(PostgresServer postgres) : DatabaseTests(TestProvider.Sqlite, postgres);

public sealed class DatabaseTests_PostgreSql(PostgresServer postgres) : DatabaseTests(TestProvider.PostgreSql, postgres);
