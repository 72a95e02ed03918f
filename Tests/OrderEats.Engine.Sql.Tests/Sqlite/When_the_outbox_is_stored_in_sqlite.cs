using OrderEats.Engine.Contracts;
using OrderEats.Engine.Persistence;

namespace OrderEats.Engine.Sql.Tests.Sqlite;

public sealed class When_the_outbox_is_stored_in_sqlite : OutboxContract
{
    private SqliteDatabaseFile file = null!;

    [OneTimeSetUp]
    public void CreateFile() => file = new SqliteDatabaseFile();

    [OneTimeTearDown]
    public void DeleteFile() => file.Dispose();

    protected override Task<EndpointPersistence> CreatePersistence(PersistenceSetup setup, TimeProvider time, CancellationToken cancellationToken) =>
        Task.FromResult(SqlPersistences.Create(setup.EndpointName, c => c.UseSqlite(file.ConnectionString), time));
}
