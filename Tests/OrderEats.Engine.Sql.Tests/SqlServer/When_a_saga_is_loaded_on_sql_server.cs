using Microsoft.Data.SqlClient;
using OrderEats.Engine.Persistence;

namespace OrderEats.Engine.Sql.Tests.SqlServer;

public sealed class When_a_saga_is_loaded_on_sql_server
{
    private const int LockRequestTimeout = 1222;

    private SqlServerDatabase? database;

    [OneTimeSetUp]
    public void NameDatabase() => database = SqlServerDatabase.FromEnvironment();

    [OneTimeTearDown]
    public Task DropDatabase() => database?.Drop() ?? Task.CompletedTask;

    [Test]
    public async Task Should_hold_a_row_lock_that_a_second_loader_cannot_take()
    {
        var saga = new SagaStorageDefinition("OrderEats.Tests.LockSaga", "LockSaga", "OrderId", typeof(Guid));
        var setup = new PersistenceSetup("locks", [saga], Outbox: false);
        var persistence = SqlPersistences.Create(setup.EndpointName, c => c.UseSqlServer(database!.ConnectionString));
        await persistence.Storage.Setup(setup);
        var record = new SagaRecord(Guid.NewGuid(), Guid.NewGuid(), "{}", null, null, 0, []);
        await using (var session = await persistence.Storage.OpenSession())
        {
            await persistence.Sagas.Insert(saga, record, session);
            await session.Commit();
        }

        await using var holder = await persistence.Storage.OpenSession();
        Assert.That(await persistence.Sagas.Find(saga, record.CorrelationValue, holder), Is.Not.Null);

        // The server gives up on the lock after 100 ms: a load that took no update lock would return at once instead.
        await using var second = await persistence.Storage.OpenSession();
        await using (var command = second.Connection.CreateCommand())
        {
            command.Transaction = second.Transaction;
            command.CommandText = "SET LOCK_TIMEOUT 100";
            await command.ExecuteNonQueryAsync();
        }

        Assert.That(
            () => persistence.Sagas.Get(saga, record.Id, second),
            Throws.TypeOf<SqlException>().With.Property(nameof(SqlException.Number)).EqualTo(LockRequestTimeout));
    }
}
