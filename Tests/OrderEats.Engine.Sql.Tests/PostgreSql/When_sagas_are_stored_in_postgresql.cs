using OrderEats.Engine.Contracts;
using OrderEats.Engine.Persistence;

namespace OrderEats.Engine.Sql.Tests.PostgreSql;

public sealed class When_sagas_are_stored_in_postgresql : SagaPersisterContract
{
    private PostgresDatabase database = null!;

    [OneTimeSetUp]
    public void NameDatabase() => database = new PostgresDatabase();

    [OneTimeTearDown]
    public Task DropDatabase() => database.Drop();

    protected override Task<EndpointPersistence> CreatePersistence(PersistenceSetup setup, CancellationToken cancellationToken) =>
        Task.FromResult(SqlPersistences.Create(setup.EndpointName, c => c.UsePostgreSql(database.ConnectionString)));
}
