using OrderEats.Engine.Persistence;

namespace OrderEats.Engine.InMemory;

/// <summary>Saga storage in memory, with the same concurrency checks as the SQL dialects.</summary>
internal sealed class InMemorySagaPersister(InMemoryStore store) : ISagaPersister
{
    public Task<SagaRecord?> Get(SagaStorageDefinition saga, Guid sagaId, IUnitOfWork session, CancellationToken cancellationToken = default) =>
        Task.FromResult(store.Table(saga).GetValueOrDefault(sagaId));

    public Task<SagaRecord?> Find(SagaStorageDefinition saga, object correlationValue, IUnitOfWork session, CancellationToken cancellationToken = default) =>
        Task.FromResult(store.Table(saga).Values.FirstOrDefault(r => Equals(r.CorrelationValue, correlationValue)));

    public Task Insert(SagaStorageDefinition saga, SagaRecord record, IUnitOfWork session, CancellationToken cancellationToken = default)
    {
        ((InMemorySession)session).Enlist(() =>
        {
            var table = store.Table(saga);
            if (table.Values.Any(r => Equals(r.CorrelationValue, record.CorrelationValue)) || !table.TryAdd(record.Id, record with { Version = 1 }))
            {
                throw new SagaConcurrencyException($"Saga {saga.SagaType} with {saga.CorrelationProperty} '{record.CorrelationValue}' exists already.");
            }
        });
        return Task.CompletedTask;
    }

    public Task Update(SagaStorageDefinition saga, SagaRecord record, IUnitOfWork session, CancellationToken cancellationToken = default)
    {
        ((InMemorySession)session).Enlist(() =>
        {
            var table = store.Table(saga);
            if (!table.TryGetValue(record.Id, out var stored) || stored.Version != record.Version || !table.TryUpdate(record.Id, record with { Version = record.Version + 1 }, stored))
            {
                throw new SagaConcurrencyException($"Saga {saga.SagaType} {record.Id} changed since version {record.Version} was read.");
            }
        });
        return Task.CompletedTask;
    }

    public Task Delete(SagaStorageDefinition saga, SagaRecord record, IUnitOfWork session, CancellationToken cancellationToken = default)
    {
        ((InMemorySession)session).Enlist(() =>
        {
            var table = store.Table(saga);
            if (!table.TryGetValue(record.Id, out var stored) || stored.Version != record.Version || !table.TryRemove(new KeyValuePair<Guid, SagaRecord>(record.Id, stored)))
            {
                throw new SagaConcurrencyException($"Saga {saga.SagaType} {record.Id} changed since version {record.Version} was read.");
            }
        });
        return Task.CompletedTask;
    }
}
