using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using Xunit;

namespace OpenSend.Testing;

/// <summary>
/// A throwaway PostgreSQL cluster for one test run: initdb in a temporary directory, started on a
/// free port on 127.0.0.1, deleted at the end. With OPENSEND_TEST_POSTGRES set to a connection
/// string, that server is used instead. Every test database is created fresh on it.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string ExternalServerVariable = "OPENSEND_TEST_POSTGRES";

    private string? _dataDirectory;
    private string? _binDirectory;

    public string AdminConnectionString { get; private set; } = string.Empty;

    /// <summary>
    /// Keep PostgreSQL's default durability (fsync, synchronous commit). Tests turn it off for
    /// speed; benchmarks keep it so their figures are those of a real server.
    /// </summary>
    public bool Durable { get; init; }

    public async ValueTask InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable(ExternalServerVariable) is { Length: > 0 } external)
        {
            AdminConnectionString = external;
            return;
        }

        _binDirectory = FindBinDirectory();
        _dataDirectory = Path.Combine(Path.GetTempPath(), $"opensend-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_dataDirectory);
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            // PostgreSQL refuses to run as root: the cluster belongs to the postgres user.
            await RunAsync("chown", $"postgres:postgres {_dataDirectory}");
        }

        var port = FreePort();
        await RunPostgresAsync(asRoot, "initdb", $"-D {_dataDirectory} -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8");
        await RunPostgresAsync(asRoot, "pg_ctl",
            $"-D {_dataDirectory} -l {_dataDirectory}/server.log -w -t 60 -o \"-p {port} -k {_dataDirectory} -c listen_addresses=127.0.0.1 {(Durable ? "-c shared_buffers=1GB" : "-c fsync=off -c synchronous_commit=off -c full_page_writes=off")} -c max_connections=200\" start");
        AdminConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false;Timeout=30";
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"opensend_test_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_dataDirectory is null)
        {
            return;
        }

        try
        {
            await RunPostgresAsync(Environment.UserName == "root", "pg_ctl", $"-D {_dataDirectory} -m immediate -w stop");
        }
        finally
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    private static string FindBinDirectory()
    {
        var root = "/usr/lib/postgresql";
        var candidates = Directory.Exists(root)
            ? Directory.GetDirectories(root).Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0).ToList()
            : [];
        return candidates.FirstOrDefault()
            ?? throw new InvalidOperationException(
                $"PostgreSQL is not installed (no initdb under {root}). Install it (apt-get install postgresql) or set {ExternalServerVariable} to a server's connection string; ./test.sh does this.");
    }

    private Task RunPostgresAsync(bool asRoot, string tool, string arguments)
    {
        var executable = Path.Combine(_binDirectory!, tool);
        return asRoot ? RunAsync("runuser", $"-u postgres -- {executable} {arguments}") : RunAsync(executable, arguments);
    }

    private static async Task RunAsync(string fileName, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(fileName, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {arguments} failed ({process.ExitCode}): {await stderr} {await stdout}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
