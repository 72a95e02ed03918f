using System.Collections.Concurrent;
using Npgsql;

namespace OrderEats.TestInfrastructure;

/// <summary>
/// A PostgreSQL server for tests: the one named by <c>ORDEREATS_POSTGRES</c> when set (databases created here are dropped on dispose), else a
/// private cluster started from the installed binaries in a temp folder on a free loopback port and deleted on dispose.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    /// <summary>The environment variable holding a connection string to an existing server (its database is used only to connect).</summary>
    public const string EnvironmentVariable = "ORDEREATS_POSTGRES";

    private readonly NpgsqlConnectionStringBuilder server;
    private readonly PostgresCluster? cluster;
    private readonly ConcurrentDictionary<string, bool> databases = new(StringComparer.Ordinal);

    private PostgresServer(NpgsqlConnectionStringBuilder server, PostgresCluster? cluster)
    {
        this.server = server;
        this.cluster = cluster;
    }

    /// <summary>True when this run started its own cluster.</summary>
    public bool IsPrivate => cluster is not null;

    /// <summary>True when a private cluster runs with fsync and synchronous_commit on.</summary>
    public bool IsDurable => cluster?.Durable ?? false;

    /// <summary>Uses the server named by <see cref="EnvironmentVariable"/>, or starts a private one (fsync and synchronous_commit off).</summary>
    public static Task<PostgresServer> Start(CancellationToken cancellationToken = default) => Start(durable: false, cancellationToken);

    /// <summary>
    /// Uses the server named by <see cref="EnvironmentVariable"/>, or starts a private one; <paramref name="durable"/> keeps fsync and
    /// synchronous_commit on (the benchmarks' default: a commit costs what it costs in production).
    /// </summary>
    public static async Task<PostgresServer> Start(bool durable, CancellationToken cancellationToken = default)
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new PostgresServer(new NpgsqlConnectionStringBuilder(configured), null);
        }

        var cluster = await PostgresCluster.Start(durable, cancellationToken);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = cluster.Port,
            Username = PostgresCluster.SuperUser,
            Database = "postgres",
            MaxPoolSize = 20,
        };
        return new PostgresServer(builder, cluster);
    }

    /// <summary>
    /// Starts a private server whatever <see cref="EnvironmentVariable"/> says (for tests that create roles or change server settings), with extra
    /// <c>postgres -c</c> settings in <paramref name="serverOptions"/> (e.g. <c>-c ssl=on -c ssl_cert_file=…</c>).
    /// </summary>
    public static async Task<PostgresServer> StartPrivate(string serverOptions = "", CancellationToken cancellationToken = default)
    {
        var cluster = await PostgresCluster.Start(serverOptions, cancellationToken: cancellationToken);
        return new PostgresServer(
            new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = cluster.Port, Username = PostgresCluster.SuperUser, Database = "postgres", MaxPoolSize = 20 },
            cluster);
    }

    /// <summary>The port of a private server.</summary>
    public int Port => server.Port;

    /// <summary>A unique database name (not yet created) that is dropped when the server is disposed.</summary>
    public string NewDatabaseName(string prefix = "ordereats")
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 63)].ToLowerInvariant();
        databases[name] = true;
        return name;
    }

    /// <summary>The connection string of the server's maintenance database (what <c>ORDEREATS_POSTGRES</c> holds).</summary>
    public string ServerConnectionString => server.ConnectionString;

    /// <summary>The connection string for <paramref name="database"/> on this server.</summary>
    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = database }.ConnectionString;

    /// <summary>Creates a fresh, uniquely named database and returns its connection string.</summary>
    public async Task<string> CreateDatabase(string prefix = "ordereats", CancellationToken cancellationToken = default)
    {
        var name = NewDatabaseName(prefix);
        await Execute($"CREATE DATABASE \"{name}\"", cancellationToken);
        return ConnectionString(name);
    }

    /// <summary>Drops a database created through this server (and the connections still open to it).</summary>
    public async Task DropDatabase(string database, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(database);
        if (!databases.TryRemove(database, out _))
        {
            throw new InvalidOperationException($"Database {database} was not created through this PostgresServer; it is not dropped.");
        }

        NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString(database)));
        await Execute($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", cancellationToken);
    }

    /// <summary>Stops a private server (fast mode: connections dropped, open transactions rolled back), keeping its data; see <see cref="Restart"/>.</summary>
    public Task Stop(CancellationToken cancellationToken = default) => PrivateCluster().Stop(cancellationToken);

    /// <summary>Starts a private server again (or restarts it when it runs), on the same port with the same data.</summary>
    public Task Restart(CancellationToken cancellationToken = default) => PrivateCluster().Restart(cancellationToken);

    /// <summary>Drops the databases created here, then stops and deletes a private cluster.</summary>
    public async ValueTask DisposeAsync()
    {
        if (cluster is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await cluster.DisposeAsync();
            return;
        }

        foreach (var database in databases.Keys)
        {
            await DropDatabase(database);
        }
    }

    private PostgresCluster PrivateCluster() => cluster
        ?? throw new InvalidOperationException($"The PostgreSQL server comes from {EnvironmentVariable}; only a private server (unset {EnvironmentVariable}) may be stopped and restarted.");

    private async Task Execute(string sql, CancellationToken cancellationToken)
    {
        var admin = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
