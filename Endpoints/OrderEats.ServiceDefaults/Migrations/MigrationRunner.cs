using System.Data.Common;
using System.Text.RegularExpressions;
using Dapper;
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
        await connection.ExecuteAsync(DapperSql.Command(MigrationJournal.Create(kind), null, transaction, cancellationToken));
        var applied = (await connection.QueryAsync<string>(DapperSql.Command(MigrationJournal.Applied, new { component = migrations.Component }, transaction, cancellationToken)))
            .ToHashSet(StringComparer.Ordinal);
        var ran = new List<string>();
        foreach (var script in migrations.Scripts(kind).Where(s => !applied.Contains(s.Name)))
        {
            foreach (var batch in Batches(kind, script.Sql))
            {
                try
                {
                    await connection.ExecuteAsync(DapperSql.Command(batch, null, transaction, cancellationToken));
                }
                catch (DbException ex) when (!SqlSchema.IsDeadlock(kind, ex))
                {
                    throw new InvalidOperationException(
                        $"Migration {migrations.Component}/{kind}/{script.Name} failed: {ex.Message} Nothing of it was applied (the transaction rolls back); " +
                        "fix the script or the data it stumbled on and start again.", ex);
                }
            }

            await connection.ExecuteAsync(DapperSql.Command(
                MigrationJournal.Record(kind), new { component = migrations.Component, script = script.Name }, transaction, cancellationToken));
            ran.Add(script.Name);
        }

        return ran;
    }

    /// <summary>
    /// For a component that migrates outside an endpoint's schema install (the console): applies the missing scripts in a transaction of its own
    /// that takes the engine's schema lock and runs again when the database picks it as a deadlock victim (<see cref="SqlSchema.RunLocked"/>),
    /// so processes starting at once apply each script once.
    /// </summary>
    public static Task<IReadOnlyList<string>> ApplyLocked(EndpointDatabase database, BusinessMigrations migrations, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(migrations);
        return SqlSchema.RunLocked(database.Kind, database.Open, (transaction, token) => Apply(transaction, database.Kind, migrations, token), cancellationToken);
    }

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
