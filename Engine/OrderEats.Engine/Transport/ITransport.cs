namespace OrderEats.Engine.Transport;

/// <summary>
/// The transport seam: creates queues and subscriptions, dispatches durably (including delayed delivery), and receives.
/// Implementations: the learning transport (a folder) and RabbitMQ.
/// </summary>
public interface ITransport : IAsyncDisposable
{
    /// <summary>Creates the endpoint's queue, the error queue and the subscriptions the endpoint needs. Idempotent; safe to run from several processes.</summary>
    Task Setup(TransportSetup setup, CancellationToken cancellationToken = default);

    /// <summary>Sends, publishes and schedules the operations; completes only when every one of them is durable. Throws when one cannot be delivered (e.g. a send to a queue that does not exist).</summary>
    Task Dispatch(IReadOnlyList<TransportOperation> operations, CancellationToken cancellationToken = default);

    /// <summary>Starts delivering messages from a queue to <paramref name="onMessage"/>, at most <see cref="ReceiveSettings.MaxConcurrency"/> at once. Dispose the result to stop: it waits for in-flight messages.</summary>
    Task<IAsyncDisposable> Receive(ReceiveSettings settings, OnMessage onMessage, CancellationToken cancellationToken = default);
}
