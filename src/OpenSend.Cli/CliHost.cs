using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using OpenSend.Data.Access;
using OpenSend.Data.Assessments;
using OpenSend.Data.Audit;
using OpenSend.Data.Database;
using OpenSend.Data.Demo;
using OpenSend.Data.Documents;
using OpenSend.Data.Identity;
using OpenSend.Data.LocalAuthorities;
using OpenSend.Data.Notifications;
using OpenSend.Data.Retention;
using Spectre.Console;

namespace OpenSend.Cli;

/// <summary>
/// What every command shares: the database (ConnectionStrings__OpenSend, else data/opensend.db under
/// the current directory, as the web app), migrated on start, the application services, and where
/// to write.
/// </summary>
public sealed class CliHost(TextWriter output, string? connectionString, TimeProvider? time)
{
    public TextWriter Output { get; } = output;

    public TimeProvider Time { get; } = time ?? TimeProvider.System;

    public IAnsiConsole Console { get; } = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });

    /// <summary>Opens a scope on a migrated database with England's LAs loaded.</summary>
    public async Task<AsyncServiceScope> OpenAsync(CancellationToken cancellationToken)
    {
        var settings = DatabaseSettings.Resolve(
            connectionString ?? Environment.GetEnvironmentVariable($"ConnectionStrings__{DatabaseSettings.ConnectionStringName}"),
            Directory.GetCurrentDirectory());
        var services = new ServiceCollection();
        services.AddOpenSendDatabase(settings);
        services.AddSingleton(Time);
        services.AddSingleton(new ServiceAddress(Environment.GetEnvironmentVariable("OpenSend__PublicBaseUrl") ?? ServiceAddress.Default));
        services.AddSingleton(new RetentionPolicy(int.TryParse(Environment.GetEnvironmentVariable("OpenSend__Retention__YearsAfterBirth"), out var years) ? years : RetentionPolicy.DefaultYearsAfterBirth));
        services.AddSingleton(DocumentStorage.Resolve(Environment.GetEnvironmentVariable("OpenSend__Documents__Path"), null, Directory.GetCurrentDirectory()));
        // The key the web app seals the audit chain with (OpenSend__Audit__Key); without it, the development key.
        services.AddSingleton(AuditKey.ConfiguredOrDevelopment(Environment.GetEnvironmentVariable("OpenSend__Audit__Key")));
        services.AddOpenSendServices();
        var provider = services.BuildServiceProvider();
        var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OpenSendDbContext>();
        await Output.WriteLineAsync($"Database: {settings.Describe()}");
        await OpenSendDatabase.MigrateAsync(db, cancellationToken);
        await LocalAuthorityRegister.EnsureLoadedAsync(db, cancellationToken);
        return scope;
    }

    public static Option<T> Required<T>(string name, string description) => new(name) { Description = description, Required = true };
}
