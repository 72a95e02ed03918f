using OrderEats.Engine.Persistence;
using OrderEats.Engine.Serialization;

namespace OrderEats.Engine.Sagas;

/// <summary>A custom finder a saga declared for one message type (<c>ConfigureFinderMapping</c>), validated at startup.</summary>
internal sealed class SagaFinder
{
    private readonly IFinderCall call;

    private SagaFinder(SagaFinderMapping mapping)
    {
        MessageType = mapping.MessageType;
        FinderType = mapping.FinderType;
        call = (IFinderCall)Activator.CreateInstance(typeof(FinderCall<,>).MakeGenericType(mapping.DataType, mapping.MessageType))!;
    }

    public Type MessageType { get; }

    public Type FinderType { get; }

    public IFinderContext CreateContext(ISagaPersister persister, SagaStorageDefinition storage, IUnitOfWork session, IReadOnlyDictionary<string, string> headers, MessageSerializer serializer) =>
        call.CreateContext(persister, storage, session, headers, serializer);

    public Task<IContainSagaData?> Find(object finder, object message, IFinderContext context, CancellationToken cancellationToken) =>
        call.Find(finder, message, context, cancellationToken);

    public static IReadOnlyList<SagaFinder> Validate(
        string sagaName, string correlationProperty, IReadOnlyList<SagaFinderMapping> mappings, IReadOnlyList<Type> handled, IReadOnlySet<Type> starters, IReadOnlyList<SagaMessageMapping> propertyMappings)
    {
        foreach (var mapping in mappings)
        {
            if (mapping.FinderType.IsAbstract || mapping.FinderType.IsInterface)
            {
                throw new InvalidOperationException(
                    $"Saga {sagaName}: finder {mapping.FinderType.Name} for message {mapping.MessageType.Name} is abstract. Map a concrete class implementing ISagaFinder<{mapping.DataType.Name}, {mapping.MessageType.Name}>.");
            }

            if (!handled.Any(m => mapping.MessageType.IsAssignableFrom(m)))
            {
                throw new InvalidOperationException(
                    $"Saga {sagaName} has a finder for message {mapping.MessageType.Name} but does not handle it. Implement IHandleMessages<{mapping.MessageType.Name}> or remove ConfigureFinderMapping<{mapping.MessageType.Name}, {mapping.FinderType.Name}>().");
            }

            // A new instance needs its correlation value: the unique key that lets only one of two concurrent starts commit.
            if (starters.Any(s => mapping.MessageType.IsAssignableFrom(s) || s.IsAssignableFrom(mapping.MessageType)) &&
                !propertyMappings.Any(p => p.MessageType.IsAssignableFrom(mapping.MessageType)))
            {
                throw new InvalidOperationException(
                    $"Saga {sagaName} starts with message {mapping.MessageType.Name}, which finder {mapping.FinderType.Name} looks up, but the message is not mapped to the correlation property, so a new instance would have no {correlationProperty}. " +
                    $"Add `.ToMessage<{mapping.MessageType.Name}>(m => m.{correlationProperty})` as well: the finder looks the instance up, the mapping sets {correlationProperty} when the message starts one.");
            }
        }

        return [.. mappings.Select(m => new SagaFinder(m))];
    }
}
