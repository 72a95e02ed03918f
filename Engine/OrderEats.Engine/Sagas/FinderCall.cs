using OrderEats.Engine.Persistence;
using OrderEats.Engine.Serialization;

namespace OrderEats.Engine.Sagas;

internal sealed class FinderCall<TData, TMessage> : IFinderCall
    where TData : class, IContainSagaData
{
    public IFinderContext CreateContext(ISagaPersister persister, SagaStorageDefinition storage, IUnitOfWork session, IReadOnlyDictionary<string, string> headers, MessageSerializer serializer) =>
        new SagaFinderContext<TData>(persister, storage, session, headers, serializer);

    public async Task<IContainSagaData?> Find(object finder, object message, IFinderContext context, CancellationToken cancellationToken) =>
        await ((ISagaFinder<TData, TMessage>)finder).FindBy((TMessage)message, (ISagaFinderContext<TData>)context, cancellationToken);
}
