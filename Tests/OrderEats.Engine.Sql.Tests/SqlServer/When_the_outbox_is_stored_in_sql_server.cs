using OrderEats.Engine.Contracts;
using OrderEats.Engine.Persistence;

namespace OrderEats.Engine.Sql.Tests.SqlServer;

public sealed class When_the_outbox_is_stored_in_sql_server : OutboxContract
{
    private SqlServerDatabase? database;

    [OneTimeSetUp]
    public void NameDatabase() => database = SqlServerDatabase.FromEnvironment();

    [OneTimeTearDown]
    public Task DropDatabase() => database?.Drop() ?? Task.CompletedTask;

    protected override Task<EndpointPersistence> CreatePersistence(PersistenceSetup setup, TimeProvider time, CancellationToken cancellationToken) =>
        Task.FromResult(SqlPersistences.Create(setup.EndpointName, c => c.UseSqlServer(database!.ConnectionString, o => o.SchemaName = "endpoint_outbox"), time));
}
