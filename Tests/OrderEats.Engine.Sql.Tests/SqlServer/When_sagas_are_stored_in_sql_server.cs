using OrderEats.Engine.Contracts;
using OrderEats.Engine.Persistence;

namespace OrderEats.Engine.Sql.Tests.SqlServer;

public sealed class When_sagas_are_stored_in_sql_server : SagaPersisterContract
{
    private SqlServerDatabase? database;

    [OneTimeSetUp]
    public void NameDatabase() => database = SqlServerDatabase.FromEnvironment();

    [OneTimeTearDown]
    public Task DropDatabase() => database?.Drop() ?? Task.CompletedTask;

    protected override Task<EndpointPersistence> CreatePersistence(PersistenceSetup setup, CancellationToken cancellationToken) =>
        Task.FromResult(SqlPersistences.Create(setup.EndpointName, c => c.UseSqlServer(database!.ConnectionString)));
}
