using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenSend.Data.Database;
using OpenSend.Data.LocalAuthorities;

namespace OpenSend.Benchmarks;

/// <summary>The database the benchmarks run against: its settings and a way to open a context on it.</summary>
public sealed class BenchDatabase(DatabaseSettings settings)
{
    /// <summary>Where the benchmark child code finds the database (BenchmarkDotNet builds its own instances).</summary>
    public const string ConnectionVariable = "OPENSEND_BENCH_DATABASE";

    private readonly ServiceProvider _services = new ServiceCollection().AddOpenSendDatabase(settings).BuildServiceProvider();

    public DatabaseSettings Settings { get; } = settings;

    public static BenchDatabase FromEnvironment() =>
        new(DatabaseSettings.Resolve(Environment.GetEnvironmentVariable(ConnectionVariable)
            ?? throw new InvalidOperationException($"{ConnectionVariable} is not set; run the benchmarks through Program (it prepares the database)."), Directory.GetCurrentDirectory()));

    public AsyncServiceScope Open(out OpenSendDbContext db)
    {
        var scope = _services.CreateAsyncScope();
        db = scope.ServiceProvider.GetRequiredService<OpenSendDbContext>();
        return scope;
    }

    public async Task MigrateAsync()
    {
        await using var scope = Open(out var db);
        await OpenSendDatabase.MigrateAsync(db);
        await LocalAuthorityRegister.EnsureLoadedAsync(db);
    }

    public async Task AnalyseAsync()
    {
        await using var scope = Open(out var db);
        await db.Database.ExecuteSqlRawAsync(Settings.Provider == DatabaseProvider.PostgreSql ? "VACUUM ANALYZE" : "ANALYZE");
    }
}
