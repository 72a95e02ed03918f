namespace OrderEats.Engine;

/// <summary>
/// Finds the saga instance a <typeparamref name="TMessage"/> belongs to when one correlation property of the message is not enough. Register it in
/// ConfigureHowToFindSaga with <c>mapper.ConfigureFinderMapping&lt;TMessage, TFinder&gt;()</c>.
/// </summary>
/// <typeparam name="TData">The saga data type.</typeparam>
/// <typeparam name="TMessage">The message type it finds the instance for.</typeparam>
public interface ISagaFinder<TData, in TMessage>
    where TData : class, IContainSagaData
{
    /// <summary>
    /// Returns the saga data the message belongs to, or null when there is none. Query through <see cref="ISagaFinderContext{TData}.Storage"/> (the
    /// unit of work's connection and transaction) and load the instance with <see cref="ISagaFinderContext{TData}.GetById"/> or
    /// <see cref="ISagaFinderContext{TData}.GetByCorrelationValue"/>; the engine then loads it again by its id with the row lock.
    /// </summary>
    Task<TData?> FindBy(TMessage message, ISagaFinderContext<TData> context, CancellationToken cancellationToken = default);
}
