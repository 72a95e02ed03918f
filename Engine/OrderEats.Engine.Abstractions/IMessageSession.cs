namespace OrderEats.Engine;

/// <summary>Sends and publishes messages from outside a handler (an HTTP request, a background job).</summary>
public interface IMessageSession
{
    /// <summary>Sends a command to the endpoint that routing names for its type, or to <see cref="SendOptions.Destination"/>.</summary>
    Task Send(object message, SendOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Publishes an event to every subscriber of its type or one of its base types.</summary>
    Task Publish(object message, PublishOptions? options = null, CancellationToken cancellationToken = default);
}
