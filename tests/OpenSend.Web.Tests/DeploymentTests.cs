using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpenSend.Data.Database;
using OpenSend.Testing;

namespace OpenSend.Web.Tests;

/// <summary>The settings a real deployment needs, made for a test: a key-ring certificate of its own and an SMTP relay that is never called.</summary>
public sealed class ProductionSettings : IDisposable
{
    private const string CertificatePassword = "test certificate password";

    public ProductionSettings()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=OpenSEND key ring (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(CertificatePath, certificate.Export(X509ContentType.Pfx, CertificatePassword));
    }

    public string CertificatePath { get; } = Path.Combine(Path.GetTempPath(), $"opensend-key-ring-{Guid.NewGuid():N}.pfx");

    public Dictionary<string, string?> Settings(params (string Key, string? Value)[] overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["OpenSend:PublicBaseUrl"] = "https://send.example.gov.uk",
            ["Notifications:Sender"] = "Smtp",
            ["Notifications:Smtp:Host"] = "127.0.0.1",
            ["OpenSend:DataProtection:CertificatePath"] = CertificatePath,
            ["OpenSend:DataProtection:CertificatePassword"] = CertificatePassword,
            ["OpenSend:Audit:Key"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        return settings;
    }

    public void Dispose() => File.Delete(CertificatePath);
}

/// <summary>
/// A deployment outside Development: it refuses to start without the settings it needs (naming each),
/// has no development routes and no demo data, answers readiness from the database, encrypts its key
/// ring, and sends HSTS when the original request was HTTPS.
/// </summary>
public sealed class ProductionTests(PostgresServer postgres) : IAsyncLifetime
{
    private readonly ProductionSettings _production = new();
    private TestDatabase? _database;
    private OpenSendApp? _app;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(TestProvider.Sqlite, postgres);
        _app = new OpenSendApp(_database.ConnectionString, new FakeTimeProvider(AppFixture.Start), environment: "Production", settings: _production.Settings());
    }

    [Fact]
    public void Production_WithoutItsSettings_RefusesToStartNamingEachOne()
    {
        using var app = new OpenSendApp(_database!.ConnectionString, new FakeTimeProvider(AppFixture.Start), environment: "Production");

        var refusal = Assert.Throws<InvalidOperationException>(() => app.Server);

        Assert.Contains("OpenSend:PublicBaseUrl is not set", refusal.Message);
        Assert.Contains("Notifications:Sender is Outbox", refusal.Message);
        Assert.Contains("OpenSend:DataProtection:CertificatePath is not set", refusal.Message);
        Assert.Contains("OpenSend:Audit:Key is not set", refusal.Message);
        Assert.Contains("docs/deploying.md", refusal.Message);
    }

    [Theory]
    [InlineData("OpenSend:SeedDemoData", "true", "invented demo people and cases are never created outside Development")]
    [InlineData("OpenSend:DevelopmentSignIn", "true", "the development sign-in never exists outside Development")]
    [InlineData("OpenSend:PublicBaseUrl", "http://send.example.gov.uk", "it must be the service's public https:// address")]
    [InlineData("OpenSend:DataProtection:CertificatePassword", "not the password", "cannot be read as a PKCS#12 certificate")]
    [InlineData("OpenSend:Audit:Key", "c2hvcnQ=", "OpenSend:Audit:Key is 5 bytes")]
    public void Production_WithAnUnsafeSetting_RefusesToStart(string key, string value, string expected)
    {
        using var app = new OpenSendApp(_database!.ConnectionString, new FakeTimeProvider(AppFixture.Start), environment: "Production", settings: _production.Settings((key, value)));

        var refusal = Assert.Throws<InvalidOperationException>(() => app.Server);

        Assert.Contains(expected, refusal.Message);
    }

    [Fact]
    public async Task TheDevelopmentSignInAndOutbox_InProduction_AreNotFound()
    {
        var client = _app!.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var get = await client.GetAsync("/development/sign-in");
        var post = await client.PostAsync("/development/sign-in", new FormUrlEncodedContent([new("Choice", "membership:00000000-0000-0000-0000-000000000001")]));
        var outbox = await client.GetAsync("/development/outbox");

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, outbox.StatusCode);
        Assert.False(post.Headers.Contains("Set-Cookie") && post.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("opensend-session", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Production_SeedsNoDemoData_AndReadinessChecksTheDatabase()
    {
        var client = _app!.CreateClient();

        var live = await client.GetAsync("/health");
        var ready = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OpenSendDbContext>();
        Assert.False(await db.Organisations.AnyAsync(), "No organisation, and so no invented member, exists until an administrator adds one.");
        Assert.False(await db.People.AnyAsync());
    }

    [Fact]
    public async Task TheKeyRing_IsEncryptedWithTheCertificate()
    {
        var client = _app!.CreateClient();
        // A form page needs an antiforgery token, which creates the first key.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/sign-in")).StatusCode);

        await using var scope = _app.Services.CreateAsyncScope();
        var keys = await scope.ServiceProvider.GetRequiredService<OpenSendDbContext>().DataProtectionKeys.Select(k => k.Xml!).ToListAsync();
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("encryptedSecret", xml);
            Assert.DoesNotContain("unencrypted form", xml);
        });
    }

    [Fact]
    public async Task Hsts_IsSentForAYear_WhenTheOriginalRequestWasHttps()
    {
        var client = _app!.CreateClient();

        var throughTls = new HttpRequestMessage(HttpMethod.Get, "/health") { Headers = { Host = "send.example.gov.uk" } };
        throughTls.Headers.Add("X-Forwarded-Proto", "https");
        throughTls.Headers.Add("X-Forwarded-For", "203.0.113.9");
        var plain = new HttpRequestMessage(HttpMethod.Get, "/health") { Headers = { Host = "send.example.gov.uk" } };

        var secure = await client.SendAsync(throughTls);
        var insecure = await client.SendAsync(plain);

        Assert.Equal("max-age=31536000", secure.Headers.GetValues("Strict-Transport-Security").Single());
        Assert.False(insecure.Headers.Contains("Strict-Transport-Security"), "HSTS is only ever sent over HTTPS (RFC 6797 7.2).");
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        _production.Dispose();
    }
}

/// <summary>
/// In Development the development sign-in exists only when asked for (launchSettings.json) and only
/// for a browser on the same machine.
/// </summary>
public sealed class DevelopmentSignInTests(PostgresServer postgres) : IAsyncLifetime
{
    private TestDatabase? _database;

    public async ValueTask InitializeAsync() => _database = await TestDatabase.CreateAsync(TestProvider.Sqlite, postgres);

    [Fact]
    public async Task InDevelopment_WithoutTheSetting_TheDevelopmentSignInIsNotFound()
    {
        await using var app = new OpenSendApp(_database!.ConnectionString, new FakeTimeProvider(AppFixture.Start),
            settings: new Dictionary<string, string?> { ["OpenSend:DevelopmentSignIn"] = "false" });

        var response = await app.CreateClient().GetAsync("/development/sign-in");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task WithTheSetting_OnlyALoopbackClientReachesIt()
    {
        await using var app = new OpenSendApp(_database!.ConnectionString, new FakeTimeProvider(AppFixture.Start));
        var client = app.CreateClient();

        var local = await client.GetAsync("/development/sign-in");
        var fromTheNetwork = new HttpRequestMessage(HttpMethod.Get, "/development/sign-in");
        fromTheNetwork.Headers.Add(OpenSendApp.RemoteAddressHeader, "192.0.2.10");
        var throughAProxy = new HttpRequestMessage(HttpMethod.Get, "/development/outbox");
        throughAProxy.Headers.Add("X-Forwarded-For", "192.0.2.10");

        Assert.Equal(HttpStatusCode.OK, local.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(fromTheNetwork)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(throughAProxy)).StatusCode);
    }

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
