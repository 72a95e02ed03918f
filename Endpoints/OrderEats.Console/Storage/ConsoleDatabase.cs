using System.Data.Common;
using Npgsql;
using OrderEats.Engine.Sql;
using OrderEats.ServiceDefaults;
using OrderEats.ServiceDefaults.Migrations;

namespace OrderEats.Console.Storage;

/// <summary>The console's own database: connections, the SQL that differs per dialect, and its migrations.</summary>
internal sealed class ConsoleDatabase(EndpointDatabase database)
{
    public SqlDialectKind Kind => database.Kind;

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

        // Versioned, journaled and locked: a console starting beside another applies each script once.
        await MigrationRunner.ApplyLocked(database, ConsoleSchema.Migrations, cancellationToken);
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
