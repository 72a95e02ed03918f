using System.Collections.Concurrent;
using OrderEats.Engine.Persistence;
using OrderEats.Engine.Transport;

namespace OrderEats.Engine.InMemory;

/// <summary>The data of the in-memory persistence: saga rows per saga type and outbox records. Commits are serialized by <see cref="CommitLock"/>.</summary>
internal sealed class InMemoryStore
{
    public Lock CommitLock { get; } = new();

    public ConcurrentDictionary<string, ConcurrentDictionary<Guid, SagaRecord>> Sagas { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, (IReadOnlyList<TransportOperation> Operations, bool Dispatched, DateTimeOffset At)> Outbox { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<Guid, SagaRecord> Table(SagaStorageDefinition saga) =>
        Sagas.GetOrAdd(saga.SagaType, _ => new ConcurrentDictionary<Guid, SagaRecord>());
}
