using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using OpenSend.Data.Database;
using OpenSend.Domain.Assessments;
using OpenSend.Domain.Plans;
using OpenSend.Domain.Reviews;

namespace OpenSend.Data.Generation;

/// <summary>Cases written, and rows across all their tables.</summary>
public sealed record BulkLoadResult(long Cases, long Rows);

/// <summary>
/// Writes many cases fast, in bounded memory: PostgreSQL through binary COPY, SQLite through one
/// prepared insert per table inside a transaction per batch. Tables and columns come from the EF
/// Core model (names, value conversions, complex properties), so the loader cannot drift from the
/// schema the migrations create.
/// </summary>
public sealed class BulkLoader(OpenSendDbContext db)
{
    public const int DefaultBatchSize = 5_000;

    /// <summary>
    /// Loads <paramref name="cases"/> with their advice, panel recommendations, exceptions,
    /// timelines, plans with their versions, and reviews, a batch per transaction, reporting the
    /// running totals after each batch.
    /// </summary>
    public async Task<BulkLoadResult> LoadAsync(IEnumerable<GeneratedCase> cases, IProgress<BulkLoadResult>? progress = null, int batchSize = DefaultBatchSize, CancellationToken cancellationToken = default)
    {
        var tables = new TableWriters(db);
        var total = new BulkLoadResult(0, 0);
        foreach (var batch in cases.Chunk(batchSize))
        {
            var rows = await WriteBatchAsync(tables, batch, cancellationToken);
            total = new BulkLoadResult(total.Cases + batch.Length, total.Rows + rows);
            progress?.Report(total);
        }

        return total;
    }

    private async Task<long> WriteBatchAsync(TableWriters tables, GeneratedCase[] batch, CancellationToken cancellationToken)
    {
        var assessments = batch.Select(c => c.Assessment).ToList();
        var plans = batch.Select(c => c.Plan).OfType<EhcPlan>().ToList();
        var sets = new (Table Table, IEnumerable<object> Rows)[]
        {
            (tables.For<EhcCase>(), assessments),
            (tables.For<AdviceRequest>(), assessments.SelectMany(c => c.AdviceRequests)),
            (tables.For<PanelRecommendation>(), assessments.SelectMany(c => c.PanelRecommendations)),
            (tables.For<PathwayException>(), assessments.SelectMany(c => c.Exceptions)),
            (tables.For<PathwayEvent>(), assessments.SelectMany(c => c.Timeline)),
            (tables.For<EhcPlan>(), plans),
            (tables.For<PlanVersion>(), plans.SelectMany(p => p.Versions)),
            (tables.For<AnnualReview>(), batch.SelectMany(c => c.Reviews)),
        };
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        long written = 0;
        if (connection is NpgsqlConnection npgsql)
        {
            // Binary COPY: one stream per table, the batch committed as one transaction.
            await using var transaction = await npgsql.BeginTransactionAsync(cancellationToken);
            foreach (var (table, rows) in sets)
            {
                await using var writer = await npgsql.BeginBinaryImportAsync(table.CopyCommand, cancellationToken);
                foreach (var row in rows)
                {
                    await writer.StartRowAsync(cancellationToken);
                    foreach (var column in table.Columns)
                    {
                        var value = column.ProviderValue(row);
                        if (value is null)
                        {
                            await writer.WriteNullAsync(cancellationToken);
                        }
                        else
                        {
                            await writer.WriteAsync(value, column.PostgresType, cancellationToken);
                        }
                    }

                    written++;
                }

                await writer.CompleteAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return written;
        }

        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            foreach (var (table, rows) in sets)
            {
                await using var command = table.InsertCommand(connection, transaction);
                foreach (var row in rows)
                {
                    for (var i = 0; i < table.Columns.Count; i++)
                    {
                        command.Parameters[i].Value = table.Columns[i].ProviderValue(row) ?? DBNull.Value;
                    }

                    await command.ExecuteNonQueryAsync(cancellationToken);
                    written++;
                }
            }

            await transaction.CommitAsync(cancellationToken);
        }

        return written;
    }

    /// <summary>One column: its name, how to read its provider value from an entity, and its PostgreSQL type.</summary>
    private sealed record Column(string Name, Func<object, object?> ProviderValue, RelationalTypeMapping Mapping)
    {
        /// <summary>The column's PostgreSQL type without facets ("character varying", "uuid", "text[]"), which tells COPY how to encode the value.</summary>
        public string PostgresType => Mapping.StoreTypeNameBase;
    }

    private sealed record Table(string Name, IReadOnlyList<Column> Columns)
    {
        public string CopyCommand => $"COPY \"{Name}\" ({string.Join(", ", Columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)";

        public DbCommand InsertCommand(DbConnection connection, DbTransaction transaction)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"INSERT INTO \"{Name}\" ({string.Join(", ", Columns.Select(c => $"\"{c.Name}\""))}) VALUES ({string.Join(", ", Columns.Select((_, i) => $"@p{i}"))})";
            for (var i = 0; i < Columns.Count; i++)
            {
                // The type mapping sets the parameter's type as EF Core would (GUIDs as text in SQLite, ...).
                command.Parameters.Add(Columns[i].Mapping.CreateParameter(command, $"@p{i}", null));
            }

            command.Prepare();
            return command;
        }
    }

    private sealed class TableWriters(OpenSendDbContext db)
    {
        private readonly Dictionary<Type, Table> _tables = [];

        public Table For<T>()
        {
            if (_tables.TryGetValue(typeof(T), out var table))
            {
                return table;
            }

            var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
            var name = entityType.GetTableName()!;
            var store = StoreObjectIdentifier.Table(name, entityType.GetSchema());
            var columns = entityType.GetProperties()
                .Select(p => ColumnFor(p, store, entity => p.GetGetter().GetClrValueUsingContainingEntity(entity)))
                .Concat(entityType.GetComplexProperties().SelectMany(complex => complex.ComplexType.GetProperties()
                    .Select(p => ColumnFor(p, store, entity => p.GetGetter().GetClrValueUsingContainingEntity(entity)))))
                .ToList();
            table = new Table(name, columns);
            _tables[typeof(T)] = table;
            return table;
        }

        private Column ColumnFor(IProperty property, StoreObjectIdentifier store, Func<object, object?> clrValue)
        {
            var mapping = property.GetRelationalTypeMapping();
            var converter = mapping.Converter;
            return new Column(
                property.GetColumnName(store) ?? property.GetColumnName(),
                entity =>
                {
                    var value = clrValue(entity);
                    return value is null ? null : converter is null ? value : converter.ConvertToProvider(value);
                },
                mapping);
        }
    }
}
