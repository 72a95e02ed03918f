using OrderEats.Engine.Transport;

namespace OrderEats.Engine.Persistence;

/// <summary>
/// The outbox seam: remembers which incoming messages were processed and what they sent, so a redelivered message dispatches the stored
/// messages again instead of running its handlers twice.
/// </summary>
public interface IOutboxStorage
{
    /// <summary>The record for an incoming message id, or null when it was never processed (or was purged).</summary>
    Task<OutboxRecord?> Get(string messageId, CancellationToken cancellationToken = default);

    /// <summary>Stores the outgoing operations in the unit of work; a record for the same message id makes the commit fail.</summary>
    Task Store(string messageId, IReadOnlyList<TransportOperation> operations, IUnitOfWork session, CancellationToken cancellationToken = default);

    /// <summary>Marks the record's operations dispatched (they are then dropped from storage; the id is kept for deduplication).</summary>
    Task MarkDispatched(string messageId, CancellationToken cancellationToken = default);

    /// <summary>Deletes dispatched records older than <paramref name="olderThan"/>; returns how many.</summary>
    Task<int> Purge(DateTimeOffset olderThan, CancellationToken cancellationToken = default);
}
