using System.Data.Common;
using Microsoft.Data.Sqlite;
using OrderEats.Engine.Persistence;

namespace OrderEats.Engine.Sql.Dialects;

internal sealed class SqliteDialect : SqlDialect
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> WriterGates = new(StringComparer.Ordinal);

    private const int BusyTimeoutMilliseconds = 30_000;
    private const int ConstraintUnique = 2067;
    private const int ConstraintPrimaryKey = 1555;

    public SqliteDialect(string? schemaName = null)
        : base(null)
    {
        if (schemaName is not null)
        {
            throw new ArgumentException(
                $"SQLite has no schemas, but SchemaName is '{schemaName}'. Leave SqlPersistenceOptions.SchemaName null and use a separate database file instead.",
                nameof(schemaName));
        }
    }

    public override SqlDialectKind Kind => SqlDialectKind.Sqlite;

    // BEGIN IMMEDIATE already holds the one write lock.
    public override string? SchemaLockStatement => null;

    public override DbConnection CreateConnection(string connectionString) => new SqliteConnection(connectionString);

    // One gate per database file for the whole process: SQLite has a single writer, and its busy handler sleeps (up to 100 ms a try)
    // while it waits, which collapses throughput when several of our own sessions want to write at once.
    public override SemaphoreSlim? WriterGate(string connectionString) =>
        WriterGates.GetOrAdd(Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource), _ => new SemaphoreSlim(1, 1));

    public override async Task PrepareConnection(DbConnection connection, bool firstOfDatabase, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();

        // The busy timeout makes a second writer wait instead of failing. WAL lets readers (outbox lookups) run beside the one writer;
        // it is stored in the file, so setting it once per process is enough.
        command.CommandText = $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds};" + (firstOfDatabase ? " PRAGMA journal_mode = WAL;" : "");
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public override Task<DbTransaction> BeginTransaction(DbConnection connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);

        // IMMEDIATE takes the write lock up front: two writers queue here instead of deadlocking when a reader upgrades to a writer.
        return Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));
    }

    public override Task<bool> CreateDatabaseIfMissing(string connectionString, CancellationToken cancellationToken = default)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" || dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(false);
        }

        var path = Path.GetFullPath(dataSource);
        var directory = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        // Opening the connection (Mode=ReadWriteCreate, the default) creates the file itself.
        return Task.FromResult(!File.Exists(path));
    }

    public override bool IsUniqueViolation(Exception exception) =>
        exception is SqliteException { SqliteExtendedErrorCode: ConstraintUnique or ConstraintPrimaryKey };

    public override string CorrelationColumnType(Type correlationType) =>
        correlationType == typeof(int) || correlationType == typeof(long) ? "INTEGER" : "TEXT";

    public override object GuidValue(Guid value) => value.ToString("D");

    // Fixed-width UTC text sorts and compares like the instant it names (the one SQLite time format, see SqlTimestamp).
    public override object TimeValue(DateTimeOffset value) => SqlTimestamp.ToSqliteText(value);

    public override IReadOnlyList<string> SchemaStatements(PersistenceSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var statements = new List<string>();
        foreach (var saga in setup.Sagas)
        {
            SqlValues.CheckCorrelationType(saga);
            var table = SagaTableName(saga);
            statements.Add(
                $"""
                CREATE TABLE IF NOT EXISTS {Qualify(table)} (
                    id TEXT NOT NULL CONSTRAINT {Quote("pk_" + table)} PRIMARY KEY,
                    correlation_value {CorrelationColumnType(saga.CorrelationType)} NOT NULL CONSTRAINT {Quote("ux_" + table + "_correlation")} UNIQUE,
                    data TEXT NOT NULL,
                    originator TEXT NULL,
                    original_message_id TEXT NULL,
                    version INTEGER NOT NULL,
                    timeouts TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL
                )
                """);
        }

        if (setup.Outbox)
        {
            statements.Add(
                $"""
                CREATE TABLE IF NOT EXISTS {OutboxTable} (
                    endpoint TEXT NOT NULL,
                    message_id TEXT NOT NULL,
                    operations TEXT NULL,
                    dispatched INTEGER NOT NULL,
                    dispatched_at TEXT NULL,
                    created_at TEXT NOT NULL,
                    CONSTRAINT {Quote("pk_outbox")} PRIMARY KEY (endpoint, message_id)
                )
                """);
            statements.Add($"CREATE INDEX IF NOT EXISTS {Quote("ix_outbox_purge")} ON {OutboxTable} (endpoint, dispatched, dispatched_at)");
        }

        return statements;
    }

    public override string Script(PersistenceSetup setup) =>
        "PRAGMA journal_mode = WAL;\n\nBEGIN IMMEDIATE;\n\n" + string.Join(";\n\n", SchemaStatements(setup)) + ";\n\nCOMMIT;\n";

    protected override string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
