using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace OpenSend.Web.Tests;

/// <summary>The real web app, in memory, on a given database, with "now" under the test's control.</summary>
public sealed class OpenSendApp(string connectionString, FakeTimeProvider time, string environment = "Development", bool seedDemoData = false, int rateLimit = 100_000, bool importStatistics = false)
    : WebApplicationFactory<Program>
{
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
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(time));
    }
}
