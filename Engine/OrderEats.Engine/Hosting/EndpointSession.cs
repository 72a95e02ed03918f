using OrderEats.Engine.Pipeline;
using OrderEats.Engine.Routing;
using OrderEats.Engine.Serialization;
using OrderEats.Engine.Transport;

namespace OrderEats.Engine.Hosting;

/// <summary>The message session of a running endpoint: sends, publishes and subscriptions from outside a handler, dispatched at once.</summary>
internal sealed class EndpointSession(EndpointConfiguration configuration, ITransport transport, OutgoingMessageFactory factory, TimeProvider time)
{
    public Task Send(object message, SendOptions? options, CancellationToken cancellationToken) =>
        transport.Dispatch([factory.Create(message, MessageIntent.Send, options, null, time)], cancellationToken);

    public Task SendLocal(object message, SendOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        EnsureReceiving("send a message to itself");
        return Send(message, OptionsCopy.With(options, [], configuration.EndpointName), cancellationToken);
    }

    public Task Publish(object message, PublishOptions? options, CancellationToken cancellationToken) =>
        transport.Dispatch([factory.Create(message, MessageIntent.Publish, options, null, time)], cancellationToken);

    public Task Subscribe(Type eventType, CancellationToken cancellationToken) =>
        Subscriptions(eventType, "subscribe to").Subscribe(configuration.EndpointName, MessageTypeRegistry.ContractName(eventType), cancellationToken);

    public Task Unsubscribe(Type eventType, CancellationToken cancellationToken) =>
        Subscriptions(eventType, "unsubscribe from").Unsubscribe(configuration.EndpointName, MessageTypeRegistry.ContractName(eventType), cancellationToken);

    private ISubscriptionManager Subscriptions(Type eventType, string action)
    {
        ArgumentNullException.ThrowIfNull(eventType);
        EnsureReceiving($"{action} {eventType.Name}");
        return transport as ISubscriptionManager ?? throw new NotSupportedException(
            $"Endpoint {configuration.EndpointName} cannot {action} {eventType.Name}: its transport {transport.GetType().Name} does not manage subscriptions. Use the learning transport or RabbitMQ, or route the events with the transport's own tools.");
    }

    private void EnsureReceiving(string action)
    {
        if (configuration.SendOnly)
        {
            throw new InvalidOperationException(
                $"Endpoint {configuration.EndpointName} is send-only, so it has no queue and cannot {action}. Set SendOnly = false on its configuration, or do this from an endpoint that receives.");
        }
    }
}
