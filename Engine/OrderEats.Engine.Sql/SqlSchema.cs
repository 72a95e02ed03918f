using OrderEats.Engine.Persistence;
using OrderEats.Engine.Sql.Dialects;

namespace OrderEats.Engine.Sql;

/// <summary>The SQL the persistence installs, for databases where the endpoint may not create tables itself.</summary>
public static class SqlSchema
{
    /// <summary>The idempotent install script (saga tables and, when <see cref="PersistenceSetup.Outbox"/> is set, the outbox) in the default schema.</summary>
    public static string Script(SqlDialectKind dialect, PersistenceSetup setup) => Script(dialect, setup, schemaName: null);

    /// <summary>The idempotent install script for the tables in <paramref name="schemaName"/> (null: the dialect's default schema).</summary>
    public static string Script(SqlDialectKind dialect, PersistenceSetup setup, string? schemaName)
    {
        ArgumentNullException.ThrowIfNull(setup);
        return CreateDialect(dialect, schemaName).Script(setup);
    }

    internal static SqlDialect CreateDialect(SqlDialectKind dialect, string? schemaName) => dialect switch
    {
        SqlDialectKind.Sqlite => new SqliteDialect(schemaName),
        SqlDialectKind.PostgreSql => new PostgreSqlDialect(schemaName),
        SqlDialectKind.SqlServer => new SqlServerDialect(schemaName),
        _ => throw new ArgumentOutOfRangeException(nameof(dialect), dialect, "Use SqlDialectKind.Sqlite, PostgreSql or SqlServer."),
    };
}
