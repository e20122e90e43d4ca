using System.Security.Cryptography.X509Certificates;
using OpenSend.Web.Notifications;

namespace OpenSend.Web.Startup;

/// <summary>
/// The settings a deployment outside Development must set, checked before anything starts, so a
/// missing one is a clear message at start rather than a late failure (a sign-in code never sent, a
/// key ring readable from a backup). Every problem is listed at once. docs/deploying.md explains each.
/// </summary>
public static class DeploymentSettings
{
    public const string DevelopmentSignInKey = "OpenSend:DevelopmentSignIn";
    public const string SeedDemoDataKey = "OpenSend:SeedDemoData";
    public const string KeyRingCertificatePathKey = "OpenSend:DataProtection:CertificatePath";
    public const string KeyRingCertificatePasswordKey = "OpenSend:DataProtection:CertificatePassword";

    /// <summary>
    /// The development sign-in and outbox exist only in Development and only when asked for
    /// (launchSettings.json sets it for `dotnet run`), never because an environment name was left at
    /// its default.
    /// </summary>
    public static bool DevelopmentSignInEnabled(IConfiguration configuration, IHostEnvironment environment) =>
        environment.IsDevelopment() && configuration.GetValue(DevelopmentSignInKey, false);

    /// <summary>Demo data is invented people and cases: seeded only in Development, or by `opensend seed demo`.</summary>
    public static bool SeedDemoData(IConfiguration configuration, IHostEnvironment environment) =>
        environment.IsDevelopment() && configuration.GetValue(SeedDemoDataKey, false);

    public static IReadOnlyList<string> Problems(IConfiguration configuration, IHostEnvironment environment)
    {
        if (environment.IsDevelopment())
        {
            return [];
        }

        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(configuration.GetConnectionString("OpenSend")))
        {
            problems.Add("ConnectionStrings:OpenSend is not set: name the database (PostgreSQL: \"Host=...;Database=...;Username=...;Password=...\").");
        }

        var baseUrl = configuration["OpenSend:PublicBaseUrl"];
        if (string.IsNullOrWhiteSpace(baseUrl))
        {
            problems.Add("OpenSend:PublicBaseUrl is not set: emailed links need the service's public https:// address.");
        }
        else if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var address) || address.Scheme != Uri.UriSchemeHttps)
        {
            problems.Add($"OpenSend:PublicBaseUrl is \"{baseUrl}\": it must be the service's public https:// address.");
        }

        var notifications = configuration.GetSection("Notifications").Get<NotificationOptions>() ?? new NotificationOptions();
        switch (notifications.Sender)
        {
            case SenderKind.Outbox:
                problems.Add("Notifications:Sender is Outbox (the default): emails, including sign-in codes, would never be sent. Set Smtp or GovUkNotify.");
                break;
            case SenderKind.GovUkNotify when string.IsNullOrWhiteSpace(notifications.GovUkNotify.ApiKey) || string.IsNullOrWhiteSpace(notifications.GovUkNotify.TemplateId):
                problems.Add("Notifications:GovUkNotify:ApiKey and TemplateId must both be set when Notifications:Sender is GovUkNotify.");
                break;
        }

        if (string.IsNullOrWhiteSpace(configuration[KeyRingCertificatePathKey]))
        {
            problems.Add($"{KeyRingCertificatePathKey} is not set: the data-protection key ring (sessions, authenticator secrets) must be encrypted with a certificate kept outside the database.");
        }
        else if (LoadKeyRingCertificate(configuration, out var error) is null)
        {
            problems.Add(error!);
        }

        if (OpenSend.Data.Audit.AuditKey.FromBase64(configuration[OpenSend.Data.Audit.AuditKey.SettingKey], out var auditKeyProblem) is null)
        {
            problems.Add(auditKeyProblem!);
        }

        if (configuration.GetValue(SeedDemoDataKey, false))
        {
            problems.Add($"{SeedDemoDataKey} is true: invented demo people and cases are never created outside Development (use `opensend seed demo` on a demonstration database).");
        }

        if (configuration.GetValue(DevelopmentSignInKey, false))
        {
            problems.Add($"{DevelopmentSignInKey} is true: the development sign-in never exists outside Development.");
        }

        return problems;
    }

    /// <summary>Refuses to start, naming every problem, when a deployment outside Development is not safe to run.</summary>
    public static void EnsureSafe(IConfiguration configuration, IHostEnvironment environment)
    {
        var problems = Problems(configuration, environment);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                $"OpenSEND will not start in {environment.EnvironmentName} until these settings are fixed (docs/deploying.md):{Environment.NewLine}"
                + string.Join(Environment.NewLine, problems.Select(p => $"- {p}")));
        }
    }

    /// <summary>The certificate (PKCS#12 with its private key) that encrypts the data-protection key ring at rest.</summary>
    public static X509Certificate2? LoadKeyRingCertificate(IConfiguration configuration, out string? error)
    {
        error = null;
        var path = configuration[KeyRingCertificatePathKey];
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration[KeyRingCertificatePasswordKey]);
            if (!certificate.HasPrivateKey)
            {
                error = $"{KeyRingCertificatePathKey} ({path}) has no private key: the key ring could be written but never read back.";
                return null;
            }

            return certificate;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            error = $"{KeyRingCertificatePathKey} ({path}) cannot be read as a PKCS#12 certificate with {KeyRingCertificatePasswordKey}: {ex.Message}";
            return null;
        }
    }
}
