using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using OpenSend.Data.Access;
using OpenSend.Data.Audit;
using OpenSend.Data.Database;
using OpenSend.Data.Documents;
using OpenSend.Data.Identity;
using OpenSend.Data.Retention;
using OpenSend.Domain.Identity;
using OpenSend.Web.Assessments;
using OpenSend.Web.Dashboard;
using OpenSend.Web.Journeys;
using OpenSend.Web.Notifications;
using OpenSend.Web.Partnerships;
using OpenSend.Web.Placements;
using OpenSend.Web.Plans;
using OpenSend.Web.Problems;
using OpenSend.Web.Security;
using OpenSend.Web.SignIn;
using OpenSend.Web.Startup;
using OpenSend.Web.Timescales;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = ContentRoot.Find(args) });
var configuration = builder.Configuration;
DeploymentSettings.EnsureSafe(configuration, builder.Environment);

// The database: ConnectionStrings:OpenSend (a PostgreSQL string selects PostgreSQL), else SQLite
// at data/opensend.db under the current directory, shared with the CLI.
var database = DatabaseSettings.Resolve(configuration.GetConnectionString(DatabaseSettings.ConnectionStringName), Directory.GetCurrentDirectory());
builder.Services.AddOpenSendDatabase(database);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton(new ServiceAddress(configuration["OpenSend:PublicBaseUrl"] ?? ServiceAddress.Default));
builder.Services.AddSingleton(new PasswordHashing(configuration.GetValue("OpenSend:PasswordHashIterations", PasswordHashing.DefaultIterations)));
builder.Services.AddSingleton(new RetentionPolicy(configuration.GetValue("OpenSend:Retention:YearsAfterBirth", RetentionPolicy.DefaultYearsAfterBirth)));
// Registered before the services, so the configured audit key replaces the development one (required outside Development).
builder.Services.AddSingleton(AuditKey.ConfiguredOrDevelopment(configuration[AuditKey.SettingKey]));
builder.Services.AddOpenSendServices();
builder.Services.AddSingleton(sp => new CaseAccessPolicy(sp.GetRequiredService<TimeProvider>(),
    TimeSpan.FromDays(configuration.GetValue("OpenSend:Access:DaysAfterPartEnds", CaseAccessPolicy.DefaultAfterPartEnds.Days))));
builder.Services.AddSingleton(DocumentStorage.Resolve(configuration["OpenSend:Documents:Path"], configuration.GetValue<long?>("OpenSend:Documents:MaxBytes"), Directory.GetCurrentDirectory()));
builder.Services.AddHostedService<FormJourneySweep>();
builder.Services.AddHostedService<AuditSealing>();
builder.Services.AddHostedService<RetentionSchedule>();
builder.Services.AddHostedService<DashboardRecount>();

var notifications = configuration.GetSection("Notifications").Get<NotificationOptions>() ?? new NotificationOptions();
builder.Services.AddSingleton(notifications);
builder.Services.AddHostedService<NotificationDelivery>();

builder.Services.AddSingleton<DatabaseXmlRepository>();
var dataProtection = builder.Services.AddDataProtection().SetApplicationName("OpenSEND");
// The key ring lives in the database; encrypted with a certificate kept outside it, a database backup
// alone cannot forge a session or read an authenticator secret (required outside Development).
if (DeploymentSettings.LoadKeyRingCertificate(configuration, out var keyRingError) is { } keyRingCertificate)
{
    dataProtection.ProtectKeysWithCertificate(keyRingCertificate);
}
else if (keyRingError is not null)
{
    throw new InvalidOperationException(keyRingError);
}

builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
    new ConfigureOptions<KeyManagementOptions>(options => options.XmlRepository = sp.GetRequiredService<DatabaseXmlRepository>()));
builder.Services.AddSingleton<ISecretProtector, DataProtectionSecretProtector>();

var secureCookies = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
builder.Services.AddAuthentication(StaffClaims.Scheme)
    .AddCookie(StaffClaims.Scheme, options =>
    {
        options.Cookie.Name = "opensend-session";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.SecurePolicy = secureCookies;
        // Signed out after 30 minutes without activity: these are children's records.
        options.ExpireTimeSpan = TimeSpan.FromMinutes(configuration.GetValue("OpenSend:SessionIdleMinutes", 30));
        options.SlidingExpiration = true;
        options.LoginPath = "/sign-in";
        options.AccessDeniedPath = "/error/403";
        // The API answers 401/403 problem details rather than redirecting to a page.
        options.Events.OnRedirectToLogin = context => ApiOrRedirect(context, StatusCodes.Status401Unauthorized);
        options.Events.OnRedirectToAccessDenied = context => ApiOrRedirect(context, StatusCodes.Status403Forbidden);
        // However active, a session ends a fixed time after sign-in (OpenSend:SessionAbsoluteHours):
        // a cookie taken from a shared computer does not work for ever by being used.
        options.Events.OnSigningIn = SessionLifetime.Start;
        // Removing a member of staff, or a family account, ends their access at once.
        var absoluteLimit = TimeSpan.FromHours(configuration.GetValue("OpenSend:SessionAbsoluteHours", SessionLifetime.DefaultAbsoluteHours));
        options.Events.OnValidatePrincipal = context => ValidateStillEntitled(context, absoluteLimit);
    })
    .AddCookie(PendingSignIn.Scheme, options =>
    {
        options.Cookie.Name = "opensend-pending-sign-in";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.SecurePolicy = secureCookies;
        options.ExpireTimeSpan = PendingSignIn.Lifetime;
        options.SlidingExpiration = false;
    });
builder.Services.AddAuthorizationBuilder()
    .AddPolicy(Policies.LaStaff, policy => policy.RequireAssertion(context => context.User.ToViewer().IsLaStaff))
    .AddPolicy(Policies.LaManager, policy => policy.RequireAssertion(context => context.User.ToViewer() is { IsLaStaff: true, Role: Role.LaSendManager }))
    .AddPolicy(Policies.Staff, policy => policy.RequireAssertion(context => context.User.ToViewer().IsStaff))
    .AddPolicy(Policies.Family, policy => policy.RequireAssertion(context => context.User.ToViewer().IsFamily))
    .AddPolicy(Policies.Dfe, policy => policy.RequireAssertion(context => context.User.ToViewer() is { IsStaff: true, Role: Role.DfeAnalyst, OrganisationKind: OrganisationKind.DepartmentForEducation }))
    .AddPolicy(Policies.Administrator, policy => policy.RequireAssertion(context => context.User.ToViewer() is { IsStaff: true, Role: Role.Administrator }));
builder.Services.AddOpenSendForwardedHeaders(configuration);
builder.Services.AddOpenSendRateLimits(configuration);
builder.Services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));

builder.Services.AddRazorPages(options =>
{
    options.Conventions.ConfigureFilter(new GetOnlyPages());
    PageAccess.Apply(options.Conventions);
    if (DeploymentSettings.DevelopmentSignInEnabled(configuration, builder.Environment))
    {
        options.Conventions.AddFolderApplicationModelConvention("/Development", model => model.Filters.Add(new LoopbackOnly()));
    }
    else
    {
        // The development sign-in and outbox exist only in Development when asked for: otherwise their routes are removed.
        options.Conventions.AddFolderRouteModelConvention("/Development", model => model.Selectors.Clear());
    }
});
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ApiProblems>();
builder.Services.ConfigureHttpJsonOptions(options =>
{
    options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
    options.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
});
builder.Services.AddOpenApi();
builder.Services.AddHealthChecks().AddCheck<DatabaseReadiness>("database", tags: [DatabaseReadiness.Tag]);

var app = builder.Build();

await app.PrepareDatabaseAsync();

app.UseForwardedHeaders();
app.UseSecurityHeaders();
app.UseExceptionHandler();
// Error statuses: problem details on the API, a GOV.UK error page everywhere else.
app.UseWhen(context => context.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
app.UseWhen(context => !context.Request.Path.StartsWithSegments("/api"), pages => pages.UseStatusCodePagesWithReExecute("/error/{0}"));
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}

// GOV.UK Frontend's compiled files come from npm (node_modules), restored by the build.
var govukFrontend = Path.Combine(app.Environment.ContentRootPath, "node_modules", "govuk-frontend", "dist", "govuk");
if (!File.Exists(Path.Combine(govukFrontend, "govuk-frontend.min.css")))
{
    throw new InvalidOperationException($"GOV.UK Frontend is missing from {govukFrontend}. Build the web project (it runs npm ci) or run npm ci in src/OpenSend.Web.");
}

app.UseStaticFiles();
app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(govukFrontend), RequestPath = "/govuk" });
app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Path.Combine(govukFrontend, "assets")), RequestPath = "/assets" });

app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapOpenApi();
// Liveness for a load balancer: answers without touching the database, so it is also the baseline
// the page load benchmarks are measured against (docs/benchmarks.md).
app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(DatabaseReadiness.Tag) });
app.MapRazorPages();
app.MapTimescaleEndpoints();
app.MapAssessmentEndpoints();
app.MapPlanEndpoints();
app.MapPlacementEndpoints();
app.MapDashboardEndpoints();
app.MapOpenReferralEndpoints();

app.Run();

static Task ApiOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
{
    if (context.Request.Path.StartsWithSegments("/api"))
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }

    context.Response.Redirect(context.RedirectUri);
    return Task.CompletedTask;
}

static async Task ValidateStillEntitled(CookieValidatePrincipalContext context, TimeSpan absoluteLimit)
{
    if (!SessionLifetime.IsWithinAbsoluteLimit(context, absoluteLimit))
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(StaffClaims.Scheme);
        return;
    }

    var viewer = context.Principal!.ToViewer();
    var db = context.HttpContext.RequestServices.GetRequiredService<OpenSendDbContext>();
    var entitled = viewer.IsFamily
        ? await db.People.AnyAsync(p => p.Id == viewer.PersonId && p.Kind == PersonKind.Family)
        : context.Principal!.MembershipId() is { } membershipId && await db.Memberships.AnyAsync(m => m.Id == membershipId && m.RemovedAt == null);
    if (!entitled)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(StaffClaims.Scheme);
    }
}

/// <summary>The web app's entry point; public so tests can host it with WebApplicationFactory.</summary>
public partial class Program;
