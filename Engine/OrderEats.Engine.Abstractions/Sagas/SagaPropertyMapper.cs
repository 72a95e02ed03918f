using System.Linq.Expressions;
using System.Reflection;

namespace OrderEats.Engine;

/// <summary>Collects a saga's correlation: one property of the saga data, and for each message how to read the matching value.</summary>
public sealed class SagaPropertyMapper<TData>
    where TData : class, IContainSagaData
{
    private readonly List<SagaMessageMapping> messages = [];
    private readonly List<SagaFinderMapping> finders = [];

    internal PropertyInfo? CorrelationProperty { get; private set; }

    internal IReadOnlyList<SagaMessageMapping> Messages => messages;

    internal IReadOnlyList<SagaFinderMapping> Finders => finders;

    /// <summary>Names the saga data property that correlates messages to an instance (Guid, string, int or long).</summary>
    public CorrelatedSagaPropertyMapper<TData> MapSaga(Expression<Func<TData, object?>> sagaProperty)
    {
        ArgumentNullException.ThrowIfNull(sagaProperty);
        var body = sagaProperty.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : sagaProperty.Body;
        if (body is not MemberExpression { Member: PropertyInfo property })
        {
            throw new ArgumentException(
                $"Saga data {typeof(TData).Name}: MapSaga needs a property access such as d => d.OrderId, not '{sagaProperty}'.",
                nameof(sagaProperty));
        }

        if (CorrelationProperty is not null && CorrelationProperty.Name != property.Name)
        {
            throw new InvalidOperationException(
                $"Saga data {typeof(TData).Name} is correlated on {CorrelationProperty.Name} already; a saga has one correlation property, so map every message to {CorrelationProperty.Name} instead of {property.Name}.");
        }

        CorrelationProperty = property;
        return new CorrelatedSagaPropertyMapper<TData>(this);
    }

    /// <summary>
    /// Finds the instance for <typeparamref name="TMessage"/> with the custom finder <typeparamref name="TFinder"/> instead of the correlation
    /// property, for lookups that are not one property of the message. The finder is created per message (constructor dependencies come from the
    /// endpoint's services) and runs in the message's unit of work.
    /// </summary>
    public void ConfigureFinderMapping<TMessage, TFinder>()
        where TFinder : class, ISagaFinder<TData, TMessage>
    {
        if (finders.Any(f => f.MessageType == typeof(TMessage)))
        {
            throw new InvalidOperationException(
                $"Saga data {typeof(TData).Name}: message {typeof(TMessage).Name} has a finder already; a message is found by one finder. Remove one of the ConfigureFinderMapping<{typeof(TMessage).Name}, ...>() calls.");
        }

        finders.Add(new SagaFinderMapping(typeof(TMessage), typeof(TFinder), typeof(TData)));
    }

    internal void Add(SagaMessageMapping mapping) => messages.Add(mapping);
}
