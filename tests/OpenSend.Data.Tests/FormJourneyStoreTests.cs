using Microsoft.Extensions.DependencyInjection;
using OpenSend.Data.Journeys;
using OpenSend.Testing;

namespace OpenSend.Data.Tests;

public abstract class FormJourneyStoreTests(TestProvider provider, PostgresServer postgres) : DataTest(provider, postgres)
{
    private sealed record Answers(string? Name);

    [Fact]
    public async Task AJourney_AfterADay_IsGoneAndIsPurged()
    {
        var id = await InScope(sp => sp.GetRequiredService<FormJourneyStore>().StartAsync("test", new Answers("Ada")));
        var found = await InScope(sp => sp.GetRequiredService<FormJourneyStore>().FindAsync<Answers>("test", id));

        Time.Advance(TimeSpan.FromHours(25));

        Assert.Equal("Ada", found!.Name);
        Assert.Null(await InScope(sp => sp.GetRequiredService<FormJourneyStore>().FindAsync<Answers>("test", id)));
        Assert.Equal(1, await InScope(sp => sp.GetRequiredService<FormJourneyStore>().PurgeExpiredAsync()));
    }

    [Fact]
    public async Task AJourney_OfAnotherKind_IsNotFound()
    {
        var id = await InScope(sp => sp.GetRequiredService<FormJourneyStore>().StartAsync("test", new Answers("Ada")));

        Assert.Null(await InScope(sp => sp.GetRequiredService<FormJourneyStore>().FindAsync<Answers>("other", id)));
    }
}

public sealed class FormJourneyStoreTests_Sqlite(PostgresServer postgres) : FormJourneyStoreTests(TestProvider.Sqlite, postgres);

public sealed class FormJourneyStoreTests_PostgreSql(PostgresServer postgres) : FormJourneyStoreTests(TestProvider.PostgreSql, postgres);
