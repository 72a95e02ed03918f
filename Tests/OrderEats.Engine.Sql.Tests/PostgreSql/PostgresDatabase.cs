namespace OrderEats.Engine.Sql.Tests.PostgreSql;

/// <summary>A uniquely named database on the run's server that does not exist yet (the persistence creates it) and is dropped afterwards.</summary>
internal sealed class PostgresDatabase
{
    private readonly string name = PostgresSetUp.Server.NewDatabaseName("oe_sql");

    public string ConnectionString => PostgresSetUp.Server.ConnectionString(name);

    public Task Drop() => PostgresSetUp.Server.DropDatabase(name);
}
