using OrderEats.Engine.Transport;

namespace OrderEats.Engine.Persistence;

/// <summary>
/// The outbox seam: remembers which incoming messages were processed and what they sent, so a redelivered message dispatches the stored
/// messages again instead of running its handlers twice.
/// </summary>
public interface IOutboxStorage
{
    /// <summary>
    /// The record for an incoming message id, or null when it was never processed (or was purged). Read inside <paramref name="session"/> when
    /// given (the engine reads it in the message's own unit of work: one connection per message), else on a connection of its own.
    /// </summary>
    Task<OutboxRecord?> Get(string messageId, IUnitOfWork? session = null, CancellationToken cancellationToken = default);

    /// <summary>Stores the outgoing operations in the unit of work; a record for the same message id makes the commit fail.</summary>
    Task Store(string messageId, IReadOnlyList<TransportOperation> operations, IUnitOfWork session, CancellationToken cancellationToken = default);

    /// <summary>
    /// Marks the records of <paramref name="messageIds"/> dispatched (their operations are then dropped from storage; the ids are kept for
    /// deduplication). The engine marks in batches after dispatching; a record left unmarked by a crash only means that a redelivered copy
    /// of its message dispatches the stored operations again, which receivers deduplicate by message id.
    /// </summary>
    Task MarkDispatched(IReadOnlyCollection<string> messageIds, CancellationToken cancellationToken = default);

    /// <summary>Deletes dispatched records older than <paramref name="olderThan"/>; returns how many.</summary>
    Task<int> Purge(DateTimeOffset olderThan, CancellationToken cancellationToken = default);
}
