namespace OrderEats.Engine.Transport;

/// <summary>An optional transport capability: how many messages wait in a queue (for metrics, health and the demo's error-queue check).</summary>
public interface IQueueDepth
{
    /// <summary>The number of messages ready in <paramref name="queue"/> (not counting in-flight or delayed ones); 0 when the queue does not exist.</summary>
    Task<long> Count(string queue, CancellationToken cancellationToken = default);
}
