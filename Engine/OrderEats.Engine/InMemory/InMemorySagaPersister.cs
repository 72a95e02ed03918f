using OrderEats.Engine.Persistence;

namespace OrderEats.Engine.InMemory;

/// <summary>Saga storage in memory, with the same concurrency checks as the SQL dialects (checked at commit).</summary>
internal sealed class InMemorySagaPersister(InMemoryStore store) : ISagaPersister
{
    public Task<SagaRecord?> Get(SagaStorageDefinition saga, Guid sagaId, IUnitOfWork session, CancellationToken cancellationToken = default) =>
        Task.FromResult(store.Table(saga).GetValueOrDefault(sagaId));

    public Task<SagaRecord?> Find(SagaStorageDefinition saga, object correlationValue, IUnitOfWork session, CancellationToken cancellationToken = default) =>
        Task.FromResult(store.Table(saga).Values.FirstOrDefault(r => Equals(r.CorrelationValue, correlationValue)));

    public Task Insert(SagaStorageDefinition saga, SagaRecord record, IUnitOfWork session, CancellationToken cancellationToken = default)
    {
        var table = store.Table(saga);
        ((InMemorySession)session).Enlist(
            () =>
            {
                if (table.ContainsKey(record.Id) || table.Values.Any(r => Equals(r.CorrelationValue, record.CorrelationValue)))
                {
                    throw new SagaConcurrencyException($"Saga {saga.SagaType} with {saga.CorrelationProperty} '{record.CorrelationValue}' exists already.");
                }
            },
            () => table[record.Id] = record with { Version = 1 });
        return Task.CompletedTask;
    }

    public Task Update(SagaStorageDefinition saga, SagaRecord record, IUnitOfWork session, CancellationToken cancellationToken = default)
    {
        var table = store.Table(saga);
        ((InMemorySession)session).Enlist(() => CheckVersion(saga, table, record), () => table[record.Id] = record with { Version = record.Version + 1 });
        return Task.CompletedTask;
    }

    public Task Delete(SagaStorageDefinition saga, SagaRecord record, IUnitOfWork session, CancellationToken cancellationToken = default)
    {
        var table = store.Table(saga);
        ((InMemorySession)session).Enlist(() => CheckVersion(saga, table, record), () => table.TryRemove(record.Id, out _));
        return Task.CompletedTask;
    }

    private static void CheckVersion(SagaStorageDefinition saga, System.Collections.Concurrent.ConcurrentDictionary<Guid, SagaRecord> table, SagaRecord record)
    {
        if (!table.TryGetValue(record.Id, out var stored) || stored.Version != record.Version)
        {
            throw new SagaConcurrencyException($"Saga {saga.SagaType} {record.Id} changed since version {record.Version} was read.");
        }
    }
}
