using OrderEats.Engine;
using OrderEats.Engine.RabbitMQ;
using OrderEats.Engine.Sql;
using OrderEats.ServiceDefaults.Migrations;

namespace OrderEats.ServiceDefaults;

/// <summary>Puts an endpoint on the configured transport and on its own database, with the outbox on.</summary>
public static class InfrastructureConfigurationExtensions
{
    /// <summary>
    /// Configures the transport from <paramref name="infrastructure"/>, SQL persistence on <paramref name="database"/> and the outbox; the
    /// service's business tables are migrated by <paramref name="migrations"/> in the engine's schema install (same lock, same transaction, same
    /// deadlock retry).
    /// </summary>
    public static EndpointConfiguration UseInfrastructure(
        this EndpointConfiguration configuration, InfrastructureOptions infrastructure, EndpointDatabase database, BusinessMigrations? migrations = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(infrastructure);
        ArgumentNullException.ThrowIfNull(database);
        configuration.UseConfiguredTransport(infrastructure);
        void Schema(SqlPersistenceOptions options)
        {
            if (migrations is not null)
            {
                options.AdditionalSchemaSteps.Add((transaction, cancellationToken) => MigrationRunner.Apply(transaction, database.Kind, migrations, cancellationToken));
            }
        }

        switch (database.Kind)
        {
            case SqlDialectKind.PostgreSql:
                configuration.UsePostgreSql(database.ConnectionString, Schema);
                break;
            case SqlDialectKind.SqlServer:
                configuration.UseSqlServer(database.ConnectionString, Schema);
                break;
            default:
                Directory.CreateDirectory(infrastructure.DataFolder);
                configuration.UseSqlite(database.ConnectionString, Schema);
                break;
        }

        configuration.EnableOutbox();
        ConsoleReporting.Apply(configuration, infrastructure);
        // Every service's messages name the order they belong to: its logs and spans carry it.
        configuration.Logging.AddScopeFromProperty("OrderId");
        configuration.MaxConcurrency = infrastructure.MaxConcurrency ?? configuration.MaxConcurrency;
        return configuration;
    }

    /// <summary>Configures only the transport (for endpoints without a database of their own).</summary>
    public static EndpointConfiguration UseConfiguredTransport(this EndpointConfiguration configuration, InfrastructureOptions infrastructure)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(infrastructure);
        configuration.ShutdownTimeout = infrastructure.ShutdownTimeout;
        switch (infrastructure.Transport)
        {
            case TransportKind.RabbitMq:
                configuration.UseRabbitMq(infrastructure.RabbitMqUri!, options =>
                {
                    options.CertificateAuthorityFile = infrastructure.RabbitMqCaFile;
                    if (infrastructure.RabbitMqDeliveryLimit is { } limit)
                    {
                        options.DeliveryLimit = limit == "none" ? null : int.Parse(limit, System.Globalization.CultureInfo.InvariantCulture);
                    }
                });
                break;
            default:
                configuration.UseLearningTransport(infrastructure.LearningFolder);
                break;
        }

        return configuration;
    }
}
