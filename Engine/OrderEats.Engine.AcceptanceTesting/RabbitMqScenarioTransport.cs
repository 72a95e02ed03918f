using global::RabbitMQ.Client;
using global::RabbitMQ.Client.Exceptions;
using OrderEats.Engine.RabbitMQ;

namespace OrderEats.Engine.AcceptanceTesting;

internal sealed class RabbitMqScenarioTransport(string amqpUri, Action<RabbitMqOptions>? configure) : ScenarioTransport
{
    internal override async Task<IScenarioTransportRun> Begin(IReadOnlyList<string> endpointQueues, CancellationToken cancellationToken)
    {
        // Queues outlive a scenario on a shared broker: what an earlier, aborted run left must not reach this one.
        var factory = new ConnectionFactory { Uri = new Uri(amqpUri), ClientProvidedName = "OrderEats scenario setup" };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        foreach (var queue in endpointQueues)
        {
            await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
            try
            {
                await channel.QueuePurgeAsync(queue, cancellationToken);
            }
            catch (OperationInterruptedException)
            {
                // The queue does not exist yet: nothing to purge.
            }
        }

        return new Run(amqpUri, configure);
    }

    private sealed class Run(string uri, Action<RabbitMqOptions>? configure) : IScenarioTransportRun
    {
        public void Configure(EndpointConfiguration configuration) => configuration.UseRabbitMq(uri, configure);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
