using Npgsql;
using OrderEats.Engine.Persistence;

namespace OrderEats.Engine.Sql.Tests.PostgreSql;

public sealed class When_a_saga_is_loaded_on_postgresql
{
    private PostgresDatabase database = null!;

    [SetUp]
    public void NameDatabase() => database = new PostgresDatabase();

    [TearDown]
    public Task DropDatabase() => database.Drop();

    [Test]
    public async Task Should_hold_a_row_lock_that_a_second_loader_cannot_take()
    {
        var saga = new SagaStorageDefinition("OrderEats.Tests.LockSaga", "LockSaga", "OrderId", typeof(Guid));
        var setup = new PersistenceSetup("locks", [saga], Outbox: false);
        var persistence = SqlPersistences.Create(setup.EndpointName, c => c.UsePostgreSql(database.ConnectionString));
        await persistence.Storage.Setup(setup);
        var record = new SagaRecord(Guid.NewGuid(), Guid.NewGuid(), "{}", null, null, 0, []);
        await using (var session = await persistence.Storage.OpenSession())
        {
            await persistence.Sagas.Insert(saga, record, session);
            await session.Commit();
        }

        await using var holder = await persistence.Storage.OpenSession();
        Assert.That(await persistence.Sagas.Find(saga, record.CorrelationValue, holder), Is.Not.Null);

        // The server gives up on the lock after 100 ms: a load that took no lock would return at once instead.
        await using var second = await persistence.Storage.OpenSession();
        await using (var command = second.Connection.CreateCommand())
        {
            command.Transaction = second.Transaction;
            command.CommandText = "SET LOCAL lock_timeout = '100ms'";
            await command.ExecuteNonQueryAsync();
        }

        Assert.That(
            () => persistence.Sagas.Get(saga, record.Id, second),
            Throws.TypeOf<PostgresException>().With.Property(nameof(PostgresException.SqlState)).EqualTo(PostgresErrorCodes.LockNotAvailable));
    }
}
