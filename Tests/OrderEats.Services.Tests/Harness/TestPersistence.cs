namespace OrderEats.Services.Tests.Harness;

/// <summary>The database every fixture runs on: SQLite files (the embedded default) and PostgreSQL (production).</summary>
public enum TestPersistence
{
    Sqlite,
    PostgreSql,
}
