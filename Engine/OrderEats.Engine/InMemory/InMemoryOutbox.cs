using OrderEats.Engine.Persistence;
using OrderEats.Engine.Transport;

namespace OrderEats.Engine.InMemory;

/// <summary>Outbox records in memory.</summary>
internal sealed class InMemoryOutbox(InMemoryStore store, TimeProvider time) : IOutboxStorage
{
    public Task<OutboxRecord?> Get(string messageId, IUnitOfWork? session = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(store.Outbox.TryGetValue(messageId, out var row) ? new OutboxRecord(messageId, row.Operations, row.Dispatched) : null);

    public Task Store(string messageId, IReadOnlyList<TransportOperation> operations, IUnitOfWork session, CancellationToken cancellationToken = default)
    {
        var copy = operations.ToList();
        ((InMemorySession)session).Enlist(
            () =>
            {
                if (store.Outbox.ContainsKey(messageId))
                {
                    throw new InvalidOperationException($"The outbox holds message {messageId} already: it was processed concurrently.");
                }
            },
            () => store.Outbox[messageId] = (copy, false, time.GetUtcNow()));
        return Task.CompletedTask;
    }

    public Task MarkDispatched(IReadOnlyCollection<string> messageIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messageIds);
        foreach (var messageId in messageIds)
        {
            store.Outbox[messageId] = ([], true, time.GetUtcNow());
        }

        return Task.CompletedTask;
    }

    public Task<int> Purge(DateTimeOffset olderThan, CancellationToken cancellationToken = default)
    {
        var old = store.Outbox.Where(r => r.Value.Dispatched && r.Value.At < olderThan).Select(r => r.Key).ToList();
        return Task.FromResult(old.Count(id => store.Outbox.TryRemove(id, out _)));
    }
}
