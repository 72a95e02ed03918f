using System.Collections.Concurrent;
using System.Globalization;
using Npgsql;

namespace OrderEats.TestInfrastructure;

/// <summary>
/// A PostgreSQL server for tests: the one named by <c>ORDEREATS_POSTGRES</c> when set (databases created here are dropped on dispose), else a
/// private cluster started from the installed binaries in a temp folder on a free loopback port and deleted on dispose. A private server can
/// run durable (fsync and synchronous_commit on) and with a synchronous streaming standby; then it can crash (kill -9) and fail over.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    /// <summary>The environment variable holding a connection string to an existing server (its database is used only to connect).</summary>
    public const string EnvironmentVariable = "ORDEREATS_POSTGRES";

    private static readonly TimeSpan StandbyTimeout = TimeSpan.FromMinutes(2);
    private readonly NpgsqlConnectionStringBuilder server;
    private readonly ConcurrentDictionary<string, bool> databases = new(StringComparer.Ordinal);
    private PostgresCluster? cluster;
    private PostgresCluster? standby;

    private PostgresServer(NpgsqlConnectionStringBuilder server, PostgresCluster? cluster, PostgresCluster? standby = null)
    {
        this.server = server;
        this.cluster = cluster;
        this.standby = standby;
    }

    /// <summary>True when this run started its own cluster.</summary>
    public bool IsPrivate => cluster is not null;

    /// <summary>True when a private cluster runs with fsync and synchronous_commit on.</summary>
    public bool IsDurable => cluster?.Durable ?? false;

    /// <summary>True when a synchronous standby runs beside the (private) primary.</summary>
    public bool HasStandby => standby is not null;

    /// <summary>The port of a private server (of its first primary).</summary>
    public int Port => server.Port;

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

        var cluster = await PostgresCluster.Start(durable, cancellationToken: cancellationToken);
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
    /// Starts a private server whatever the environment says (for tests that crash it, create roles or change server settings).
    /// <paramref name="options"/> can make it durable, give it extra settings, and give it a synchronous streaming standby; the connection
    /// string then lists both hosts with <c>Target Session Attributes=primary</c>, so clients follow a failover.
    /// </summary>
    public static async Task<PostgresServer> StartPrivate(PostgresServerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var primary = await PostgresCluster.Start(options.Durable, options.SynchronousStandby, options.ServerOptions, cancellationToken);
        PostgresCluster? standby = null;
        try
        {
            if (options.SynchronousStandby)
            {
                standby = await PostgresCluster.StartStandbyOf(primary, cancellationToken);
            }
        }
        catch
        {
            await primary.DisposeAsync();
            throw;
        }

        var builder = new NpgsqlConnectionStringBuilder { Username = PostgresCluster.SuperUser, Database = "postgres", MaxPoolSize = 20 };
        if (standby is null)
        {
            builder.Host = "127.0.0.1";
            builder.Port = primary.Port;
        }
        else
        {
            // Both hosts in a fixed order; whichever is primary takes the connections. A short recheck finds a promoted standby soon.
            builder.Host = string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{primary.Port},127.0.0.1:{standby.Port}");
            builder.TargetSessionAttributes = "primary";
            builder.HostRecheckSeconds = 2;
        }

        var server = new PostgresServer(builder, primary, standby);
        if (standby is not null)
        {
            await server.WaitForSynchronousStandby(cancellationToken);
        }

        return server;
    }

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

    /// <summary>
    /// Crashes the primary of a private server: SIGKILL to the postmaster and every backend (no shutdown, no checkpoint: what a machine crash
    /// leaves behind). It stays down until <see cref="Recover"/> or <see cref="FailOver"/>.
    /// </summary>
    public Task Crash(CancellationToken cancellationToken = default) => PrivateCluster().Crash(cancellationToken);

    /// <summary>Starts a crashed primary again, which replays its WAL; returns once it accepts connections (and its standby, if any, streams again).</summary>
    public async Task Recover(CancellationToken cancellationToken = default)
    {
        await PrivateCluster().Restart(cancellationToken);
        if (standby is not null)
        {
            await WaitForSynchronousStandby(cancellationToken);
        }
    }

    /// <summary>
    /// Fails over: SIGKILLs the primary (unless <see cref="Crash"/> already did), promotes the synchronous standby, then rebuilds the old primary
    /// (on its port, from a fresh pg_basebackup of the new one) as the new synchronous standby. Commits wait until it is attached: none is ever
    /// acknowledged by one server alone.
    /// </summary>
    public async Task FailOver(CancellationToken cancellationToken = default)
    {
        var oldPrimary = PrivateCluster();
        var newPrimary = standby ?? throw new InvalidOperationException("This PostgreSQL server has no standby to fail over to; start it with PostgresServerOptions.SynchronousStandby.");
        if (oldPrimary.IsUp)
        {
            await oldPrimary.Crash(cancellationToken);
        }

        await newPrimary.Promote(cancellationToken);
        cluster = newPrimary;
        standby = oldPrimary;
        await oldPrimary.RebuildAsStandbyOf(newPrimary, cancellationToken);
        await WaitForSynchronousStandby(cancellationToken);
    }

    /// <summary>Drops the databases created here, then stops and deletes a private cluster.</summary>
    public async ValueTask DisposeAsync()
    {
        if (cluster is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await cluster.DisposeAsync();
            if (standby is not null)
            {
                await standby.DisposeAsync();
            }

            return;
        }

        foreach (var database in databases.Keys)
        {
            await DropDatabase(database);
        }
    }

    private PostgresCluster PrivateCluster() => cluster
        ?? throw new InvalidOperationException($"The PostgreSQL server comes from {EnvironmentVariable}; only a private server (unset {EnvironmentVariable}) may be stopped and restarted.");

    private async Task WaitForSynchronousStandby(CancellationToken cancellationToken)
    {
        var primary = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = PrivateCluster().Port,
            Username = PostgresCluster.SuperUser,
            Database = "postgres",
            Pooling = false,
        };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StandbyTimeout);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        try
        {
            while (true)
            {
                try
                {
                    await using var connection = new NpgsqlConnection(primary.ConnectionString);
                    await connection.OpenAsync(timeout.Token);
                    await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_stat_replication WHERE sync_state = 'sync' AND state = 'streaming'", connection);
                    if ((long)(await command.ExecuteScalarAsync(timeout.Token))! > 0)
                    {
                        return;
                    }
                }
                catch (NpgsqlException)
                {
                    // Still starting.
                }

                await timer.WaitForNextTickAsync(timeout.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"No synchronous standby streamed from the primary on port {primary.Port} within {StandbyTimeout}.");
        }
    }

    private async Task Execute(string sql, CancellationToken cancellationToken)
    {
        var admin = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
