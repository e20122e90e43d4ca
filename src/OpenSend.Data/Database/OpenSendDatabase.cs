using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.DependencyInjection;
using OpenSend.Data.Access;

namespace OpenSend.Data.Database;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>The database the app and the CLI use, chosen from the "OpenSend" connection string.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string ConnectionStringName = "OpenSend";

    /// <summary>Where the embedded database lives when no connection string is configured.</summary>
    public const string DefaultSqlitePath = "data/opensend.db";

    /// <summary>
    /// A PostgreSQL connection string (one naming a Host or Server) selects PostgreSQL; anything
    /// else is a SQLite connection string. Nothing configured means SQLite at data/opensend.db
    /// under <paramref name="currentDirectory"/>, so the web app and the CLI run from the
    /// repository root share one database.
    /// </summary>
    public static DatabaseSettings Resolve(string? configured, string currentDirectory)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            var path = Path.GetFullPath(Path.Combine(currentDirectory, DefaultSqlitePath));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            return new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={path}");
        }

        var builder = new DbConnectionStringBuilder { ConnectionString = configured };
        var isPostgreSql = builder.ContainsKey("Host") || builder.ContainsKey("Server");
        if (!isPostgreSql && builder.TryGetValue("Data Source", out var source) && source is string file && !file.StartsWith(':'))
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(Path.Combine(currentDirectory, file)));
            if (directory is not null)
            {
                Directory.CreateDirectory(directory);
            }
        }

        return new DatabaseSettings(isPostgreSql ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite, configured);
    }

    public string Describe() => Provider == DatabaseProvider.PostgreSql
        ? "PostgreSQL"
        : $"SQLite ({new DbConnectionStringBuilder { ConnectionString = ConnectionString }["Data Source"]})";
}

public static class OpenSendDatabase
{
    public static IServiceCollection AddOpenSendDatabase(this IServiceCollection services, DatabaseSettings settings)
    {
        services.AddSingleton(settings);
        if (settings.Provider == DatabaseProvider.PostgreSql)
        {
            services.AddDbContext<PostgreSqlOpenSendDbContext>(options => ConfigurePostgreSql(options, settings.ConnectionString));
            services.AddScoped<OpenSendDbContext>(sp => WithPolicy(sp, sp.GetRequiredService<PostgreSqlOpenSendDbContext>()));
        }
        else
        {
            services.AddDbContext<SqliteOpenSendDbContext>(options => ConfigureSqlite(options, settings.ConnectionString));
            services.AddScoped<OpenSendDbContext>(sp => WithPolicy(sp, sp.GetRequiredService<SqliteOpenSendDbContext>()));
        }

        return services;
    }

    /// <summary>Case access is judged by the services' clock and the configured policy (<see cref="CaseAccessPolicy"/>).</summary>
    private static OpenSendDbContext WithPolicy(IServiceProvider services, OpenSendDbContext db)
    {
        db.AccessPolicy = services.GetService<CaseAccessPolicy>()
            ?? new CaseAccessPolicy(services.GetService<TimeProvider>() ?? TimeProvider.System, CaseAccessPolicy.DefaultAfterPartEnds);
        return db;
    }

    internal static void ConfigureSqlite(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, sqlite => sqlite.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention();

    internal static void ConfigurePostgreSql(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention();

    /// <summary>Applies pending migrations; both the web app and the CLI call this on start.</summary>
    public static async Task MigrateAsync(OpenSendDbContext db, CancellationToken cancellationToken = default)
    {
        if (db.Database.IsSqlite())
        {
            // Write-ahead logging lets pages read while a write is in progress.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await db.Database.MigrateAsync(cancellationToken);
    }
}

/// <summary>Lets `dotnet ef migrations add --context SqliteOpenSendDbContext` build the model.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteOpenSendDbContext>
{
    public SqliteOpenSendDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SqliteOpenSendDbContext>();
        OpenSendDatabase.ConfigureSqlite(options, "Data Source=design-time.db");
        return new SqliteOpenSendDbContext(options.Options);
    }
}

/// <summary>Lets `dotnet ef migrations add --context PostgreSqlOpenSendDbContext` build the model.</summary>
internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlOpenSendDbContext>
{
    public PostgreSqlOpenSendDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PostgreSqlOpenSendDbContext>();
        OpenSendDatabase.ConfigurePostgreSql(options, "Host=localhost;Database=opensend_design");
        return new PostgreSqlOpenSendDbContext(options.Options);
    }
}
