using System.Data.Common;
using Dapper;
using Microsoft.Data.SqlClient;
using Npgsql;
using OrderEats.Engine.Sql;

namespace OrderEats.ServiceDefaults;

/// <summary>One service's own database (database per service): its connection string and its dialect. Its business tables come from versioned migrations (<see cref="Migrations.BusinessMigrations"/>).</summary>
public sealed class EndpointDatabase
{
    static EndpointDatabase() => DapperSql.Register();

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

    /// <summary>Runs a query on a connection of its own (outside any message's unit of work) and returns its rows, mapped by Dapper.</summary>
    public async Task<IReadOnlyList<T>> Query<T>(string sql, object? parameters = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await Open(cancellationToken);
        return [.. await connection.QueryAsync<T>(DapperSql.Command(sql, parameters, null, cancellationToken))];
    }
}
