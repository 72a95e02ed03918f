using OrderEats.TestInfrastructure;

namespace OrderEats.BadInput.Tests;

/// <summary>One RabbitMQ broker for the assembly: ORDEREATS_RABBITMQ if set, else a private node.</summary>
[SetUpFixture]
public sealed class BrokerSetUp
{
    private static RabbitMqBroker? broker;

    public static string AmqpUri => broker?.AmqpUri ?? throw new InvalidOperationException("The broker is not started; BrokerSetUp runs before the fixtures of this assembly.");

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
