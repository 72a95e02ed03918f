using Npgsql;

namespace OrderEats.Engine.Sql.Tests.PostgreSql;

public sealed class When_installing_the_schema_on_postgresql
{
    private const string CountTables =
        "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = @schema AND table_name IN ('saga_ordersaga', 'saga_refundsaga', 'outbox')";

    private PostgresDatabase database = null!;

    [SetUp]
    public void NameDatabase() => database = new PostgresDatabase();

    [TearDown]
    public Task DropDatabase() => database.Drop();

    [Test]
    public async Task Should_run_the_generated_script_twice()
    {
        var setup = When_generating_the_install_script.Setup;
        await SqlPersistences.Create("orders", c => c.UsePostgreSql(database.ConnectionString, o => o.CreateSchema = false)).Storage.Setup(setup);
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        for (var run = 0; run < 2; run++)
        {
            await using var command = new NpgsqlCommand(SqlSchema.Script(SqlDialectKind.PostgreSql, setup), connection);
            await command.ExecuteNonQueryAsync();
        }

        Assert.That(await CountIn(connection, "public"), Is.EqualTo(3));
    }

    [Test]
    public async Task Should_create_the_database_and_schema_once_when_two_processes_set_up_at_once()
    {
        var setup = When_generating_the_install_script.Setup;

        // Two endpoints (separate persistences, separate pools) race from a missing database through CREATE DATABASE, CREATE SCHEMA and the tables.
        var failures = await Contracts.Race.Run(2, _ =>
            SqlPersistences.Create("orders", c => c.UsePostgreSql(database.ConnectionString, o => o.SchemaName = "orders_schema")).Storage.Setup(setup),
            TimeSpan.FromSeconds(60));

        Assert.That(failures, Has.All.Null, string.Join("\n", failures.Select(f => f?.ToString())));
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        Assert.That(await CountIn(connection, "orders_schema"), Is.EqualTo(3));
    }

    [Test]
    public async Task Should_not_wait_for_a_running_instances_open_transaction_when_the_schema_exists()
    {
        var setup = When_generating_the_install_script.Setup;
        await SqlPersistences.Create("orders", c => c.UsePostgreSql(database.ConnectionString)).Storage.Setup(setup);

        // A running instance mid-message: its transaction has written to the outbox and not committed yet.
        await using var running = new NpgsqlConnection(database.ConnectionString);
        await running.OpenAsync();
        await using var transaction = await running.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand(
            "INSERT INTO outbox (endpoint, message_id, operations, dispatched, created_at) VALUES ('orders', 'in-flight', NULL, FALSE, now())", running, transaction))
        {
            await insert.ExecuteNonQueryAsync();
        }

        // A second instance starts: with the index already there, installing must not queue behind that transaction for a table lock (the
        // queueing that deadlocked restarted instances against the running ones).
        var restart = SqlPersistences.Create("orders", c => c.UsePostgreSql(database.ConnectionString)).Storage.Setup(setup);

        Assert.That(async () => await restart.WaitAsync(TimeSpan.FromSeconds(20)), Throws.Nothing);
        await transaction.RollbackAsync();
    }

    private static async Task<long> CountIn(NpgsqlConnection connection, string schema)
    {
        await using var count = new NpgsqlCommand(CountTables, connection);
        count.Parameters.AddWithValue("schema", schema);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
