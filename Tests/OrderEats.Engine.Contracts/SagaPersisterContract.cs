using System.Data.Common;
using System.Globalization;
using System.Text.Json.Nodes;
using OrderEats.Engine.Persistence;

namespace OrderEats.Engine.Contracts;

/// <summary>
/// What every <see cref="ISagaPersister"/> must do. Subclass it per implementation and return a persistence for the given setup; the suite calls
/// <see cref="IStorage.Setup"/> itself and uses a new saga table per test.
/// </summary>
public abstract class SagaPersisterContract
{
    /// <summary>How long any one step may take before the test fails instead of hanging.</summary>
    protected static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private CancellationTokenSource cancellation = null!;

    /// <summary>The token of the running test; cancelled when the test overruns <see cref="Timeout"/> twice over.</summary>
    protected CancellationToken Token => cancellation.Token;

    /// <summary>False for a persistence whose sessions have no database connection (in-memory); business data is then not tested.</summary>
    protected virtual bool HasDatabaseConnection => true;

    /// <summary>Creates the persistence under test for <paramref name="setup"/> (the suite calls Setup on it).</summary>
    protected abstract Task<EndpointPersistence> CreatePersistence(PersistenceSetup setup, CancellationToken cancellationToken);

    [SetUp]
    public void StartClock() => cancellation = new CancellationTokenSource(Timeout * 2);

    [TearDown]
    public void StopClock() => cancellation.Dispose();

    [TestCase("guid")]
    [TestCase("string")]
    [TestCase("int")]
    [TestCase("long")]
    public async Task Should_load_an_inserted_instance_by_id_and_by_correlation_value(string correlationKind)
    {
        (Type correlationType, object value) = correlationKind switch
        {
            "guid" => (typeof(Guid), (object)Guid.NewGuid()),
            "string" => (typeof(string), "order-" + Guid.NewGuid().ToString("N")),
            "int" => (typeof(int), 421_337),
            _ => (typeof(long), (1L << 40) + 7),
        };
        var (persistence, saga) = await Prepare(correlationType);
        var record = NewRecord(value);

        await using (var session = await persistence.Storage.OpenSession(Token))
        {
            await persistence.Sagas.Insert(saga, record, session, Token);
            await session.Commit(Token);
        }

        await using var reader = await persistence.Storage.OpenSession(Token);
        var byId = await persistence.Sagas.Get(saga, record.Id, reader, Token);
        var byCorrelation = await persistence.Sagas.Find(saga, value, reader, Token);
        foreach (var loaded in new[] { byId, byCorrelation })
        {
            Assert.That(loaded, Is.Not.Null);
            Assert.Multiple(() =>
            {
                Assert.That(loaded!.Id, Is.EqualTo(record.Id));
                Assert.That(loaded.CorrelationValue, Is.EqualTo(value).And.TypeOf(correlationType));
                Assert.That(JsonEquals(loaded.Data, record.Data), Is.True, loaded.Data);
                Assert.That(loaded.Originator, Is.EqualTo(record.Originator));
                Assert.That(loaded.OriginalMessageId, Is.EqualTo(record.OriginalMessageId));
                Assert.That(loaded.Version, Is.EqualTo(1));
                Assert.That(loaded.PendingTimeouts, Is.Empty);
            });
        }
    }

    [Test]
    public async Task Should_return_null_for_an_unknown_instance()
    {
        var (persistence, saga) = await Prepare(typeof(Guid));
        await using var session = await persistence.Storage.OpenSession(Token);
        Assert.Multiple(async () =>
        {
            Assert.That(await persistence.Sagas.Get(saga, Guid.NewGuid(), session, Token), Is.Null);
            Assert.That(await persistence.Sagas.Find(saga, Guid.NewGuid(), session, Token), Is.Null);
        });
    }

    [Test]
    public async Task Should_increment_the_version_on_update()
    {
        var (persistence, saga) = await Prepare(typeof(string));
        var record = await Committed(persistence, saga, NewRecord("order-1"));

        await using (var session = await persistence.Storage.OpenSession(Token))
        {
            var loaded = await persistence.Sagas.Get(saga, record.Id, session, Token);
            await persistence.Sagas.Update(saga, loaded! with { Data = """{"state":"Paid"}""" }, session, Token);
            await session.Commit(Token);
        }

        var reloaded = await Load(persistence, saga, record.Id);
        Assert.Multiple(() =>
        {
            Assert.That(reloaded!.Version, Is.EqualTo(2));
            Assert.That(JsonEquals(reloaded.Data, """{"state":"Paid"}"""), Is.True, reloaded.Data);
            Assert.That(reloaded.CorrelationValue, Is.EqualTo("order-1"));
        });
    }

    [Test]
    public async Task Should_throw_a_concurrency_exception_on_a_stale_update()
    {
        var (persistence, saga) = await Prepare(typeof(Guid));
        var record = await Committed(persistence, saga, NewRecord(Guid.NewGuid()));
        var stale = await Load(persistence, saga, record.Id);
        await UpdateAndCommit(persistence, saga, stale! with { Data = """{"state":"Paid"}""" });

        // The check may happen at the write or at commit; either way nothing stale commits.
        Assert.That(
            () => UpdateAndCommit(persistence, saga, stale! with { Data = """{"state":"Cancelled"}""" }),
            Throws.TypeOf<SagaConcurrencyException>());
        Assert.That(JsonEquals((await Load(persistence, saga, record.Id))!.Data, """{"state":"Paid"}"""), Is.True);
    }

    [Test]
    public async Task Should_throw_a_concurrency_exception_on_a_stale_delete()
    {
        var (persistence, saga) = await Prepare(typeof(Guid));
        var record = await Committed(persistence, saga, NewRecord(Guid.NewGuid()));
        var stale = await Load(persistence, saga, record.Id);
        await UpdateAndCommit(persistence, saga, stale! with { Data = """{"state":"Paid"}""" });

        Assert.That(
            async () =>
            {
                await using var session = await persistence.Storage.OpenSession(Token);
                await persistence.Sagas.Delete(saga, stale!, session, Token);
                await session.Commit(Token);
            },
            Throws.TypeOf<SagaConcurrencyException>());

        Assert.That(await Load(persistence, saga, record.Id), Is.Not.Null, "a failed delete must leave the instance");
    }

    [Test]
    public async Task Should_delete_a_completed_instance()
    {
        var (persistence, saga) = await Prepare(typeof(long));
        var record = await Committed(persistence, saga, NewRecord(99L));
        await using (var session = await persistence.Storage.OpenSession(Token))
        {
            var loaded = await persistence.Sagas.Find(saga, 99L, session, Token);
            await persistence.Sagas.Delete(saga, loaded!, session, Token);
            await session.Commit(Token);
        }

        Assert.That(await Load(persistence, saga, record.Id), Is.Null);
    }

    [Test]
    public async Task Should_throw_a_concurrency_exception_when_the_id_exists()
    {
        var (persistence, saga) = await Prepare(typeof(int));
        var record = await Committed(persistence, saga, NewRecord(1));

        var inserted = false;
        var failure = Assert.CatchAsync(async () =>
        {
            await using var session = await persistence.Storage.OpenSession(Token);
            await persistence.Sagas.Insert(saga, record with { CorrelationValue = 2 }, session, Token);
            inserted = true;
            await session.Commit(Token);
        });
        if (!inserted)
        {
            Assert.That(failure, Is.TypeOf<SagaConcurrencyException>(), "a failed insert reports a concurrency conflict");
        }

        Assert.That((await Load(persistence, saga, record.Id))!.CorrelationValue, Is.EqualTo(1));
    }

    [Test]
    public async Task Should_let_only_one_of_two_racing_inserts_with_the_same_correlation_value_commit()
    {
        var (persistence, saga) = await Prepare(typeof(Guid));
        var value = Guid.NewGuid();
        var records = new[] { NewRecord(value), NewRecord(value) };
        var inserted = new bool[2];

        // Both start together; a locking store makes the second wait at open or insert, a versioning one fails it at insert or commit.
        var failures = await Race.Run(2, async i =>
        {
            await using var session = await persistence.Storage.OpenSession(Token);
            await persistence.Sagas.Insert(saga, records[i], session, Token);
            inserted[i] = true;
            await session.Commit(Token);
        }, Timeout);

        await TestContext.Out.WriteLineAsync($"inserted {string.Join(", ", inserted)}; {Describe(failures)}");
        Assert.That(failures.Count(f => f is null), Is.EqualTo(1), "exactly one insert commits: " + Describe(failures));
        var loser = Array.FindIndex(failures, f => f is not null);
        var winner = 1 - loser;
        if (!inserted[loser])
        {
            Assert.That(failures[loser], Is.TypeOf<SagaConcurrencyException>(), "a failed insert reports a concurrency conflict");
        }

        await using var reader = await persistence.Storage.OpenSession(Token);
        var found = await persistence.Sagas.Find(saga, value, reader, Token);
        Assert.Multiple(async () =>
        {
            Assert.That(found?.Id, Is.EqualTo(records[winner].Id));
            Assert.That(await persistence.Sagas.Get(saga, records[loser].Id, reader, Token), Is.Null);
        });
    }

    [Test]
    public async Task Should_not_let_two_racing_updates_of_one_version_both_commit()
    {
        var (persistence, saga) = await Prepare(typeof(string));
        var record = await Committed(persistence, saga, NewRecord("order-race") with { Data = """{"marks":""}""" });
        var readVersions = new int[2];

        // Each appends its mark to what it read. A lock makes the second load wait and append to the first's result; without one
        // both read version 1 and the version check fails the second. Either way no update is lost.
        var failures = await Race.Run(2, async i =>
        {
            await using var session = await persistence.Storage.OpenSession(Token);
            var loaded = await persistence.Sagas.Get(saga, record.Id, session, Token);
            readVersions[i] = loaded!.Version;
            var marks = JsonNode.Parse(loaded.Data)!["marks"]!.GetValue<string>() + (char)('a' + i);
            await persistence.Sagas.Update(saga, loaded with { Data = $$"""{"marks":"{{marks}}"}""" }, session, Token);
            await session.Commit(Token);
        }, Timeout);

        var winners = Enumerable.Range(0, 2).Where(i => failures[i] is null).OrderBy(i => readVersions[i]).ToList();
        await TestContext.Out.WriteLineAsync($"read versions {string.Join(", ", readVersions)}; {Describe(failures)}");
        var final = await Load(persistence, saga, record.Id);
        Assert.Multiple(() =>
        {
            Assert.That(winners, Is.Not.Empty, Describe(failures));
            Assert.That(winners.Select(i => readVersions[i]), Is.Unique, "two updates of the same version both committed");
            Assert.That(failures.Where(f => f is not null), Has.All.TypeOf<SagaConcurrencyException>().Or.InstanceOf<DbException>());
            Assert.That(final!.Version, Is.EqualTo(1 + winners.Count));
            Assert.That(JsonNode.Parse(final.Data)!["marks"]!.GetValue<string>(), Is.EqualTo(string.Concat(winners.Select(i => (char)('a' + i)))));
        });
    }

    [Test]
    public async Task Should_roll_back_when_disposed_without_commit()
    {
        var (persistence, saga) = await Prepare(typeof(Guid));
        var existing = await Committed(persistence, saga, NewRecord(Guid.NewGuid()));
        var added = NewRecord(Guid.NewGuid());

        await using (var session = await persistence.Storage.OpenSession(Token))
        {
            await persistence.Sagas.Insert(saga, added, session, Token);
            var loaded = await persistence.Sagas.Get(saga, existing.Id, session, Token);
            await persistence.Sagas.Update(saga, loaded! with { Data = """{"state":"Paid"}""" }, session, Token);
        }

        var reloaded = await Load(persistence, saga, existing.Id);
        Assert.Multiple(async () =>
        {
            Assert.That(await Load(persistence, saga, added.Id), Is.Null);
            Assert.That(reloaded!.Version, Is.EqualTo(1));
            Assert.That(JsonEquals(reloaded.Data, existing.Data), Is.True, reloaded.Data);
        });
    }

    [Test]
    public async Task Should_round_trip_pending_timeouts()
    {
        var (persistence, saga) = await Prepare(typeof(Guid));
        var due = new DateTimeOffset(2026, 11, 25, 10, 30, 15, 123, TimeSpan.Zero);
        PendingTimeout[] timeouts =
        [
            new(Guid.NewGuid(), "OrderEats.Sagas.PaymentTimeout", due),
            new(Guid.NewGuid(), "OrderEats.Sagas.KitchenTimeout", due.AddMinutes(20).ToOffset(TimeSpan.FromHours(2))),
        ];
        var record = await Committed(persistence, saga, NewRecord(Guid.NewGuid()) with { PendingTimeouts = timeouts });

        var loaded = await Load(persistence, saga, record.Id);
        Assert.That(loaded!.PendingTimeouts, Is.EqualTo(timeouts));

        await UpdateAndCommit(persistence, saga, loaded with { PendingTimeouts = [timeouts[1]] });
        Assert.That((await Load(persistence, saga, record.Id))!.PendingTimeouts, Is.EqualTo(new[] { timeouts[1] }));
    }

    [Test]
    public async Task Should_commit_and_roll_back_business_data_with_the_saga()
    {
        var (persistence, saga) = await Prepare(typeof(Guid));
        if (!HasDatabaseConnection)
        {
            await using var connectionless = await persistence.Storage.OpenSession(Token);
            Assert.That(() => connectionless.Connection, Throws.InvalidOperationException, "a persistence without a database says so");
            return;
        }

        var table = "biz_" + Guid.NewGuid().ToString("N")[..12];
        await using (var session = await persistence.Storage.OpenSession(Token))
        {
            await Execute(session, $"CREATE TABLE {table} (id varchar(64) NOT NULL PRIMARY KEY, note varchar(200) NOT NULL)");
            await session.Commit(Token);
        }

        var record = NewRecord(Guid.NewGuid());
        await using (var session = await persistence.Storage.OpenSession(Token))
        {
            await persistence.Sagas.Insert(saga, record, session, Token);
            await Execute(session, $"INSERT INTO {table} (id, note) VALUES (@id, @note)", ("@id", "charge-1"), ("@note", "committed"));
            await session.Commit(Token);
        }

        await using (var session = await persistence.Storage.OpenSession(Token))
        {
            var loaded = await persistence.Sagas.Get(saga, record.Id, session, Token);
            await persistence.Sagas.Update(saga, loaded! with { Data = """{"state":"Paid"}""" }, session, Token);
            await Execute(session, $"INSERT INTO {table} (id, note) VALUES (@id, @note)", ("@id", "charge-2"), ("@note", "rolled back"));
        }

        await using var reader = await persistence.Storage.OpenSession(Token);
        var rows = await Execute(reader, $"SELECT COUNT(*) FROM {table}", scalar: true);
        var reloaded = await persistence.Sagas.Get(saga, record.Id, reader, Token);
        Assert.Multiple(() =>
        {
            Assert.That(Convert.ToInt32(rows, CultureInfo.InvariantCulture), Is.EqualTo(1));
            Assert.That(reloaded!.Version, Is.EqualTo(1));
        });
    }

    private static SagaRecord NewRecord(object correlationValue) =>
        new(Guid.NewGuid(), correlationValue, """{"state":"Submitted","total":12.5}""", "orders-client", Guid.NewGuid().ToString(), 0, []);

    private static bool JsonEquals(string actual, string expected) => JsonNode.DeepEquals(JsonNode.Parse(actual), JsonNode.Parse(expected));

    private static string Describe(Exception?[] failures) =>
        string.Join("; ", failures.Select((f, i) => $"#{i}: {(f is null ? "committed" : f.GetType().Name + " " + f.Message)}"));

    private async Task<(EndpointPersistence Persistence, SagaStorageDefinition Saga)> Prepare(Type correlationType)
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        var saga = new SagaStorageDefinition("OrderEats.Contracts.ContractSaga" + id, "Contract" + id, "OrderId", correlationType);
        var setup = new PersistenceSetup("contract-sagas-" + id, [saga], Outbox: false);
        var persistence = await CreatePersistence(setup, Token);
        await persistence.Storage.Setup(setup, Token);
        return (persistence, saga);
    }

    private async Task<SagaRecord> Committed(EndpointPersistence persistence, SagaStorageDefinition saga, SagaRecord record)
    {
        await using var session = await persistence.Storage.OpenSession(Token);
        await persistence.Sagas.Insert(saga, record, session, Token);
        await session.Commit(Token);
        return record with { Version = 1 };
    }

    private async Task<SagaRecord?> Load(EndpointPersistence persistence, SagaStorageDefinition saga, Guid id)
    {
        await using var session = await persistence.Storage.OpenSession(Token);
        return await persistence.Sagas.Get(saga, id, session, Token);
    }

    private async Task UpdateAndCommit(EndpointPersistence persistence, SagaStorageDefinition saga, SagaRecord record)
    {
        await using var session = await persistence.Storage.OpenSession(Token);
        await persistence.Sagas.Update(saga, record, session, Token);
        await session.Commit(Token);
    }

    private async Task<object?> Execute(IUnitOfWork session, string sql, params (string Name, object Value)[] parameters) =>
        await Execute(session, sql, scalar: false, parameters);

    private async Task<object?> Execute(IUnitOfWork session, string sql, bool scalar, params (string Name, object Value)[] parameters)
    {
        await using var command = session.Connection.CreateCommand();
        command.Transaction = session.Transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return scalar ? await command.ExecuteScalarAsync(Token) : await command.ExecuteNonQueryAsync(Token);
    }
}
