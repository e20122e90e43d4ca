using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using OpenSend.Data.Assessments;
using OpenSend.Data.Database;
using OpenSend.Data.Demo;
using OpenSend.Data.Journeys;
using OpenSend.Web.Assessments;
using OpenSend.Web.Journeys;
using OpenSend.Web.Problems;
using OpenSend.Web.SignIn;
using OpenSend.Web.Startup;
using OpenSend.Web.Timescales;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = ContentRoot.Find(args) });

// The database: ConnectionStrings:OpenSend (a PostgreSQL string selects PostgreSQL), else SQLite
// at data/opensend.db under the current directory, shared with the CLI.
var database = DatabaseSettings.Resolve(builder.Configuration.GetConnectionString(DatabaseSettings.ConnectionStringName), Directory.GetCurrentDirectory());
builder.Services.AddOpenSendDatabase(database);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddScoped<AssessmentCases>();
builder.Services.AddScoped<AssessmentQueries>();
builder.Services.AddScoped<FormJourneyStore>();
builder.Services.AddScoped<DemoData>();
builder.Services.AddHostedService<FormJourneySweep>();

builder.Services.AddSingleton<DatabaseXmlRepository>();
builder.Services.AddDataProtection().SetApplicationName("OpenSEND");
builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
    new ConfigureOptions<KeyManagementOptions>(options => options.XmlRepository = sp.GetRequiredService<DatabaseXmlRepository>()));

builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
    .AddCookie(options =>
    {
        options.Cookie.Name = "opensend-session";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.ExpireTimeSpan = TimeSpan.FromHours(8);
        options.SlidingExpiration = true;
        options.LoginPath = "/sign-in";
        options.AccessDeniedPath = "/sign-in";
        // The API answers 401/403 problem details rather than redirecting to a page.
        options.Events.OnRedirectToLogin = context => ApiOrRedirect(context, StatusCodes.Status401Unauthorized);
        options.Events.OnRedirectToAccessDenied = context => ApiOrRedirect(context, StatusCodes.Status403Forbidden);
    });
builder.Services.AddAuthorizationBuilder()
    .AddPolicy(StaffRoles.LaStaffPolicy, policy => policy
        .RequireAuthenticatedUser()
        .RequireClaim(StaffClaims.LaCode)
        .RequireRole(StaffRoles.LaCaseworker, StaffRoles.LaSendManager));

builder.Services.AddRazorPages(options =>
{
    options.Conventions.AuthorizeFolder("/Assessments/Cases", StaffRoles.LaStaffPolicy);
    options.Conventions.AuthorizePage("/Assessments/Caseload", StaffRoles.LaStaffPolicy);
    options.Conventions.AuthorizePage("/Assessments/RecordRequest", StaffRoles.LaStaffPolicy);
    if (!builder.Environment.IsDevelopment())
    {
        // The development sign-in must not exist outside Development: its routes are removed.
        options.Conventions.AddFolderRouteModelConvention("/SignIn", model => model.Selectors.Clear());
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

var app = builder.Build();

await app.PrepareDatabaseAsync();

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
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapOpenApi();
app.MapRazorPages();
app.MapTimescaleEndpoints();
app.MapAssessmentEndpoints();

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

/// <summary>The web app's entry point; public so tests can host it with WebApplicationFactory.</summary>
public partial class Program;
