using OrderEats.Engine.Sql;
using OrderEats.ServiceDefaults;
using OrderEats.Services.Tests.Harness;

namespace OrderEats.Services.Tests.Migrations;

// A new, empty database for one migration fixture: on the tests' PostgreSQL server, or a SQLite file in a folder deleted afterwards.
internal sealed class ScratchDatabase : IDisposable
{
    private readonly string folder;

    private ScratchDatabase(string folder, EndpointDatabase database)
    {
        this.folder = folder;
        Database = database;
    }

    public EndpointDatabase Database { get; }

    public static async Task<ScratchDatabase> Create(SqlDialectKind kind, string name)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"ordereats-{name}-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        if (kind != SqlDialectKind.PostgreSql)
        {
            return new ScratchDatabase(folder, EndpointDatabase.For(new InfrastructureOptions { Persistence = kind, DataFolder = folder }, name));
        }

        var server = await Postgres.Server();
        var database = new Npgsql.NpgsqlConnectionStringBuilder(await server.CreateDatabase("ordereats_" + name)).Database!;
        var infrastructure = new InfrastructureOptions { Persistence = kind, DataFolder = folder, ServerConnectionString = server.ServerConnectionString };
        return new ScratchDatabase(folder, EndpointDatabase.For(infrastructure, database["ordereats_".Length..]));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
