using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OrderEats.Engine.Persistence;

namespace OrderEats.Engine.Sql;

/// <summary>Configures an endpoint to keep its sagas and outbox in SQLite, PostgreSQL or SQL Server.</summary>
public static class SqlPersistenceConfigurationExtensions
{
    /// <summary>Stores sagas and the outbox in the SQLite file named by <paramref name="connectionString"/> (e.g. <c>Data Source=data/orders.db</c>).</summary>
    public static void UseSqlite(this EndpointConfiguration configuration, string connectionString, Action<SqlPersistenceOptions>? configure = null) =>
        Use(configuration, SqlDialectKind.Sqlite, connectionString, configure);

    /// <summary>Stores sagas and the outbox in the PostgreSQL database named by <paramref name="connectionString"/>.</summary>
    public static void UsePostgreSql(this EndpointConfiguration configuration, string connectionString, Action<SqlPersistenceOptions>? configure = null) =>
        Use(configuration, SqlDialectKind.PostgreSql, connectionString, configure);

    /// <summary>Stores sagas and the outbox in the SQL Server database named by <paramref name="connectionString"/>.</summary>
    public static void UseSqlServer(this EndpointConfiguration configuration, string connectionString, Action<SqlPersistenceOptions>? configure = null) =>
        Use(configuration, SqlDialectKind.SqlServer, connectionString, configure);

    private static void Use(EndpointConfiguration configuration, SqlDialectKind kind, string connectionString, Action<SqlPersistenceOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var options = new SqlPersistenceOptions();
        configure?.Invoke(options);

        // Built now so a bad schema name fails at configuration, not at endpoint start.
        var dialect = SqlSchema.CreateDialect(kind, options.SchemaName);
        var endpointName = configuration.EndpointName;
        configuration.UsePersistence(sp =>
        {
            var loggerFactory = sp.GetService(typeof(ILoggerFactory)) as ILoggerFactory ?? NullLoggerFactory.Instance;
            // Rows are stamped by the same clock the outbox purge compares them with.
            var time = sp.GetService(typeof(TimeProvider)) as TimeProvider ?? TimeProvider.System;
            var database = new SqlDatabase(dialect, connectionString);
            var storage = new SqlStorage(database, options, loggerFactory.CreateLogger<SqlStorage>());
            var sagaPersister = new SqlSagaPersister(dialect, time);
            var outbox = new SqlOutboxStorage(database, endpointName, time);
            return new EndpointPersistence(storage, sagaPersister, outbox);
        });
    }
}
