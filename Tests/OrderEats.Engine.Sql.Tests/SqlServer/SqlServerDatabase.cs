using Microsoft.Data.SqlClient;

namespace OrderEats.Engine.Sql.Tests.SqlServer;

/// <summary>
/// A uniquely named database on the server named by ORDEREATS_SQLSERVER (created by the persistence, dropped afterwards). Without the
/// variable the calling fixture is reported as not run.
/// </summary>
internal sealed class SqlServerDatabase
{
    public const string EnvironmentVariable = "ORDEREATS_SQLSERVER";

    private readonly SqlConnectionStringBuilder server;
    private readonly string name = "oe_sql_" + Guid.NewGuid().ToString("N")[..12];

    private SqlServerDatabase(string connectionString) => server = new SqlConnectionStringBuilder(connectionString);

    public string ConnectionString => new SqlConnectionStringBuilder(server.ConnectionString) { InitialCatalog = name }.ConnectionString;

    public static SqlServerDatabase FromEnvironment()
    {
        var connectionString = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            Assert.Ignore($"{EnvironmentVariable} is not set: SQL Server tests not run");
        }

        return new SqlServerDatabase(connectionString);
    }

    public async Task Drop()
    {
        SqlConnection.ClearAllPools();
        var master = new SqlConnectionStringBuilder(server.ConnectionString) { InitialCatalog = "master", Pooling = false };
        await using var connection = new SqlConnection(master.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"IF DB_ID(N'{name}') IS NOT NULL BEGIN ALTER DATABASE [{name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{name}]; END";
        await command.ExecuteNonQueryAsync();
    }
}
