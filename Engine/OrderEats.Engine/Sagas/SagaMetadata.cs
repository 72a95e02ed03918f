using System.Reflection;
using System.Runtime.CompilerServices;
using OrderEats.Engine.Persistence;
using OrderEats.Engine.Pipeline;
using OrderEats.Engine.Serialization;

namespace OrderEats.Engine.Sagas;

/// <summary>What the engine knows about one saga type, read from the saga's own declarations and validated at startup.</summary>
internal sealed class SagaMetadata
{
    private static readonly HashSet<Type> CorrelationTypes = [typeof(Guid), typeof(string), typeof(int), typeof(long)];
    private readonly IReadOnlyList<SagaMessageMapping> mappings;
    private readonly HashSet<Type> starters;
    private readonly IReadOnlyList<SagaFinder> finders;

    private SagaMetadata(
        Type sagaType, Type dataType, PropertyInfo correlationProperty, IReadOnlyList<SagaMessageMapping> mappings, HashSet<Type> starters, IReadOnlyList<SagaFinder> finders)
    {
        SagaType = sagaType;
        DataType = dataType;
        CorrelationProperty = correlationProperty;
        this.mappings = mappings;
        this.starters = starters;
        this.finders = finders;
        Invokers = HandlerInvokers.Of(sagaType);
        Storage = new SagaStorageDefinition(MessageTypeRegistry.ContractName(sagaType), sagaType.Name, correlationProperty.Name, correlationProperty.PropertyType);
    }

    public Type SagaType { get; }

    public Type DataType { get; }

    public string Name => Storage.SagaType;

    public PropertyInfo CorrelationProperty { get; }

    public SagaStorageDefinition Storage { get; }

    /// <summary>How to call each IHandleMessages and IHandleTimeouts method of the saga, in declaration order.</summary>
    public IReadOnlyList<IHandlerInvoker> Invokers { get; }

    public static SagaMetadata Create(Type sagaType)
    {
        var prototype = (Saga)RuntimeHelpers.GetUninitializedObject(sagaType);
        var (property, mappings, finderMappings) = prototype.BuildMapping();
        var name = sagaType.Name;
        if (property is null)
        {
            throw new InvalidOperationException(
                $"Saga {name} does not name its correlation property. Call `mapper.MapSaga(d => d.<Property>)` in ConfigureHowToFindSaga.");
        }

        if (!CorrelationTypes.Contains(property.PropertyType))
        {
            throw new InvalidOperationException(
                $"Saga {name} is correlated on {property.Name} of type {property.PropertyType.Name}; a correlation property must be a Guid, string, int or long. Correlate on such a property instead.");
        }

        if (property.SetMethod is null || !property.SetMethod.IsPublic)
        {
            throw new InvalidOperationException($"Saga {name}: correlation property {property.Name} needs a public setter so the engine can set it when the saga starts.");
        }

        var handled = HandledMessageTypes(sagaType, typeof(IHandleMessages<>)).ToList();
        var starterTypes = HandledMessageTypes(sagaType, typeof(IAmStartedByMessages<>)).ToHashSet();
        if (starterTypes.Count == 0)
        {
            throw new InvalidOperationException(
                $"Saga {name} has no message that starts it. Implement IAmStartedByMessages<TMessage> for the message that creates an instance.");
        }

        foreach (var messageType in handled.Where(m => !mappings.Any(x => x.MessageType.IsAssignableFrom(m)) && !finderMappings.Any(f => f.MessageType.IsAssignableFrom(m))))
        {
            throw new InvalidOperationException(
                $"Saga {name} has no mapping for message {messageType.Name}. Add `.ToMessage<{messageType.Name}>(m => m.{property.Name})` in ConfigureHowToFindSaga.");
        }

        foreach (var mapping in mappings.Where(x => !handled.Any(m => x.MessageType.IsAssignableFrom(m))))
        {
            throw new InvalidOperationException(
                $"Saga {name} maps message {mapping.MessageType.Name} but does not handle it. Implement IHandleMessages<{mapping.MessageType.Name}> or remove the mapping.");
        }

        var finders = SagaFinder.Validate(name, property.Name, finderMappings, handled, starterTypes, mappings);
        return new SagaMetadata(sagaType, prototype.DataType, property, mappings, starterTypes, finders);
    }

    /// <summary>True when the saga handles <paramref name="messageType"/> (or a base type of it) as a message, not as a timeout.</summary>
    public bool Handles(Type messageType) => Invokers.Any(i => !i.IsTimeout && i.MessageType.IsAssignableFrom(messageType));

    /// <summary>The handler methods of the saga that a message (or timeout) of <paramref name="messageType"/> calls, in declaration order.</summary>
    public IReadOnlyList<IHandlerInvoker> InvokersFor(Type messageType, bool isTimeout) =>
        [.. Invokers.Where(i => i.IsTimeout == isTimeout && i.MessageType.IsAssignableFrom(messageType))];

    /// <summary>The custom finder for <paramref name="messageType"/>, or null when the correlation property finds its instance.</summary>
    public SagaFinder? FinderFor(Type messageType) =>
        finders.FirstOrDefault(f => f.MessageType == messageType) ?? finders.FirstOrDefault(f => f.MessageType.IsAssignableFrom(messageType));

    public bool IsStartedBy(Type messageType) => starters.Any(s => s.IsAssignableFrom(messageType));

    /// <summary>Reads the correlation value of <paramref name="message"/>, converted to the correlation property's type.</summary>
    public object ReadCorrelationValue(object message)
    {
        var mapping = mappings.FirstOrDefault(m => m.MessageType.IsAssignableFrom(message.GetType()))
            ?? throw new InvalidOperationException($"Saga {SagaType.Name} has no mapping for message {message.GetType().Name}.");
        var value = mapping.ReadCorrelationValue(message);
        if (value is null || (value is string s && s.Length == 0) || (value is Guid g && g == Guid.Empty))
        {
            throw new MessageContractException(
                $"Message {message.GetType().Name} has no value for the correlation of saga {SagaType.Name} ({CorrelationProperty.Name}); it cannot find or start an instance. Set the property on the message.");
        }

        if (value.GetType() != CorrelationProperty.PropertyType)
        {
            throw new InvalidOperationException(
                $"Saga {SagaType.Name}: message {message.GetType().Name} maps a {value.GetType().Name} to {CorrelationProperty.Name}, which is a {CorrelationProperty.PropertyType.Name}. Map a property of the same type.");
        }

        return value;
    }

    private static IEnumerable<Type> HandledMessageTypes(Type sagaType, Type handlerDefinition) =>
        sagaType.GetInterfaces()
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == handlerDefinition)
            .Select(i => i.GetGenericArguments()[0]);
}
