using System.Collections.Concurrent;
using System.Data.Common;

namespace OrderEats.Engine.Sql;

/// <summary>Opens connections prepared the way the persistence prepares its own (SQLite busy timeout and WAL), for reads outside a message's unit of work.</summary>
public static class SqlConnections
{
    private static readonly ConcurrentDictionary<(SqlDialectKind, string), SqlDatabase> Databases = new();

    /// <summary>Opens a connection to <paramref name="connectionString"/> with the given dialect.</summary>
    public static Task<DbConnection> Open(SqlDialectKind kind, string connectionString, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var database = Databases.GetOrAdd((kind, connectionString), key => new SqlDatabase(SqlSchema.CreateDialect(key.Item1, null), key.Item2));
        return database.Open(cancellationToken);
    }
}
