using System.Data.Common;
using Microsoft.Data.SqlClient;
using OrderEats.Engine.Persistence;

namespace OrderEats.Engine.Sql.Dialects;

internal sealed class SqlServerDialect(string? schemaName) : SqlDialect(schemaName ?? "dbo")
{
    private const int DatabaseAlreadyExists = 1801;

    public override SqlDialectKind Kind => SqlDialectKind.SqlServer;

    public override string? SchemaLockStatement =>
        "EXEC sp_getapplock @Resource = N'OrderEats.Engine.Sql.Schema', @LockMode = N'Exclusive', @LockOwner = N'Transaction', @LockTimeout = 60000";

    // UPDLOCK keeps a second loader out until commit; HOLDLOCK also locks the key range when the row is missing, so a concurrent
    // Find-then-Insert of the same correlation value waits instead of both inserting.
    protected override string TableLockHint => " WITH (UPDLOCK, ROWLOCK, HOLDLOCK)";

    public override DbConnection CreateConnection(string connectionString) => new SqlConnection(connectionString);

    public override async Task<bool> CreateDatabaseIfMissing(string connectionString, CancellationToken cancellationToken = default)
    {
        var target = new SqlConnectionStringBuilder(connectionString);
        var database = target.InitialCatalog;
        if (string.IsNullOrEmpty(database))
        {
            throw new ArgumentException("The SQL Server connection string names no database: add Initial Catalog=<name> (or Database=<name>).", nameof(connectionString));
        }

        var admin = new SqlConnectionStringBuilder(connectionString) { InitialCatalog = "master", Pooling = false };
        await using var connection = new SqlConnection(admin.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var exists = connection.CreateCommand())
        {
            exists.CommandText = "SELECT DB_ID(@name)";
            exists.Parameters.AddWithValue("@name", database);
            if (await exists.ExecuteScalarAsync(cancellationToken) is not (null or DBNull))
            {
                return false;
            }
        }

        await using var create = connection.CreateCommand();
        create.CommandText = CreateDatabaseStatement(database);
        try
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
            return true;
        }
        catch (SqlException e) when (e.Number == DatabaseAlreadyExists)
        {
            // Another process created it between our check and our CREATE DATABASE.
            return false;
        }
    }

    public string CreateDatabaseStatement(string database) => $"CREATE DATABASE {Quote(database)}";

    public override bool IsUniqueViolation(Exception exception) =>
        exception is SqlException { Number: 2627 or 2601 };

    public override bool IsDeadlock(Exception exception) => exception is SqlException { Number: 1205 };

    public override string CorrelationColumnType(Type correlationType) =>
        correlationType == typeof(Guid) ? "uniqueidentifier"
        : correlationType == typeof(int) ? "int"
        : correlationType == typeof(long) ? "bigint"
        : "nvarchar(450)";

    public override IReadOnlyList<string> SchemaStatements(PersistenceSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var statements = new List<string>();
        if (SchemaName != "dbo")
        {
            statements.Add($"IF SCHEMA_ID(N'{SchemaName}') IS NULL EXEC(N'CREATE SCHEMA {Quote(SchemaName!)}')");
        }

        foreach (var saga in setup.Sagas)
        {
            SqlValues.CheckCorrelationType(saga);
            var table = SagaTableName(saga);
            statements.Add(
                $"""
                IF OBJECT_ID(N'{Qualify(table)}', N'U') IS NULL
                CREATE TABLE {Qualify(table)} (
                    id uniqueidentifier NOT NULL CONSTRAINT {Quote("pk_" + table)} PRIMARY KEY,
                    correlation_value {CorrelationColumnType(saga.CorrelationType)} NOT NULL CONSTRAINT {Quote("ux_" + table + "_correlation")} UNIQUE,
                    data nvarchar(max) NOT NULL,
                    originator nvarchar(max) NULL,
                    original_message_id nvarchar(max) NULL,
                    version int NOT NULL,
                    timeouts nvarchar(max) NOT NULL,
                    created_at datetimeoffset NOT NULL,
                    updated_at datetimeoffset NOT NULL
                )
                """);
        }

        if (setup.Outbox)
        {
            statements.Add(
                $"""
                IF OBJECT_ID(N'{OutboxTable}', N'U') IS NULL
                CREATE TABLE {OutboxTable} (
                    endpoint nvarchar(200) NOT NULL,
                    message_id nvarchar(200) NOT NULL,
                    operations nvarchar(max) NULL,
                    dispatched bit NOT NULL,
                    dispatched_at datetimeoffset NULL,
                    created_at datetimeoffset NOT NULL,
                    CONSTRAINT {Quote("pk_outbox")} PRIMARY KEY (endpoint, message_id)
                )
                """);
            statements.Add(
                $"""
                IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_outbox_purge' AND object_id = OBJECT_ID(N'{OutboxTable}'))
                CREATE INDEX {Quote("ix_outbox_purge")} ON {OutboxTable} (endpoint, dispatched, dispatched_at)
                """);
        }

        return statements;
    }

    public override string Script(PersistenceSetup setup) =>
        "BEGIN TRANSACTION;\n" + SchemaLockStatement + ";\nGO\n\n" + string.Join("\nGO\n\n", SchemaStatements(setup)) + "\nGO\n\nCOMMIT;\nGO\n";

    protected override string Quote(string identifier) => "[" + identifier.Replace("]", "]]", StringComparison.Ordinal) + "]";
}
