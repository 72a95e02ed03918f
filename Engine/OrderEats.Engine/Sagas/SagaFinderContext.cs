using OrderEats.Engine.Persistence;
using OrderEats.Engine.Serialization;

namespace OrderEats.Engine.Sagas;

/// <summary>The context a custom finder gets: the unit of work, the headers, and lookups through the saga persister in that unit of work.</summary>
internal sealed class SagaFinderContext<TData>(
    ISagaPersister persister, SagaStorageDefinition storage, IUnitOfWork session, IReadOnlyDictionary<string, string> headers, MessageSerializer serializer)
    : ISagaFinderContext<TData>, IFinderContext
    where TData : class, IContainSagaData
{
    private readonly Dictionary<Guid, SagaRecord> loaded = [];

    public IStorageSession Storage => session;

    public IReadOnlyDictionary<string, string> MessageHeaders => headers;

    public async Task<TData?> GetById(Guid sagaId, CancellationToken cancellationToken = default) =>
        Remember(await persister.Get(storage, sagaId, session, cancellationToken));

    public async Task<TData?> GetByCorrelationValue(object correlationValue, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(correlationValue);
        if (correlationValue.GetType() != storage.CorrelationType)
        {
            throw new ArgumentException(
                $"Saga {storage.TableName} is correlated on {storage.CorrelationProperty}, a {storage.CorrelationType.Name}; the finder passed a {correlationValue.GetType().Name}. Pass a value of the same type.",
                nameof(correlationValue));
        }

        return Remember(await persister.Find(storage, correlationValue, session, cancellationToken));
    }

    public SagaRecord? Loaded(Guid sagaId) => loaded.GetValueOrDefault(sagaId);

    private TData? Remember(SagaRecord? record)
    {
        if (record is null)
        {
            return null;
        }

        loaded[record.Id] = record;
        return (TData)serializer.DeserializeData(record.Data, typeof(TData));
    }
}
