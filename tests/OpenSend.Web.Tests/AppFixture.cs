using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpenSend.Data.Database;
using OpenSend.Data.LocalAuthorities;
using OpenSend.Testing;

[assembly: AssemblyFixture(typeof(PostgresServer))]

namespace OpenSend.Web.Tests;

/// <summary>
/// One running app per test class and provider, on its own fresh database. "Now" is noon on
/// 15 June 2026 (BST) unless a test moves it; tests create their own cases.
/// </summary>
public abstract class AppFixture(TestProvider provider, PostgresServer postgres) : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 6, 15, 11, 0, 0, TimeSpan.Zero);

    private TestDatabase? _database;

    public OpenSendApp App { get; private set; } = default!;

    public TestProvider Provider => provider;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider, postgres);
        App = new OpenSendApp(_database.ConnectionString, new FakeTimeProvider(Start));
        // Starting the host migrates the database and loads England's LAs; tests add Demoshire.
        _ = App.Server;
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OpenSendDbContext>();
        db.LocalAuthorities.Add(LocalAuthorityRegister.Demoshire());
        await db.SaveChangesAsync();
    }

    /// <summary>Runs application services directly, as the pages do, to set a case up quickly.</summary>
    public async Task<T> WithServices<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public HttpClient Client(bool followRedirects = true) =>
        App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = followRedirects, HandleCookies = true });

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

public sealed class SqliteApp(PostgresServer postgres) : AppFixture(TestProvider.Sqlite, postgres);

public sealed class PostgreSqlApp(PostgresServer postgres) : AppFixture(TestProvider.PostgreSql, postgres);
