using Microsoft.Extensions.Logging;
using OrderEats.Engine.Transport;

namespace OrderEats.Engine.RabbitMQ;

/// <summary>Runtime subscriptions: bind or unbind the event type's exchange and the endpoint queue's exchange (the topology startup uses).</summary>
internal sealed partial class RabbitMqTransport : ISubscriptionManager
{
    public async Task Subscribe(string endpointQueue, string eventType, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(endpointQueue);
        ArgumentException.ThrowIfNullOrEmpty(eventType);
        await dispatcher.WithChannel(
            confirmed => Topology.Subscribe(confirmed.Channel, endpointQueue, eventType, cancellationToken),
            $"subscribe {endpointQueue} to {eventType}",
            cancellationToken);
        logger.LogInformation("Queue {Queue} subscribed to {EventType}", endpointQueue, eventType);
    }

    public async Task Unsubscribe(string endpointQueue, string eventType, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(endpointQueue);
        ArgumentException.ThrowIfNullOrEmpty(eventType);
        await dispatcher.WithChannel(
            confirmed => Topology.Unsubscribe(confirmed.Channel, endpointQueue, eventType, cancellationToken),
            $"unsubscribe {endpointQueue} from {eventType}",
            cancellationToken);
        logger.LogInformation("Queue {Queue} unsubscribed from {EventType}", endpointQueue, eventType);
    }
}
