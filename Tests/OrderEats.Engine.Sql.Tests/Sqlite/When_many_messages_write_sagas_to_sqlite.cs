namespace OrderEats.Engine.Sql.Tests.Sqlite;

public sealed class When_many_messages_write_sagas_to_sqlite
{
    private SqliteDatabaseFile file = null!;

    [SetUp]
    public void CreateFile() => file = new SqliteDatabaseFile();

    [TearDown]
    public void DeleteFile() => file.Dispose();

    [TestCase(1)]
    [TestCase(4)]
    public async Task Should_store_every_insert_and_update(int workers)
    {
        await SagaWriteLoop.Run("SQLite (WAL)", setup => SqlPersistences.Create(setup.EndpointName, c => c.UseSqlite(file.ConnectionString)), 400, workers);
    }
}
