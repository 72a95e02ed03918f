using System.Data.Common;
using OrderEats.Engine.Persistence;
using OrderEats.Engine.Sql.Dialects;

namespace OrderEats.Engine.Sql;

/// <summary>The SQL the persistence installs, for databases where the endpoint may not create tables itself.</summary>
public static class SqlSchema
{
    /// <summary>The idempotent install script (saga tables and, when <see cref="PersistenceSetup.Outbox"/> is set, the outbox) in the default schema.</summary>
    public static string Script(SqlDialectKind dialect, PersistenceSetup setup) => Script(dialect, setup, schemaName: null);

    /// <summary>The idempotent install script for the tables in <paramref name="schemaName"/> (null: the dialect's default schema).</summary>
    public static string Script(SqlDialectKind dialect, PersistenceSetup setup, string? schemaName)
    {
        ArgumentNullException.ThrowIfNull(setup);
        return CreateDialect(dialect, schemaName).Script(setup);
    }

    /// <summary>How many times a schema install runs when the database picks it as a deadlock victim.</summary>
    internal const int InstallAttempts = 5;

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction on a connection from <paramref name="open"/> that first takes the lock the engine's own schema
    /// install takes (pg_advisory_xact_lock on PostgreSQL, sp_getapplock on SQL Server; on SQLite the write transaction is the lock), and runs it
    /// again, up to five attempts in all, when the database picks it as a deadlock victim: for schema changes made outside an endpoint's install,
    /// such as a component's own migrations, so processes starting at once make each change once.
    /// </summary>
    public static async Task<T> RunLocked<T>(
        SqlDialectKind dialect, Func<CancellationToken, Task<DbConnection>> open, Func<DbTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(work);
        var sql = CreateDialect(dialect, schemaName: null);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = await open(cancellationToken);
                // Microsoft.Data.Sqlite begins IMMEDIATE (the write lock) unless asked for a deferred transaction.
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                if (sql.SchemaLockStatement is { } lockStatement)
                {
                    await using var command = connection.CreateCommand();
                    command.Transaction = transaction;
                    command.CommandText = lockStatement;
                    await command.ExecuteNonQueryAsync(cancellationToken);
                }

                var result = await work(transaction, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return result;
            }
            catch (Exception ex) when (attempt < InstallAttempts && sql.IsDeadlock(ex))
            {
                // The victim rolled back everything; the next attempt starts from what the winner committed.
            }
        }
    }

    /// <summary>True when <paramref name="exception"/> is <paramref name="dialect"/>'s deadlock (or serialization) failure, which a retry of the whole transaction resolves.</summary>
    public static bool IsDeadlock(SqlDialectKind dialect, Exception exception) => CreateDialect(dialect, schemaName: null).IsDeadlock(exception);

    internal static SqlDialect CreateDialect(SqlDialectKind dialect, string? schemaName) => dialect switch
    {
        SqlDialectKind.Sqlite => new SqliteDialect(schemaName),
        SqlDialectKind.PostgreSql => new PostgreSqlDialect(schemaName),
        SqlDialectKind.SqlServer => new SqlServerDialect(schemaName),
        _ => throw new ArgumentOutOfRangeException(nameof(dialect), dialect, "Use SqlDialectKind.Sqlite, PostgreSql or SqlServer."),
    };
}
