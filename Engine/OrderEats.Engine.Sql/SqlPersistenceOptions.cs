namespace OrderEats.Engine.Sql;

/// <summary>How the SQL persistence installs itself.</summary>
public sealed class SqlPersistenceOptions
{
    /// <summary>True (default) to create the saga and outbox tables at endpoint start when they are missing.</summary>
    public bool CreateSchema { get; set; } = true;

    /// <summary>True (default) to create the database (or the SQLite file's folder) at endpoint start when it is missing.</summary>
    public bool CreateDatabaseIfMissing { get; set; } = true;

    /// <summary>The schema holding the tables: default "public" on PostgreSQL, "dbo" on SQL Server; SQLite has none and must leave it null.</summary>
    public string? SchemaName { get; set; }

    /// <summary>Idempotent statements for the endpoint's own business tables, run after the engine's schema in the same transaction (when <see cref="CreateSchema"/> is on).</summary>
    public IList<string> AdditionalSchema { get; } = [];

    /// <summary>
    /// Steps run after <see cref="AdditionalSchema"/> in the same locked transaction (when <see cref="CreateSchema"/> is on), such as versioned
    /// migrations of the endpoint's business tables; retried with the whole install when it deadlocks, so they must be safe to run again.
    /// </summary>
    public IList<Func<System.Data.Common.DbTransaction, CancellationToken, Task>> AdditionalSchemaSteps { get; } = [];
}
