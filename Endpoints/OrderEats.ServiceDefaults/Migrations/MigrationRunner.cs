using System.Data.Common;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Data.SqlClient;
using Npgsql;
using OrderEats.Engine.Sql;

namespace OrderEats.ServiceDefaults.Migrations;

/// <summary>
/// Applies a component's missing scripts in order, each followed by its journal row, inside the caller's transaction: the engine's schema
/// install, which holds the schema lock (pg_advisory_xact_lock on PostgreSQL, sp_getapplock on SQL Server, BEGIN IMMEDIATE on SQLite), so
/// instances starting at once apply each script once, and retries the whole transaction when it deadlocks.
/// </summary>
public static partial class MigrationRunner
{
    /// <summary>Applies the scripts of <paramref name="migrations"/> not yet in the journal; returns their names.</summary>
    public static async Task<IReadOnlyList<string>> Apply(
        DbTransaction transaction, SqlDialectKind kind, BusinessMigrations migrations, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(migrations);
        var connection = transaction.Connection!;
        await connection.ExecuteAsync(SqlValues.Command(MigrationJournal.Create(kind), null, transaction, cancellationToken));
        var applied = (await connection.QueryAsync<string>(SqlValues.Command(MigrationJournal.Applied, new { component = migrations.Component }, transaction, cancellationToken)))
            .ToHashSet(StringComparer.Ordinal);
        var ran = new List<string>();
        foreach (var script in migrations.Scripts(kind).Where(s => !applied.Contains(s.Name)))
        {
            foreach (var batch in Batches(kind, script.Sql))
            {
                try
                {
                    await connection.ExecuteAsync(SqlValues.Command(batch, null, transaction, cancellationToken));
                }
                catch (DbException ex) when (!IsDeadlock(ex))
                {
                    throw new InvalidOperationException(
                        $"Migration {migrations.Component}/{kind}/{script.Name} failed: {ex.Message} Nothing of it was applied (the transaction rolls back); " +
                        "fix the script or the data it stumbled on and start again.", ex);
                }
            }

            await connection.ExecuteAsync(SqlValues.Command(
                MigrationJournal.Record(kind), new { component = migrations.Component, script = script.Name }, transaction, cancellationToken));
            ran.Add(script.Name);
        }

        return ran;
    }

    /// <summary>
    /// For a component that migrates outside an endpoint's schema install (the console): applies the missing scripts in a transaction of its own
    /// that first takes the migration lock (pg_advisory_xact_lock on PostgreSQL, sp_getapplock on SQL Server, BEGIN IMMEDIATE on SQLite), so
    /// processes starting at once apply each script once; runs it again when the database picks it as a deadlock victim.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ApplyLocked(EndpointDatabase database, BusinessMigrations migrations, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(migrations);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = await database.Open(cancellationToken);
                // Microsoft.Data.Sqlite begins IMMEDIATE (the write lock) unless asked for a deferred transaction.
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                if (LockStatement(database.Kind, migrations.Component) is { } statement)
                {
                    await connection.ExecuteAsync(SqlValues.Command(statement, null, transaction, cancellationToken));
                }

                var ran = await Apply(transaction, database.Kind, migrations, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return ran;
            }
            catch (Exception ex) when (attempt < 5 && IsDeadlock(ex))
            {
                // The loser of a deadlock rolled back everything; the journal tells the next attempt what is left.
            }
        }
    }

    private static string? LockStatement(SqlDialectKind kind, string component) => kind switch
    {
        SqlDialectKind.PostgreSql => $"SELECT pg_advisory_xact_lock(hashtext('ordereats.migrations.{component}'))",
        SqlDialectKind.SqlServer =>
            $"EXEC sp_getapplock @Resource = N'OrderEats.Migrations.{component}', @LockMode = N'Exclusive', @LockOwner = N'Transaction', @LockTimeout = 60000",
        _ => null,
    };

    // A deadlock is left as the provider raised it: the engine's schema install (and ApplyLocked) recognise it and run everything again.
    private static bool IsDeadlock(Exception exception) => exception switch
    {
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.DeadlockDetected,
        SqlException sql => sql.Number == 1205,
        _ => false,
    };

    /// <summary>The batches of a script without its whole-line comments: SQL Server scripts are split on lines holding only GO; the others run whole.</summary>
    public static IReadOnlyList<string> Batches(SqlDialectKind kind, string script)
    {
        ArgumentNullException.ThrowIfNull(script);
        var batches = kind == SqlDialectKind.SqlServer ? GoLine().Split(script) : [script];
        return [.. batches.Select(StripComments).Where(b => !string.IsNullOrWhiteSpace(b)).Select(b => b.Trim())];
    }

    private static string StripComments(string batch) => string.Join('\n', batch.Split('\n').Where(line => !line.TrimStart().StartsWith("--", StringComparison.Ordinal)));

    [GeneratedRegex(@"^\s*GO\s*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex GoLine();
}
