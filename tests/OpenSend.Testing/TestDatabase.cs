using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenSend.Data.Database;

namespace OpenSend.Testing;

public enum TestProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>An empty database of either provider, migrated on first use, deleted afterwards.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _sqliteFile;

    private TestDatabase(DatabaseSettings settings, string? sqliteFile)
    {
        Settings = settings;
        _sqliteFile = sqliteFile;
    }

    public DatabaseSettings Settings { get; }

    public string ConnectionString => Settings.ConnectionString;

    public static async Task<TestDatabase> CreateAsync(TestProvider provider, PostgresServer postgres)
    {
        if (provider == TestProvider.PostgreSql)
        {
            return new TestDatabase(new DatabaseSettings(DatabaseProvider.PostgreSql, await postgres.CreateDatabaseAsync()), null);
        }

        var directory = Path.Combine(Path.GetTempPath(), "opensend-tests");
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, $"{Guid.NewGuid():N}.db");
        return new TestDatabase(new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={file}"), file);
    }

    /// <summary>Services as the app registers them, on this database.</summary>
    public ServiceProvider Services(TimeProvider time, Action<IServiceCollection>? more = null)
    {
        var services = new ServiceCollection();
        services.AddOpenSendDatabase(Settings);
        services.AddSingleton(time);
        more?.Invoke(services);
        return services.BuildServiceProvider();
    }

    public async Task MigrateAsync()
    {
        await using var services = Services(TimeProvider.System);
        await using var scope = services.CreateAsyncScope();
        await OpenSendDatabase.MigrateAsync(scope.ServiceProvider.GetRequiredService<OpenSendDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqliteFile is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { _sqliteFile, $"{_sqliteFile}-wal", $"{_sqliteFile}-shm" })
            {
                File.Delete(file);
            }
        }
    }
}
