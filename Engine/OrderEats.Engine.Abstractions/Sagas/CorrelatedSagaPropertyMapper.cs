namespace OrderEats.Engine;

/// <summary>Maps messages to the saga's correlation property.</summary>
public sealed class CorrelatedSagaPropertyMapper<TData>
    where TData : class, IContainSagaData
{
    private readonly SagaPropertyMapper<TData> parent;

    internal CorrelatedSagaPropertyMapper(SagaPropertyMapper<TData> parent) => this.parent = parent;

    /// <summary>Reads the correlation value from messages of type <typeparamref name="TMessage"/>.</summary>
    public CorrelatedSagaPropertyMapper<TData> ToMessage<TMessage>(Func<TMessage, object?> messageProperty)
    {
        ArgumentNullException.ThrowIfNull(messageProperty);
        parent.Add(new SagaMessageMapping(typeof(TMessage), message => messageProperty((TMessage)message)));
        return this;
    }
}
