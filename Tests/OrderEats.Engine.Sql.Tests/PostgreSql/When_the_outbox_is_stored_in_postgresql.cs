using OrderEats.Engine.Contracts;
using OrderEats.Engine.Persistence;

namespace OrderEats.Engine.Sql.Tests.PostgreSql;

public sealed class When_the_outbox_is_stored_in_postgresql : OutboxContract
{
    private PostgresDatabase database = null!;

    [OneTimeSetUp]
    public void NameDatabase() => database = new PostgresDatabase();

    [OneTimeTearDown]
    public Task DropDatabase() => database.Drop();

    protected override Task<EndpointPersistence> CreatePersistence(PersistenceSetup setup, TimeProvider time, CancellationToken cancellationToken) =>
        Task.FromResult(SqlPersistences.Create(setup.EndpointName, c => c.UsePostgreSql(database.ConnectionString, o => o.SchemaName = "endpoint_outbox"), time));
}
