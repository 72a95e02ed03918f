using OrderEats.Engine.Contracts;
using OrderEats.Engine.Transport;
using RabbitMQ.Client;

namespace OrderEats.Engine.RabbitMQ.Tests;

/// <summary>The transport contract on RabbitMQ.</summary>
[TestFixture]
public sealed class RabbitMqTransportContractTests : TransportContract
{
    protected override Task<ITransport> CreateTransport(CancellationToken cancellationToken) => Task.FromResult<ITransport>(TestTransports.Create());

    protected override async Task SendUnreadableMessage(string queue, CancellationToken cancellationToken)
    {
        await using var amqp = await RawAmqp.Connect();
        await amqp.Send(queue, new BasicProperties { ContentType = "application/json", Persistent = true }, "{}"u8.ToArray());
    }
}
