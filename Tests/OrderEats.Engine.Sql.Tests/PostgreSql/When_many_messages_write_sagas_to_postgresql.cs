namespace OrderEats.Engine.Sql.Tests.PostgreSql;

public sealed class When_many_messages_write_sagas_to_postgresql
{
    private PostgresDatabase database = null!;

    [SetUp]
    public void NameDatabase() => database = new PostgresDatabase();

    [TearDown]
    public Task DropDatabase() => database.Drop();

    [TestCase(1)]
    [TestCase(4)]
    public async Task Should_store_every_insert_and_update(int workers)
    {
        var label = PostgresSetUp.Server.IsPrivate ? "PostgreSQL (private cluster, fsync off)" : "PostgreSQL (" + OrderEats.TestInfrastructure.PostgresServer.EnvironmentVariable + ")";
        await SagaWriteLoop.Run(label, setup => SqlPersistences.Create(setup.EndpointName, c => c.UsePostgreSql(database.ConnectionString)), 400, workers);
    }
}
