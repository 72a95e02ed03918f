namespace OrderEats.Engine.Transport;

/// <summary>An optional transport capability: subscribe and unsubscribe an endpoint queue at runtime (behind <c>IMessageSession.Subscribe</c>).</summary>
public interface ISubscriptionManager
{
    /// <summary>Makes publishes of <paramref name="eventType"/> (a contract name) and of types derived from it reach <paramref name="endpointQueue"/>. Idempotent.</summary>
    Task Subscribe(string endpointQueue, string eventType, CancellationToken cancellationToken = default);

    /// <summary>Stops publishes of <paramref name="eventType"/> from reaching <paramref name="endpointQueue"/>. Idempotent.</summary>
    Task Unsubscribe(string endpointQueue, string eventType, CancellationToken cancellationToken = default);
}
