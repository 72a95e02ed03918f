using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace OrderEats.Engine.RabbitMQ;

/// <summary>Configures an endpoint to use RabbitMQ.</summary>
public static class RabbitMqConfigurationExtensions
{
    /// <summary>Uses the RabbitMQ broker at <paramref name="amqpUri"/> (e.g. amqp://user:pass@host:5672/vhost) as the endpoint's transport.</summary>
    /// <param name="configuration">The endpoint configuration.</param>
    /// <param name="amqpUri">The AMQP URI of the broker.</param>
    /// <param name="configure">Adjusts <see cref="RabbitMqOptions"/>.</param>
    public static EndpointConfiguration UseRabbitMq(this EndpointConfiguration configuration, string amqpUri, Action<RabbitMqOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrWhiteSpace(amqpUri);
        if (!Uri.TryCreate(amqpUri, UriKind.Absolute, out var uri) || (uri.Scheme != "amqp" && uri.Scheme != "amqps"))
        {
            throw new ArgumentException($"'{amqpUri}' is not an AMQP URI. Use amqp://user:password@host:5672/vhost (or amqps://).", nameof(amqpUri));
        }

        var options = new RabbitMqOptions();
        configure?.Invoke(options);
        options.Validate();
        configuration.UseTransport(services =>
        {
            var loggerFactory = services.GetService(typeof(ILoggerFactory)) as ILoggerFactory ?? NullLoggerFactory.Instance;
            return new RabbitMqTransport(uri, options, loggerFactory);
        });
        return configuration;
    }
}
