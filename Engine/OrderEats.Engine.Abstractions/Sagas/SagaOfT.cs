namespace OrderEats.Engine;

/// <summary>A long-running process whose state <typeparamref name="TData"/> the engine loads, locks and saves around every message.</summary>
/// <typeparam name="TData">The saga's state.</typeparam>
public abstract class Saga<TData> : Saga
    where TData : class, IContainSagaData, new()
{
    /// <summary>The state of this saga instance.</summary>
    public TData Data { get; set; } = new();

    internal override IContainSagaData Entity
    {
        get => Data;
        set => Data = (TData)value;
    }

    internal override Type DataType => typeof(TData);

    /// <summary>Declares the correlation: <c>mapper.MapSaga(d => d.OrderId).ToMessage&lt;PlaceOrder&gt;(m => m.OrderId)</c>.</summary>
    protected abstract void ConfigureHowToFindSaga(SagaPropertyMapper<TData> mapper);

    internal override SagaDeclaration BuildMapping()
    {
        var mapper = new SagaPropertyMapper<TData>();
        ConfigureHowToFindSaga(mapper);
        return new SagaDeclaration(mapper.CorrelationProperty, mapper.Messages, mapper.Finders);
    }
}
