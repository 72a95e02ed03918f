using System.Data.Common;
using Npgsql;
using OrderEats.Engine.Persistence;

namespace OrderEats.Engine.Sql.Dialects;

internal sealed class PostgreSqlDialect(string? schemaName) : SqlDialect(schemaName ?? "public")
{
    // pg_advisory_xact_lock key: any constant shared by every OrderEats install ("OESQ" in ASCII).
    private const long SchemaLockKey = 0x4F45_5351;

    public override SqlDialectKind Kind => SqlDialectKind.PostgreSql;

    public override string? SchemaLockStatement => $"SELECT pg_advisory_xact_lock({SchemaLockKey})";

    protected override string RowLockClause => " FOR UPDATE";

    protected override string TrueLiteral => "TRUE";

    protected override string FalseLiteral => "FALSE";

    public override DbConnection CreateConnection(string connectionString) => new NpgsqlConnection(connectionString);

    // Every unit of work opens and closes a pooled connection; by default Npgsql resets the session on close (DISCARD ALL: one more round trip
    // per message). The persistence keeps no session state (no temporary tables, SET or session locks), so the reset is skipped. Its statements
    // repeat with every message, so Npgsql prepares them automatically. A connection string that names either setting keeps its own value.
    public override string WithDefaults(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var tuned = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.ContainsKey("No Reset On Close") && !given.ContainsKey("NoResetOnClose"))
        {
            tuned.NoResetOnClose = true;
        }

        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare"))
        {
            tuned.MaxAutoPrepare = 64;
        }

        return tuned.ConnectionString;
    }

    public override async Task<bool> CreateDatabaseIfMissing(string connectionString, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var probe = new NpgsqlConnection(connectionString);
            await probe.OpenAsync(cancellationToken);
            return false;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            // Falls through to create it.
        }

        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var database = target.Database
            ?? throw new ArgumentException("The PostgreSQL connection string names no database: add Database=<name>.", nameof(connectionString));
        var admin = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE {Quote(database)}";
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
            return true;
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // Another process created it between our probe and our CREATE DATABASE.
            return false;
        }
    }

    public override bool IsUniqueViolation(Exception exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    public override string? ConstraintName(Exception exception) => (exception as PostgresException)?.ConstraintName;

    public override bool BatchesStatements => true;

    public override bool IsCheckedWriteConflict(Exception exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.InvalidTextRepresentation } e && e.MessageText.Contains(ConflictMarker, StringComparison.Ordinal);

    // Plain SQL cannot raise an error, so a write that changed no row casts the conflict text to integer, which fails with that text. The text
    // is selected in a sub-query that returns no row when the write changed one: the planner can fold a CASE over parameters, not that.
    public override string? UpdateSagaChecked(SagaStorageDefinition saga) => Checked(UpdateSaga(saga));

    public override string? DeleteSagaChecked(SagaStorageDefinition saga) => Checked(DeleteSaga(saga));

    private static string Checked(string write) =>
        $"WITH changed AS ({write} RETURNING 1) SELECT CAST((SELECT CAST(@conflict AS text) WHERE NOT EXISTS (SELECT 1 FROM changed)) AS integer)";

    public override bool IsDeadlock(Exception exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure };

    public override string CorrelationColumnType(Type correlationType) =>
        correlationType == typeof(Guid) ? "uuid"
        : correlationType == typeof(int) ? "integer"
        : correlationType == typeof(long) ? "bigint"
        : "text";

    public override IReadOnlyList<string> SchemaStatements(PersistenceSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var statements = new List<string>();
        if (SchemaName != "public")
        {
            statements.Add($"CREATE SCHEMA IF NOT EXISTS {Quote(SchemaName!)}");
        }

        foreach (var saga in setup.Sagas)
        {
            SqlValues.CheckCorrelationType(saga);
            var table = SagaTableName(saga);
            statements.Add(
                $"""
                CREATE TABLE IF NOT EXISTS {Qualify(table)} (
                    id uuid NOT NULL CONSTRAINT {Quote("pk_" + table)} PRIMARY KEY,
                    correlation_value {CorrelationColumnType(saga.CorrelationType)} NOT NULL CONSTRAINT {Quote("ux_" + table + "_correlation")} UNIQUE,
                    data jsonb NOT NULL,
                    originator text NULL,
                    original_message_id text NULL,
                    version integer NOT NULL,
                    timeouts text NOT NULL,
                    created_at timestamptz NOT NULL,
                    updated_at timestamptz NOT NULL
                )
                """);
        }

        if (setup.Outbox)
        {
            statements.Add(
                $"""
                CREATE TABLE IF NOT EXISTS {OutboxTable} (
                    endpoint text NOT NULL,
                    message_id text NOT NULL,
                    operations text NULL,
                    dispatched boolean NOT NULL,
                    dispatched_at timestamptz NULL,
                    created_at timestamptz NOT NULL,
                    CONSTRAINT {Quote("pk_outbox")} PRIMARY KEY (endpoint, message_id)
                )
                """);
            statements.Add(IndexIfMissing(Qualify("ix_outbox_purge"), $"CREATE INDEX IF NOT EXISTS {Quote("ix_outbox_purge")} ON {OutboxTable} (endpoint, dispatched, dispatched_at)"));
        }

        return statements;
    }

    public override string Script(PersistenceSetup setup) =>
        "BEGIN;\n" + SchemaLockStatement + ";\n\n" + string.Join(";\n\n", SchemaStatements(setup)) + ";\n\nCOMMIT;\n";

    /// <summary>
    /// Runs <paramref name="createIndex"/> only when the index <paramref name="qualifiedIndex"/> does not exist yet. CREATE INDEX IF NOT EXISTS
    /// takes a SHARE lock on its table before it looks for the index, so a process starting beside running instances would queue behind
    /// their inserts and, holding locks on the tables before it, deadlock with them; looking the index up first takes no table lock.
    /// </summary>
    public static string IndexIfMissing(string qualifiedIndex, string createIndex) =>
        $"DO $oe_index$ BEGIN IF to_regclass('{qualifiedIndex.Replace("'", "''", StringComparison.Ordinal)}') IS NULL THEN {createIndex}; END IF; END $oe_index$";

    protected override string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    protected override string JsonParameter(string parameterName) => $"CAST({parameterName} AS jsonb)";
}
