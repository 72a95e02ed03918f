using System.Linq.Expressions;
using System.Reflection;

namespace OrderEats.Engine;

/// <summary>Collects a saga's correlation: one property of the saga data, and for each message how to read the matching value.</summary>
public sealed class SagaPropertyMapper<TData>
    where TData : class, IContainSagaData
{
    private readonly List<SagaMessageMapping> messages = [];

    internal PropertyInfo? CorrelationProperty { get; private set; }

    internal IReadOnlyList<SagaMessageMapping> Messages => messages;

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

    internal void Add(SagaMessageMapping mapping) => messages.Add(mapping);
}
