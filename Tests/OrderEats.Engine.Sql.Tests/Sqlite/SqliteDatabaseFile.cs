using Microsoft.Data.Sqlite;

namespace OrderEats.Engine.Sql.Tests.Sqlite;

/// <summary>A database file in a folder of its own that does not exist yet (the persistence creates it) and is deleted afterwards.</summary>
internal sealed class SqliteDatabaseFile : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "oe-sqlite-" + Guid.NewGuid().ToString("N")[..12]);

    public string ConnectionString => $"Data Source={Path.Combine(folder, "nested", "endpoint.db")}";

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
