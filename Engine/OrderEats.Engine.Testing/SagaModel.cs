using System.Reflection;

namespace OrderEats.Engine.Testing;

// What the saga declares: its correlation property, its message mappings, and which messages and timeouts it handles. Validated on creation,
// so a mapping mistake fails the first test that builds the saga with the same words the engine uses at startup.
internal sealed class SagaModel
{
    private static readonly Type[] CorrelationTypes = [typeof(Guid), typeof(string), typeof(int), typeof(long)];

    private readonly IReadOnlyList<SagaMessageMapping> mappings;
    private readonly IReadOnlyList<Type> handledMessages;
    private readonly IReadOnlyList<Type> startingMessages;
    private readonly IReadOnlyList<Type> handledTimeouts;

    private SagaModel(Type sagaType, PropertyInfo correlationProperty, IReadOnlyList<SagaMessageMapping> mappings)
    {
        SagaType = sagaType;
        CorrelationProperty = correlationProperty;
        this.mappings = mappings;
        handledMessages = GenericArguments(sagaType, typeof(IHandleMessages<>));
        startingMessages = GenericArguments(sagaType, typeof(IAmStartedByMessages<>));
        handledTimeouts = GenericArguments(sagaType, typeof(IHandleTimeouts<>));
    }

    public Type SagaType { get; }

    public string SagaName => SagaType.Name;

    public PropertyInfo CorrelationProperty { get; }

    public static SagaModel Build(Saga saga)
    {
        var sagaType = saga.GetType();
        var (property, mappings) = saga.BuildMapping();
        var handled = GenericArguments(sagaType, typeof(IHandleMessages<>));
        if (property is null)
        {
            throw new InvalidOperationException(
                $"Saga {sagaType.Name} names no correlation property. Add `mapper.MapSaga(d => d.<Property>)` in ConfigureHowToFindSaga and map every message to it.");
        }

        if (!CorrelationTypes.Contains(property.PropertyType))
        {
            throw new InvalidOperationException(
                $"Saga {sagaType.Name} correlates on {property.DeclaringType?.Name}.{property.Name} of type {property.PropertyType.Name}; a correlation property must be a Guid, string, int or long.");
        }

        var unmapped = handled.FirstOrDefault(m => !mappings.Any(x => x.MessageType.IsAssignableFrom(m)));
        if (unmapped is not null)
        {
            throw new InvalidOperationException(
                $"Saga {sagaType.Name} has no mapping for message {unmapped.Name}. Add `.ToMessage<{unmapped.Name}>(m => m.{property.Name})` in ConfigureHowToFindSaga.");
        }

        var mapping = mappings.FirstOrDefault(x => !handled.Any(m => x.MessageType.IsAssignableFrom(m)));
        if (mapping is not null)
        {
            throw new InvalidOperationException(
                $"Saga {sagaType.Name} maps message {mapping.MessageType.Name} but does not handle it. Implement IHandleMessages<{mapping.MessageType.Name}> or remove `.ToMessage<{mapping.MessageType.Name}>` from ConfigureHowToFindSaga.");
        }

        return new SagaModel(sagaType, property, mappings);
    }

    public bool IsStartedBy(Type messageType) => startingMessages.Any(m => m.IsAssignableFrom(messageType));

    public object ReadCorrelationValue(object message)
    {
        var messageType = message.GetType();
        if (!handledMessages.Any(m => m.IsAssignableFrom(messageType)))
        {
            throw new InvalidOperationException(
                $"Saga {SagaName} does not handle message {messageType.Name}. Implement IHandleMessages<{messageType.Name}> on {SagaName}, or hand the message to the handler that does.");
        }

        var mapping = mappings.FirstOrDefault(x => x.MessageType == messageType) ?? mappings.First(x => x.MessageType.IsAssignableFrom(messageType));
        var value = mapping.ReadCorrelationValue(message);
        if (value is null)
        {
            throw new InvalidOperationException(
                $"Message {messageType.Name} carries no correlation value for saga {SagaName}: its mapping returned null. Set the property the mapping reads before handling it.");
        }

        if (value.GetType() != CorrelationProperty.PropertyType)
        {
            throw new InvalidOperationException(
                $"Saga {SagaName} maps message {messageType.Name} to a {value.GetType().Name} but correlates on {CorrelationProperty.Name}, a {CorrelationProperty.PropertyType.Name}. Map a property of the same type.");
        }

        return value;
    }

    public void EnsureHandlesTimeout(Type stateType)
    {
        if (!handledTimeouts.Any(t => t.IsAssignableFrom(stateType)))
        {
            throw new InvalidOperationException(
                $"Saga {SagaName} requested a timeout of type {stateType.Name} but does not handle it. Implement IHandleTimeouts<{stateType.Name}> on {SagaName}.");
        }
    }

    public Task InvokeHandlers(Saga saga, object message, IMessageHandlerContext context) =>
        Invoke(saga, message, context, handledMessages, typeof(IHandleMessages<>), nameof(IHandleMessages<object>.Handle));

    public Task InvokeTimeout(Saga saga, object state, IMessageHandlerContext context) =>
        Invoke(saga, state, context, handledTimeouts, typeof(IHandleTimeouts<>), nameof(IHandleTimeouts<object>.Timeout));

    private static async Task Invoke(Saga saga, object message, IMessageHandlerContext context, IReadOnlyList<Type> handled, Type contract, string method)
    {
        var messageType = message.GetType();
        foreach (var type in handled.Where(t => t.IsAssignableFrom(messageType)).OrderBy(t => t == messageType ? 0 : 1))
        {
            var handler = contract.MakeGenericType(type).GetMethod(method)!;
            await (Task)handler.Invoke(saga, BindingFlags.DoNotWrapExceptions, binder: null, [message, context], culture: null)!;
        }
    }

    private static Type[] GenericArguments(Type sagaType, Type contract) =>
        [.. sagaType.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == contract).Select(i => i.GetGenericArguments()[0])];
}
