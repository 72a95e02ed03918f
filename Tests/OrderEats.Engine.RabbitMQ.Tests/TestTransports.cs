using OrderEats.Engine.Transport;

namespace OrderEats.Engine.RabbitMQ.Tests;

/// <summary>Transports for tests: quick recovery so restart tests do not wait 10 s for the next attempt.</summary>
internal static class TestTransports
{
    public static RabbitMqTransport Create(string amqpUri, Action<RabbitMqOptions>? configure = null)
    {
        var options = new RabbitMqOptions { RecoveryInterval = TimeSpan.FromSeconds(1), ConnectionName = TestContext.CurrentContext.Test.Name };
        configure?.Invoke(options);
        options.Validate();
        return new RabbitMqTransport(BrokerAddresses.Parse(amqpUri), options, TimeProvider.System, ProgressLoggerFactory.Instance);
    }

    public static RabbitMqTransport Create(Action<RabbitMqOptions>? configure = null) => Create(BrokerSetUpFixture.Broker.AmqpUri, configure);

    /// <summary>A transport seen through the seam only, as the engine sees it.</summary>
    public static ITransport CreateSeam() => Create();
}
