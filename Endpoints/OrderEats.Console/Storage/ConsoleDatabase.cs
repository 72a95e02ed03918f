using System.Data.Common;
using Npgsql;
using OrderEats.Engine.Sql;
using OrderEats.ServiceDefaults;

namespace OrderEats.Console.Storage;

/// <summary>The console's own database: connections, dialect differences, and the idempotent schema.</summary>
internal sealed class ConsoleDatabase(EndpointDatabase database)
{
    public SqlDialectKind Kind => database.Kind;

    /// <summary>The database's definition (dialect type names, idempotent DDL), for schema parts kept beside their feature.</summary>
    public EndpointDatabase Definition => database;

    public Task<DbConnection> Open(CancellationToken cancellationToken = default) => database.Open(cancellationToken);

    /// <summary>A page of an ordered query.</summary>
    public string Page(int offset, int limit) => Kind == SqlDialectKind.SqlServer
        ? $" OFFSET {offset} ROWS FETCH NEXT {limit} ROWS ONLY"
        : $" LIMIT {limit} OFFSET {offset}";

    /// <summary>The length in characters of a text column.</summary>
    public string Length(string column) => Kind == SqlDialectKind.SqlServer ? $"LEN({column})" : $"LENGTH({column})";

    /// <summary>The first <paramref name="length"/> characters of a text column.</summary>
    public static string Prefix(string column, int length) => $"SUBSTRING({column}, 1, {length})";

    /// <summary>Locks the rows a SELECT reads until the transaction ends (SQLite transactions already hold the write lock).</summary>
    public string ForUpdate => Kind == SqlDialectKind.PostgreSql ? " FOR UPDATE" : string.Empty;

    /// <summary>The table hint that does the same on SQL Server.</summary>
    public string LockHint => Kind == SqlDialectKind.SqlServer ? " WITH (UPDLOCK, ROWLOCK)" : string.Empty;

    public async Task EnsureSchema(CancellationToken cancellationToken = default)
    {
        if (Kind == SqlDialectKind.PostgreSql)
        {
            await CreatePostgresDatabaseIfMissing(cancellationToken);
        }
        else if (Kind == SqlDialectKind.SqlServer)
        {
            await CreateSqlServerDatabaseIfMissing(cancellationToken);
        }
        else if (Kind == SqlDialectKind.Sqlite)
        {
            var folder = Path.GetDirectoryName(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.ConnectionString).DataSource);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        await using var connection = await Open(cancellationToken);
        foreach (var statement in Schema())
        {
            await using var command = connection.CreateCommand();
            command.CommandText = statement;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        // Columns added after the first release: added in place, so a console upgrade keeps its data.
        foreach (var (table, column, type) in AddedColumns())
        {
            await AddColumnIfMissing(connection, table, column, type, cancellationToken);
        }
    }

    private IEnumerable<(string Table, string Column, string Type)> AddedColumns()
    {
        yield return ("console_failures", "body_encoding", database.TextType + " NULL");
        yield return ("console_failures", "body_size", "bigint NULL");
        yield return ("console_failures", "processing_attempts", database.IntType + " NULL");
        yield return ("console_failures", "retry_error", database.LongTextType + " NULL");
        yield return ("console_attempts", "processing_attempts", database.IntType + " NULL");
    }

    private async Task AddColumnIfMissing(DbConnection connection, string table, string column, string type, CancellationToken cancellationToken)
    {
        if (Kind == SqlDialectKind.Sqlite)
        {
            if (await Sql.Scalar(connection, null, $"SELECT COUNT(*) FROM pragma_table_info('{table}') WHERE name = '{column}'", cancellationToken) == 0)
            {
                await Sql.Execute(connection, null, $"ALTER TABLE {table} ADD COLUMN {column} {type}", cancellationToken);
            }

            return;
        }

        await Sql.Execute(connection, null, Kind == SqlDialectKind.SqlServer
            ? $"IF COL_LENGTH(N'{table}', N'{column}') IS NULL ALTER TABLE {table} ADD {column} {type}"
            : $"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {column} {type}", cancellationToken);
    }

    private IEnumerable<string> Schema()
    {
        var text = database.TextType;
        var longText = database.LongTextType;
        var integer = database.IntType;
        yield return database.CreateTable("console_failures", $"""
            id {text} NOT NULL PRIMARY KEY, message_id {text} NOT NULL, message_type {text} NOT NULL, endpoint {text} NOT NULL, host {text} NOT NULL,
            failed_queue {text} NOT NULL, exception_type {text} NOT NULL, exception_message {longText} NOT NULL, stack_trace {longText} NOT NULL,
            headers {longText} NOT NULL, body {longText} NOT NULL, group_exception {text} NOT NULL, group_endpoint {text} NOT NULL, group_type {text} NOT NULL,
            status {text} NOT NULL, attempts {integer} NOT NULL, first_failed bigint NOT NULL, last_failed bigint NOT NULL, status_changed bigint NOT NULL,
            retry_id {text} NULL, retry_pending {integer} NOT NULL, retry_requested bigint NULL, edited_from {text} NULL, edit_message_id {text} NULL,
            edit_body {longText} NULL, search_text {longText} NOT NULL
            """);
        yield return database.CreateIndex("ix_console_failures_message_id", "console_failures", "message_id", unique: true);
        yield return database.CreateIndex("ix_console_failures_last_failed", "console_failures", "last_failed");
        yield return database.CreateIndex("ix_console_failures_retry_id", "console_failures", "retry_id");
        yield return database.CreateIndex("ix_console_failures_pending", "console_failures", "retry_pending, retry_requested");
        yield return database.CreateIndex("ix_console_failures_group_exception", "console_failures", "group_exception");
        yield return database.CreateIndex("ix_console_failures_group_endpoint", "console_failures", "group_endpoint");
        yield return database.CreateIndex("ix_console_failures_group_type", "console_failures", "group_type");
        yield return database.CreateTable("console_attempts", $"""
            id {text} NOT NULL PRIMARY KEY, failure_id {text} NOT NULL, attempt {integer} NOT NULL, message_id {text} NOT NULL, failed_queue {text} NOT NULL,
            endpoint {text} NOT NULL, host {text} NOT NULL, exception_type {text} NOT NULL, exception_message {longText} NOT NULL, stack_trace {longText} NOT NULL,
            headers {longText} NOT NULL, body {longText} NOT NULL, time_of_failure bigint NOT NULL, received_at bigint NOT NULL
            """);
        yield return database.CreateIndex("ix_console_attempts_failure", "console_attempts", "failure_id, attempt", unique: true);
        yield return database.CreateTable("console_groups", $"""
            id {text} NOT NULL PRIMARY KEY, kind {text} NOT NULL, title {longText} NOT NULL, first_seen bigint NOT NULL, last_seen bigint NOT NULL
            """);
        yield return database.CreateTable("console_events", $"""
            id {text} NOT NULL PRIMARY KEY, at bigint NOT NULL, kind {text} NOT NULL, failure_id {text} NULL, group_id {text} NULL, text {longText} NOT NULL, user_name {text} NULL
            """);
        yield return database.CreateIndex("ix_console_events_at", "console_events", "at");
        yield return database.CreateTable("console_users", $"""
            name {text} NOT NULL PRIMARY KEY, stamp {text} NOT NULL, upgraded_hash {text} NULL, upgraded_from {text} NULL, updated bigint NOT NULL
            """);
    }

    private async Task CreateSqlServerDatabaseIfMissing(CancellationToken cancellationToken)
    {
        var target = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(database.ConnectionString);
        var admin = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(database.ConnectionString) { InitialCatalog = "master", Pooling = false };
        await using var connection = new Microsoft.Data.SqlClient.SqlConnection(admin.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var create = connection.CreateCommand();
        create.CommandText = $"IF DB_ID(@name) IS NULL CREATE DATABASE [{target.InitialCatalog.Replace("]", "]]", StringComparison.Ordinal)}]";
        create.Parameters.AddWithValue("@name", target.InitialCatalog);
        await create.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task CreatePostgresDatabaseIfMissing(CancellationToken cancellationToken)
    {
        var target = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        var admin = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var probe = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        probe.Parameters.AddWithValue("name", target.Database ?? "ordereats_console");
        if (await probe.ExecuteScalarAsync(cancellationToken) is not null)
        {
            return;
        }

        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{target.Database!.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
        try
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // Another console instance created it between the probe and the CREATE.
        }
    }
}
