namespace OrderEats.Engine.Sql;

/// <summary>The SQL databases the persistence supports.</summary>
public enum SqlDialectKind
{
    /// <summary>SQLite (embedded, one file).</summary>
    Sqlite,

    /// <summary>PostgreSQL.</summary>
    PostgreSql,

    /// <summary>Microsoft SQL Server.</summary>
    SqlServer,
}
