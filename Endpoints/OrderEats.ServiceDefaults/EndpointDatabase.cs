using System.Data.Common;
using Microsoft.Data.SqlClient;
using Npgsql;
using OrderEats.Engine.Sql;

namespace OrderEats.ServiceDefaults;

/// <summary>One service's own database (database per service): its connection string, its dialect, and the SQL type names for its business tables.</summary>
public sealed class EndpointDatabase
{
    static EndpointDatabase() => SqlValues.Register();

    private EndpointDatabase(SqlDialectKind kind, string connectionString)
    {
        Kind = kind;
        ConnectionString = connectionString;
    }

    /// <summary>The database engine.</summary>
    public SqlDialectKind Kind { get; }

    /// <summary>The connection string of this service's database.</summary>
    public string ConnectionString { get; }

    /// <summary>The database of service <paramref name="service"/>: a SQLite file in the data folder, or database ordereats_&lt;service&gt; on the configured server.</summary>
    public static EndpointDatabase For(InfrastructureOptions infrastructure, string service)
    {
        ArgumentNullException.ThrowIfNull(infrastructure);
        ArgumentException.ThrowIfNullOrWhiteSpace(service);
        var database = "ordereats_" + service.Replace('-', '_').ToLowerInvariant();
        return infrastructure.Persistence switch
        {
            SqlDialectKind.PostgreSql => new EndpointDatabase(
                SqlDialectKind.PostgreSql,
                new NpgsqlConnectionStringBuilder(infrastructure.ServerConnectionString) { Database = database }.ConnectionString),
            SqlDialectKind.SqlServer => new EndpointDatabase(
                SqlDialectKind.SqlServer,
                new SqlConnectionStringBuilder(infrastructure.ServerConnectionString) { InitialCatalog = database }.ConnectionString),
            _ => new EndpointDatabase(SqlDialectKind.Sqlite, $"Data Source={Path.Combine(infrastructure.DataFolder, database + ".db")};Pooling=True"),
        };
    }

    /// <summary>Opens a connection for reads outside a message's unit of work.</summary>
    public Task<DbConnection> Open(CancellationToken cancellationToken = default) => SqlConnections.Open(Kind, ConnectionString, cancellationToken);

    /// <summary>The column type for a Guid.</summary>
    public string GuidType => Kind switch { SqlDialectKind.PostgreSql => "uuid", SqlDialectKind.SqlServer => "uniqueidentifier", _ => "text" };

    /// <summary>The column type for an amount of money.</summary>
    public string MoneyType => Kind == SqlDialectKind.Sqlite ? "numeric" : "decimal(18,2)";

    /// <summary>The column type for short text (names, codes, reasons).</summary>
    public string TextType => Kind == SqlDialectKind.SqlServer ? "nvarchar(400)" : "text";

    /// <summary>The column type for long text (JSON documents).</summary>
    public string LongTextType => Kind == SqlDialectKind.SqlServer ? "nvarchar(max)" : "text";

    /// <summary>The column type for a point in time (UTC).</summary>
    public string TimestampType => Kind switch { SqlDialectKind.PostgreSql => "timestamptz", SqlDialectKind.SqlServer => "datetimeoffset", _ => "text" };

    /// <summary>The column type for an integer.</summary>
    public string IntType => Kind == SqlDialectKind.Sqlite ? "integer" : "int";

    /// <summary>An idempotent CREATE TABLE for this dialect.</summary>
    public string CreateTable(string table, string columns) => Kind == SqlDialectKind.SqlServer
        ? $"IF OBJECT_ID(N'{table}', N'U') IS NULL CREATE TABLE {table} ({columns})"
        : $"CREATE TABLE IF NOT EXISTS {table} ({columns})";

    /// <summary>
    /// An idempotent CREATE INDEX for this dialect that takes no table lock when the index exists (PostgreSQL's CREATE INDEX IF NOT EXISTS
    /// would lock the table first, and a process starting beside running instances could then deadlock with their writes).
    /// </summary>
    public string CreateIndex(string index, string table, string columns, bool unique = false)
    {
        var create = $"CREATE {(unique ? "UNIQUE " : string.Empty)}INDEX IF NOT EXISTS {index} ON {table} ({columns})";
        return Kind switch
        {
            SqlDialectKind.SqlServer => $"IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'{index}') CREATE {(unique ? "UNIQUE " : string.Empty)}INDEX {index} ON {table} ({columns})",
            SqlDialectKind.PostgreSql => $"DO $oe_index$ BEGIN IF to_regclass('{index}') IS NULL THEN {create}; END IF; END $oe_index$",
            _ => create,
        };
    }
}
