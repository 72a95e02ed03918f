namespace OrderEats.Engine;

/// <summary>Sends and publishes messages from outside a handler (an HTTP request, a background job), and manages subscriptions.</summary>
public interface IMessageSession
{
    /// <summary>Sends a command to the endpoint that routing names for its type, or to <see cref="SendOptions.Destination"/>.</summary>
    Task Send(object message, SendOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Sends a message to this endpoint's own queue (not available on a send-only endpoint).</summary>
    Task SendLocal(object message, SendOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Publishes an event to every subscriber of its type or one of its base types.</summary>
    Task Publish(object message, PublishOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Subscribes this endpoint's queue to <paramref name="eventType"/> (and so to events derived from it), on transports that keep subscriptions
    /// (the learning transport and RabbitMQ). Endpoints subscribe to the events their handlers handle at startup already.
    /// </summary>
    /// <exception cref="NotSupportedException">The transport does not manage subscriptions.</exception>
    Task Subscribe(Type eventType, CancellationToken cancellationToken = default);

    /// <summary>Removes this endpoint's subscription to <paramref name="eventType"/>; events published afterwards no longer reach it.</summary>
    /// <exception cref="NotSupportedException">The transport does not manage subscriptions.</exception>
    Task Unsubscribe(Type eventType, CancellationToken cancellationToken = default);
}
