namespace OrderEats.Engine;

/// <summary>What a custom saga finder can use: the message's unit of work and headers, and lookups of stored instances.</summary>
/// <typeparam name="TData">The saga data type.</typeparam>
public interface ISagaFinderContext<TData>
    where TData : class, IContainSagaData
{
    /// <summary>The message's unit of work: the same connection and transaction the saga state and the outbox commit in.</summary>
    IStorageSession Storage { get; }

    /// <summary>The headers of the message being handled.</summary>
    IReadOnlyDictionary<string, string> MessageHeaders { get; }

    /// <summary>The stored instance with id <paramref name="sagaId"/>, or null.</summary>
    Task<TData?> GetById(Guid sagaId, CancellationToken cancellationToken = default);

    /// <summary>The stored instance whose correlation property has <paramref name="correlationValue"/>, or null.</summary>
    Task<TData?> GetByCorrelationValue(object correlationValue, CancellationToken cancellationToken = default);
}
