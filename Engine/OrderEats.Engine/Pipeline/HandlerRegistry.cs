using System.Collections.Concurrent;
using OrderEats.Engine.Sagas;

namespace OrderEats.Engine.Pipeline;

/// <summary>Which handlers run for a message type: every handler of the type or of one of its base types and interfaces, in registration order.</summary>
internal sealed class HandlerRegistry
{
    private readonly List<HandlerRegistration> registrations = [];
    private readonly ConcurrentDictionary<(Type, bool), IReadOnlyList<HandlerRegistration>> cache = new();

    public HandlerRegistry(IEnumerable<Type> handlerTypes)
    {
        foreach (var handlerType in handlerTypes)
        {
            var saga = typeof(Saga).IsAssignableFrom(handlerType) ? SagaMetadata.Create(handlerType) : null;
            foreach (var invoker in saga?.Invokers ?? HandlerInvokers.Of(handlerType))
            {
                registrations.Add(new HandlerRegistration(handlerType, invoker, saga));
            }
        }

        Sagas = registrations.Select(r => r.Saga).OfType<SagaMetadata>().Distinct().ToList();
        NotFoundHandlers = handlerTypes.Where(t => typeof(IHandleSagaNotFound).IsAssignableFrom(t)).ToList();
    }

    public IReadOnlyList<SagaMetadata> Sagas { get; }

    public IReadOnlyList<Type> NotFoundHandlers { get; }

    public IEnumerable<Type> MessageTypes => registrations.Select(r => r.Invoker.MessageType).Distinct();

    public IEnumerable<Type> HandledEventTypes => registrations.Where(r => !r.Invoker.IsTimeout && typeof(IEvent).IsAssignableFrom(r.Invoker.MessageType))
        .Select(r => r.Invoker.MessageType).Distinct();

    public IReadOnlyList<HandlerRegistration> For(Type messageType, bool isTimeout) =>
        cache.GetOrAdd((messageType, isTimeout), key => registrations
            .Where(r => r.Invoker.IsTimeout == key.Item2 && r.Invoker.MessageType.IsAssignableFrom(key.Item1))
            .ToList());
}
