using OrderEats.Engine.Persistence;
using OrderEats.Engine.Serialization;

namespace OrderEats.Engine.Sagas;

/// <summary>Calls a typed <see cref="ISagaFinder{TData, TMessage}"/> without reflection invoke.</summary>
internal interface IFinderCall
{
    IFinderContext CreateContext(ISagaPersister persister, SagaStorageDefinition storage, IUnitOfWork session, IReadOnlyDictionary<string, string> headers, MessageSerializer serializer);

    Task<IContainSagaData?> Find(object finder, object message, IFinderContext context, CancellationToken cancellationToken);
}
