using System.Net;
using System.Net.Sockets;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OpenSend.Data.Database;
using OpenSend.Data.Demo;
using OpenSend.Data.LocalAuthorities;
using OpenSend.Testing;


namespace OpenSend.Browser.Tests;

/// <summary>The web app on a real port (Kestrel), on its own SQLite database, with real time so cookies behave as in life.</summary>
public sealed class KestrelApp(string connectionString, bool seedDemoData) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:OpenSend", connectionString);
        builder.UseSetting("OpenSend:SeedDemoData", seedDemoData ? "true" : "false");
        builder.UseSetting("OpenSend:DevelopmentSignIn", "true");
        // The seeded app is the one a newcomer starts: with the DfE's published statistics for the dashboard.
        builder.UseSetting("OpenSend:Statistics:Import", seedDemoData ? "true" : "false");
        builder.UseSetting("OpenSend:Documents:Path", Path.Combine(Path.GetTempPath(), $"opensend-browser-documents-{Guid.NewGuid():N}"));
    }
}

/// <summary>
/// Debian's Chromium driven by Playwright (never a downloaded browser), and the app it visits.
/// Subclasses choose whether Demoshire's demo cases are seeded.
/// </summary>
public abstract class BrowserFixture(bool seedDemoData) : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private TestDatabase? _database;
    private KestrelApp? _app;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = default!;

    public string BaseUrl { get; private set; } = string.Empty;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium is not installed at {ChromiumPath}. Install it with `apt-get install -y chromium`; ./test.sh does this.");
        }

        _database = await TestDatabase.CreateAsync(TestProvider.Sqlite, null!);
        var port = FreePort();
        _app = new KestrelApp(_database.ConnectionString, seedDemoData);
        _app.UseKestrel(port);
        _app.StartServer();
        BaseUrl = $"http://127.0.0.1:{port}";
        if (!seedDemoData)
        {
            await using var scope = _app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OpenSendDbContext>();
            db.LocalAuthorities.Add(LocalAuthorityRegister.Demoshire());
            await db.SaveChangesAsync();
            await scope.ServiceProvider.GetRequiredService<DemoData>().SeedOrganisationsAsync();
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = "en-GB", TimezoneId = "Europe/London" });
        // Generous: CI runs the test projects side by side on two cores, and a page waited 30 seconds
        // there once while the data tests loaded PostgreSQL (a wait, never a measure of speed).
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        Assertions.SetDefaultExpectTimeout(60_000);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

public sealed class EmptyDemoshire() : BrowserFixture(seedDemoData: false);

public sealed class SeededDemoshire() : BrowserFixture(seedDemoData: true);

public static class Accessibility
{
    private static readonly AxeRunOptions Wcag22AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    };

    /// <summary>Runs axe on the page and fails listing every WCAG 2.2 AA violation.</summary>
    public static async Task AssertAccessibleAsync(this IPage page)
    {
        var result = await page.RunAxe(Wcag22AA);
        var violations = result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))}").ToList();
        Assert.True(violations.Count == 0, $"{page.Url} has accessibility violations:\n{string.Join("\n", violations)}");
    }
}

/// <summary>What every journey does first: sign in as one of the demo's invented people (development only), and type dates.</summary>
public static class Journeys
{
    /// <summary>
    /// For a signed-in family: opens the first of their requests whose page has <paramref name="selector"/>
    /// (the demo parent follows a case at each main stage).
    /// </summary>
    public static async Task OpenRequestWithAsync(this IPage page, string selector)
    {
        await page.GotoAsync("/your-requests");
        var requests = await page.Locator("#your-requests a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        foreach (var request in requests)
        {
            await page.GotoAsync(request);
            if (await page.Locator(selector).CountAsync() > 0)
            {
                return;
            }
        }

        throw new InvalidOperationException($"None of the family's requests shows {selector}.");
    }

    /// <summary>Signs in through the development sign-in as the choice labelled <paramref name="who"/> ("Sam Carter, LA SEND caseworker").</summary>
    public static async Task SignInAsAsync(this IPage page, string who)
    {
        await page.GotoAsync("/development/sign-in");
        await page.GetByLabel(who).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    /// <summary>Types a date into the GOV.UK date input named <paramref name="field"/>.</summary>
    public static async Task FillDateAsync(this IPage page, string field, DateOnly date)
    {
        await page.Locator($"#{field}-day").FillAsync(date.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator($"#{field}-month").FillAsync(date.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator($"#{field}-year").FillAsync(date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
