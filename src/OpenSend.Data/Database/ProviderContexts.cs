using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace OpenSend.Data.Database;

/// <summary>SQLite, the embedded default. Its migrations are in Migrations/Sqlite.</summary>
public sealed class SqliteOpenSendDbContext(DbContextOptions<SqliteOpenSendDbContext> options) : OpenSendDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite has no date-time-with-offset type, and EF cannot order or compare the text form;
        // instants are stored as UTC ticks so they sort and compare correctly.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

/// <summary>PostgreSQL, for shared and national deployments. Its migrations are in Migrations/PostgreSql.</summary>
public sealed class PostgreSqlOpenSendDbContext(DbContextOptions<PostgreSqlOpenSendDbContext> options) : OpenSendDbContext(options);
