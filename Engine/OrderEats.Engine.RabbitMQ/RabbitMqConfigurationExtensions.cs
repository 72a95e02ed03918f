using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace OrderEats.Engine.RabbitMQ;

/// <summary>Configures an endpoint to use RabbitMQ.</summary>
public static class RabbitMqConfigurationExtensions
{
    /// <summary>
    /// Uses the RabbitMQ broker at <paramref name="amqpUri"/> (e.g. amqp://user:pass@host:5672/vhost) as the endpoint's transport. For a cluster,
    /// list one URI per node separated by commas: the transport connects to any node that answers and moves to another when it goes down.
    /// </summary>
    /// <param name="configuration">The endpoint configuration.</param>
    /// <param name="amqpUri">The AMQP URI of the broker, or of each cluster node separated by commas.</param>
    /// <param name="configure">Adjusts <see cref="RabbitMqOptions"/>.</param>
    public static EndpointConfiguration UseRabbitMq(this EndpointConfiguration configuration, string amqpUri, Action<RabbitMqOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrWhiteSpace(amqpUri);
        var addresses = BrokerAddresses.Parse(amqpUri);
        var options = new RabbitMqOptions();
        configure?.Invoke(options);
        options.Validate();
        configuration.UseTransport(services =>
        {
            var loggerFactory = services.GetService(typeof(ILoggerFactory)) as ILoggerFactory ?? NullLoggerFactory.Instance;
            var time = services.GetService(typeof(TimeProvider)) as TimeProvider ?? TimeProvider.System;
            return new RabbitMqTransport(addresses, options, time, loggerFactory);
        });
        return configuration;
    }
}
