using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpenSend.Data.Access;
using OpenSend.Data.Assessments;
using OpenSend.Data.Audit;
using OpenSend.Data.Database;
using OpenSend.Data.Documents;
using OpenSend.Data.Identity;
using OpenSend.Data.LocalAuthorities;
using OpenSend.Data.Retention;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Common;
using OpenSend.Domain.Identity;
using OpenSend.Testing;

[assembly: AssemblyFixture(typeof(PostgresServer))]

namespace OpenSend.Data.Tests;

/// <summary>
/// Base of the data tests: each test class runs once on SQLite and once on PostgreSQL, each test
/// on a fresh, migrated database with England's LAs and Demoshire loaded. "Now" is noon on
/// 15 June 2026 unless a test moves it.
/// </summary>
public abstract class DataTest(TestProvider provider, PostgresServer postgres) : IAsyncLifetime
{
    public static readonly Actor Caseworker999 = new("cw-999", "Sam Carter", "LaCaseworker", "Demoshire County Council");
    public static readonly Actor Caseworker886 = new("cw-886", "Alex Morgan", "LaCaseworker", "Kent County Council");

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 6, 15, 11, 0, 0, TimeSpan.Zero));

    protected TestDatabase Database { get; private set; } = default!;

    protected ServiceProvider Services { get; private set; } = default!;

    protected static RequestContext In999 { get; } = new(Caseworker999, LaStaff("999"), "127.0.0.1");

    protected static RequestContext In886 { get; } = new(Caseworker886, LaStaff("886"), "127.0.0.1");

    /// <summary>Cases at each main stage in Demoshire (999) and Kent (886), built through the services.</summary>
    protected CaseBuilder Cases999 => new(Services, In999);

    protected CaseBuilder Cases886 => new(Services, In886);

    protected static Viewer LaStaff(string laCode, Role role = Role.LaCaseworker) =>
        new(Guid.NewGuid(), PersonKind.Staff, role, Guid.NewGuid(), OrganisationKind.LocalAuthority, laCode);

    protected TestProvider Provider => provider;

    /// <summary>Where this test's uploaded files go (removed at the end); uploads over 64 KB are refused.</summary>
    protected DocumentStorage Documents { get; } = new(Path.Combine(Path.GetTempPath(), $"opensend-documents-{Guid.NewGuid():N}"), 64 * 1024);

    public virtual async ValueTask InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(provider, postgres);
        Services = Database.Services(Time, services =>
        {
            services.AddSingleton(new ServiceAddress("https://opensend.test"));
            services.AddSingleton(new PasswordHashing(iterations: 1_000));
            services.AddSingleton(new RetentionPolicy(RetentionPolicy.DefaultYearsAfterBirth));
            services.AddSingleton<ISecretProtector, ReversibleTestProtector>();
            services.AddOpenSendServices();
            services.AddSingleton(Documents);
        });
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OpenSendDbContext>();
        await OpenSendDatabase.MigrateAsync(db);
        await LocalAuthorityRegister.EnsureLoadedAsync(db);
        db.LocalAuthorities.Add(LocalAuthorityRegister.Demoshire());
        await db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Database.DisposeAsync();
        if (Directory.Exists(Documents.RootPath))
        {
            Directory.Delete(Documents.RootPath, recursive: true);
        }
    }

    /// <summary>Runs <paramref name="work"/> in its own scope (its own DbContext), like one web request.</summary>
    protected async Task<T> InScope<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    protected Task InScope(Func<IServiceProvider, Task> work) => InScope(async sp => { await work(sp); return true; });

    /// <summary>Someone as the services see them: the viewer, with an actor named after them.</summary>
    protected static RequestContext As(Viewer viewer) => new(new Actor(viewer.PersonId.ToString()!, "Someone", viewer.Role?.ToString() ?? "Family", null), viewer, null);

    /// <summary>The council gives <paramref name="email"/> access to the case as <paramref name="relationship"/>; returns that family member as the services see them.</summary>
    protected async Task<RequestContext> FamilyMemberAsync(Guid caseId, string email, Role relationship = Role.Parent)
    {
        await InScope(sp => sp.GetRequiredService<CaseLinks>().LinkFamilyAsync(In999, caseId, email, relationship));
        var personId = await InScope(sp => sp.GetRequiredService<OpenSendDbContext>().People.Where(p => p.Email == email).Select(p => p.Id).SingleAsync());
        return As(Viewer.Family(personId));
    }

    protected Task<SubmittedRequest> ReceiveAsync(string laCode = "999", DateOnly? receivedOn = null, string givenName = "Ada", DateOnly? dateOfBirth = null) =>
        InScope(sp => sp.GetRequiredService<AssessmentCases>().ReceiveAsync(
            RequestContext.Public("127.0.0.1", "Pat Example"),
            new AssessmentRequestSubmission(laCode, RequesterKind.Parent, "Pat Example", "pat@example.com", null, null, givenName, "Example",
                dateOfBirth ?? new DateOnly(2018, 3, 14), "Needs not met at SEN support.", true),
            receivedOn));
}

/// <summary>
/// Stands in for the web app's data protection in data tests: it really transforms the secret
/// (so a test would notice one stored unprotected) but needs no key ring.
/// </summary>
public sealed class ReversibleTestProtector : ISecretProtector
{
    public string Protect(string secret) => "protected:" + new string(secret.Reverse().ToArray());

    public string Unprotect(string protectedSecret) => new(protectedSecret["protected:".Length..].Reverse().ToArray());
}
