using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace OpenSend.Web.Tests;

/// <summary>The real web app, in memory, on a given database, with "now" under the test's control.</summary>
public sealed class OpenSendApp(string connectionString, FakeTimeProvider time, string environment = "Development", bool seedDemoData = false, int rateLimit = 100_000, bool importStatistics = false,
    IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    /// <summary>
    /// The test server has no network connection, so no client address: requests come from loopback, as
    /// a browser on the developer's machine would, unless a test names another in this header (the
    /// address of a proxy, or of a client on the network).
    /// </summary>
    public const string RemoteAddressHeader = "X-Test-Remote-Address";

    public FakeTimeProvider Time => time;

    public string DocumentsPath { get; } = Path.Combine(Path.GetTempPath(), $"opensend-web-documents-{Guid.NewGuid():N}");

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(DocumentsPath))
        {
            Directory.Delete(DocumentsPath, recursive: true);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("ConnectionStrings:OpenSend", connectionString);
        builder.UseSetting("OpenSend:SeedDemoData", seedDemoData ? "true" : "false");
        // Loading the DfE's release takes seconds; only the dashboard's tests need it.
        builder.UseSetting("OpenSend:Statistics:Import", importStatistics ? "true" : "false");
        // Tests sign in and post far more often than a person; the rate limit tests set their own limits.
        builder.UseSetting("OpenSend:RateLimits:SignInPerMinute", rateLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("OpenSend:RateLimits:PublicFormPostsPerHour", rateLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // Uploaded files go to a folder of this app's own; files over 64 KB are refused.
        builder.UseSetting("OpenSend:Documents:Path", DocumentsPath);
        builder.UseSetting("OpenSend:Documents:MaxBytes", (64 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture));
        // Where the development sign-in exists (Development), tests use it, as launchSettings.json does.
        builder.UseSetting("OpenSend:DevelopmentSignIn", environment == "Development" ? "true" : "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(time);
            services.AddSingleton<IStartupFilter, RemoteAddressFromHeader>();
        });
    }
}

/// <summary>Gives each test request a client address (see <see cref="OpenSendApp.RemoteAddressHeader"/>) before the app's own middleware runs.</summary>
internal sealed class RemoteAddressFromHeader : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            context.Connection.RemoteIpAddress = context.Request.Headers.TryGetValue(OpenSendApp.RemoteAddressHeader, out var named)
                ? IPAddress.Parse(named.ToString())
                : IPAddress.Loopback;
            await nextMiddleware();
        });
        next(app);
    };
}
