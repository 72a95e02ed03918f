using Npgsql;
using OrderEats.TestInfrastructure;

namespace OrderEats.Engine.Sql.Tests.PostgreSql.Durability;

/// <summary>
/// What the chaos run's database faults rest on: a durable primary (fsync and synchronous_commit on) with a synchronous standby keeps every
/// commit it acknowledged through kill -9 of the postmaster and its backends, and through a failover to the standby.
/// </summary>
[TestFixture]
public sealed class When_the_database_crashes_or_fails_over
{
    private const int Writers = 4;
    private const int RowsBeforeFault = 200;
    private const int RowsAfterFault = 200;
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);
    private PostgresServer server = null!;
    private string connectionString = null!;

    [OneTimeSetUp]
    public async Task StartReplicatedServer()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        server = await PostgresServer.StartPrivate(new PostgresServerOptions { SynchronousStandby = true }, timeout.Token);
        connectionString = await server.CreateDatabase("durability", timeout.Token);
        await Execute("CREATE TABLE acknowledged (id bigint PRIMARY KEY)");
    }

    [OneTimeTearDown]
    public async Task StopServer() => await server.DisposeAsync();

    [SetUp]
    public async Task Empty() => await Execute("TRUNCATE acknowledged");

    [Test]
    public async Task Should_run_with_production_durability_and_a_synchronous_standby()
    {
        Assert.Multiple(async () =>
        {
            Assert.That(await Scalar("SHOW fsync"), Is.EqualTo("on"));
            Assert.That(await Scalar("SHOW synchronous_commit"), Is.EqualTo("on"));
            Assert.That(await Scalar("SELECT string_agg(sync_state, ',') FROM pg_stat_replication"), Is.EqualTo("sync"));
        });
    }

    [Test]
    public async Task Should_keep_every_acknowledged_commit_through_a_crash()
    {
        await AssertNoAcknowledgedCommitLost(async cancellationToken =>
        {
            await server.Crash(cancellationToken);
            await server.Recover(cancellationToken);
        });
    }

    [Test]
    public async Task Should_keep_every_acknowledged_commit_through_a_failover()
    {
        await AssertNoAcknowledgedCommitLost(server.FailOver);
        Assert.That(await Scalar("SELECT string_agg(sync_state, ',') FROM pg_stat_replication"), Is.EqualTo("sync"), "the old primary is the new synchronous standby");
    }

    private async Task AssertNoAcknowledgedCommitLost(Func<CancellationToken, Task> fault)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        using var stop = new CancellationTokenSource();
        var writer = new AcknowledgedWriter(connectionString, Writers);
        var before = writer.WhenMoreAcknowledged(RowsBeforeFault);
        var writing = writer.Run(stop.Token);

        await before.WaitAsync(timeout.Token);
        await fault(timeout.Token);
        await writer.WhenMoreAcknowledged(RowsAfterFault).WaitAsync(timeout.Token);
        await stop.CancelAsync();
        await writing;

        var stored = await Ids();
        var acknowledged = writer.Acknowledged;
        var lost = acknowledged.Where(id => !stored.Contains(id)).ToList();
        Assert.That(lost, Is.Empty, $"{lost.Count} of {acknowledged.Count} acknowledged commits are missing after the fault");
    }

    private async Task<HashSet<long>> Ids()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT id FROM acknowledged", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new HashSet<long>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    private async Task Execute(string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<string?> Scalar(string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (await command.ExecuteScalarAsync())?.ToString();
    }
}
