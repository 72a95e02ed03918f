using OrderEats.Engine.Contracts;
using OrderEats.Engine.Transport;
using RabbitMQ.Client;

namespace OrderEats.Engine.RabbitMQ.Tests.Cluster;

/// <summary>The transport contract on a 3-node cluster, with every node's address in the connection string.</summary>
[TestFixture]
public sealed class RabbitMqClusterTransportContractTests : TransportContract
{
    protected override Task<ITransport> CreateTransport(CancellationToken cancellationToken) =>
        Task.FromResult<ITransport>(TestTransports.Create(ClusterSetUpFixture.Cluster.AmqpUri));

    protected override async Task SendUnreadableMessage(string queue, CancellationToken cancellationToken)
    {
        await using var amqp = await RawAmqp.Connect(ClusterSetUpFixture.Cluster.RunningNodeUri);
        await amqp.Send(queue, new BasicProperties { ContentType = "application/json", Persistent = true }, "{}"u8.ToArray());
    }
}
