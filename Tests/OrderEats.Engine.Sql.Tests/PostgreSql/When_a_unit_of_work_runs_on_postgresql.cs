using Npgsql;
using OrderEats.Engine.Persistence;
using OrderEats.Engine.Transport;
using OrderEats.TestInfrastructure.PgWire;

namespace OrderEats.Engine.Sql.Tests.PostgreSql;

// What a message's unit of work sends to PostgreSQL, read at the wire: the saga load announced ahead goes with the outbox lookup, the saga
// and outbox writes go with the COMMIT.
public sealed class When_a_unit_of_work_runs_on_postgresql
{
    private static readonly SagaStorageDefinition Saga = new("OrderEats.Tests.TripSaga", "TripSaga", "OrderId", typeof(Guid));
    private PostgresDatabase database = null!;
    private PgWireCounter counter = null!;
    private EndpointPersistence persistence = null!;
    private string databaseName = null!;

    [SetUp]
    public async Task Prepare()
    {
        database = new PostgresDatabase();
        var server = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        databaseName = server.Database!;
        counter = new PgWireCounter(server.Host!, server.Port);
        counter.Start();
        var proxied = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Host = "127.0.0.1", Port = counter.Port, SslMode = SslMode.Disable };
        persistence = SqlPersistences.Create("trips", c =>
        {
            c.UsePostgreSql(proxied.ConnectionString);
            c.EnableOutbox();
        });
        await persistence.Storage.Setup(new PersistenceSetup("trips", [Saga], Outbox: true));
    }

    [TearDown]
    public async Task CleanUp()
    {
        await counter.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await database.Drop();
    }

    [Test]
    public async Task Should_load_the_saga_with_its_lock_in_the_round_trip_of_the_outbox_lookup()
    {
        var record = await Stored();
        counter.Reset();

        await using var session = await persistence.Storage.OpenSession();
        ((ISagaReadAhead)persistence.Sagas).ReadAhead(new SagaLookup(Saga, null, record.CorrelationValue), session);
        var processedBefore = await persistence.Outbox!.Get("message-1", session);
        var afterLookup = Counts();
        var loaded = await persistence.Sagas.Find(Saga, record.CorrelationValue, session);

        Assert.Multiple(async () =>
        {
            Assert.That(processedBefore, Is.Null);
            Assert.That(loaded?.Id, Is.EqualTo(record.Id));
            Assert.That(afterLookup.RoundTrips, Is.EqualTo(1), "the outbox lookup and the saga load share one round trip");
            Assert.That(Counts().RoundTrips, Is.EqualTo(1), "the load is answered from what was read ahead");
            Assert.That(await IsLockedElsewhere(record.Id), Is.True, "the row lock is taken with the first statement");
        });
    }

    [Test]
    public async Task Should_send_the_saga_update_and_the_outbox_record_with_the_commit()
    {
        var record = await Stored();
        counter.Reset();

        await using (var session = await persistence.Storage.OpenSession())
        {
            ((ISagaReadAhead)persistence.Sagas).ReadAhead(new SagaLookup(Saga, record.Id, null), session);
            Assert.That(await persistence.Outbox!.Get("message-2", session), Is.Null);
            var loaded = await persistence.Sagas.Get(Saga, record.Id, session);
            await persistence.Sagas.Update(Saga, loaded! with { Data = """{"state":"Paid"}""" }, session);
            await persistence.Outbox.Store("message-2", [TransportOperation.Send(new OutgoingMessage("out-1", new Dictionary<string, string>(), new byte[] { 1 }), "payments")], session);
            Assert.That(Counts().RoundTrips, Is.EqualTo(1), "the writes wait for the commit");
            await session.Commit();
        }

        var total = Counts();
        Assert.Multiple(async () =>
        {
            Assert.That(total.RoundTrips, Is.EqualTo(2), "one round trip to read, one to write and commit");
            Assert.That(await persistence.Outbox!.Get("message-2"), Is.Not.Null, "the outbox record committed");
            Assert.That((await Reload(record.Id))!.Version, Is.EqualTo(2), "the saga update committed");
        });
    }

    [Test]
    public async Task Should_commit_nothing_when_a_held_back_update_finds_the_saga_changed()
    {
        var record = await Stored();
        var stale = await Reload(record.Id);
        await using (var first = await persistence.Storage.OpenSession())
        {
            await persistence.Sagas.Update(Saga, stale! with { Data = """{"state":"Paid"}""" }, first);
            await first.Commit();
        }

        await using (var second = await persistence.Storage.OpenSession())
        {
            await persistence.Sagas.Update(Saga, stale! with { Data = """{"state":"Cancelled"}""" }, second);
            await persistence.Outbox!.Store("message-3", [], second);
            Assert.That(() => second.Commit(), Throws.TypeOf<SagaConcurrencyException>());
        }

        Assert.Multiple(async () =>
        {
            Assert.That(await persistence.Outbox!.Get("message-3"), Is.Null, "the outbox record sent with the stale update did not commit");
            Assert.That((await Reload(record.Id))!.Data, Does.Contain("Paid"));
        });
    }

    private (long Statements, long RoundTrips) Counts() =>
        counter.Counts.TryGetValue(databaseName, out var c) ? (c.Statements, c.RoundTrips) : (0, 0);

    private async Task<SagaRecord> Stored()
    {
        var record = new SagaRecord(Guid.NewGuid(), Guid.NewGuid(), """{"state":"Submitted"}""", null, null, 0, []);
        await using var session = await persistence.Storage.OpenSession();
        await persistence.Sagas.Insert(Saga, record, session);
        await session.Commit();
        return record;
    }

    private async Task<SagaRecord?> Reload(Guid id)
    {
        await using var session = await persistence.Storage.OpenSession();
        return await persistence.Sagas.Get(Saga, id, session);
    }

    // The server gives up on the lock after 100 ms: a row nobody locked is read at once.
    private async Task<bool> IsLockedElsewhere(Guid id)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand("SET LOCAL lock_timeout = '100ms'; SELECT 1 FROM saga_tripsaga WHERE id = @id FOR UPDATE", connection, transaction);
        command.Parameters.AddWithValue("id", id);
        try
        {
            await command.ExecuteScalarAsync();
            return false;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            return true;
        }
    }
}
