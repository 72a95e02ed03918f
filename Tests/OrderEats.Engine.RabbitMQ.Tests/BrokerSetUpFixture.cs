using OrderEats.TestInfrastructure;

namespace OrderEats.Engine.RabbitMQ.Tests;

/// <summary>One broker for the whole run: ORDEREATS_RABBITMQ if set, else a private node.</summary>
[SetUpFixture]
public sealed class BrokerSetUpFixture
{
    private static RabbitMqBroker? broker;

    /// <summary>The run's broker.</summary>
    public static RabbitMqBroker Broker => broker ?? throw new InvalidOperationException("The broker starts in BrokerSetUpFixture; run the tests through NUnit.");

    [OneTimeSetUp]
    public async Task StartBroker() => broker = await RabbitMqBroker.StartAsync();

    [OneTimeTearDown]
    public async Task StopBroker()
    {
        if (broker is not null)
        {
            await broker.DisposeAsync();
        }
    }
}
