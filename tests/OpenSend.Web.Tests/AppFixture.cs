using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpenSend.Data.Audit;
using OpenSend.Data.Database;
using OpenSend.Data.Demo;
using OpenSend.Data.LocalAuthorities;
using OpenSend.Domain.Common;
using OpenSend.Domain.Identity;
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
        // Starting the host migrates the database and loads England's LAs; tests add Demoshire and
        // its organisations and invented staff (without the demo cases).
        _ = App.Server;
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OpenSendDbContext>();
        db.LocalAuthorities.Add(LocalAuthorityRegister.Demoshire());
        await db.SaveChangesAsync();
        Organisations = await scope.ServiceProvider.GetRequiredService<DemoData>().SeedOrganisationsAsync();
        await DemoSettings.SeedAsync(db, "999", Start);
    }

    /// <summary>Demoshire's organisations by code (999 the council, 999001 Oakfield Primary, ICB-999, PANEL-999, ...).</summary>
    public IReadOnlyDictionary<string, Organisation> Organisations { get; private set; } = new Dictionary<string, Organisation>();

    /// <summary>Demoshire's caseworker (the demo's Sam Carter) as the services see them, to set a case up without the pages.</summary>
    public RequestContext Staff999 => new(new Actor("demo-caseworker", "Sam Carter", "LaCaseworker", "Demoshire County Council"), Viewer.Staff(Guid.NewGuid(), Role.LaCaseworker, Organisations["999"]), null);

    /// <summary>Demoshire cases at each main stage, built through the services.</summary>
    public CaseBuilder Cases => new(App.Services, Staff999);

    public const string Caseworker = "sam.carter@demoshire.example";
    public const string Manager = "priya.shah@demoshire.example";
    public const string NorthshireCaseworker = "alex.morgan@northshire.example";
    public const string Senco = "jo.whitfield@oakfield.example";

    /// <summary>Signs the client in through the development sign-in, as a person in one of their roles.</summary>
    public async Task SignInAsync(HttpClient client, string email = Caseworker, Role? role = null)
    {
        var membershipId = await WithServices(sp =>
        {
            var db = sp.GetRequiredService<OpenSendDbContext>();
            return db.Memberships.Where(m => m.RemovedAt == null && (role == null || m.Role == role))
                .Join(db.People.Where(p => p.Email == email), m => m.PersonId, p => p.Id, (m, _) => m.Id)
                .FirstAsync();
        });
        await client.SignInWithChoiceAsync($"membership:{membershipId}");
    }

    /// <summary>Signs the client in as a family account (opened if new), as if by an emailed code.</summary>
    public async Task<Guid> SignInAsFamilyAsync(HttpClient client, string email)
    {
        var personId = await WithServices(async sp =>
        {
            var db = sp.GetRequiredService<OpenSendDbContext>();
            var person = await db.People.SingleOrDefaultAsync(p => p.Email == email);
            if (person is null)
            {
                person = new Person(Guid.NewGuid(), PersonKind.Family, email, email, App.Time.GetUtcNow());
                db.People.Add(person);
                await db.SaveChangesAsync();
            }

            return person.Id;
        });
        await client.SignInWithChoiceAsync($"family:{personId}");
        return personId;
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
