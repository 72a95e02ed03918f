namespace OrderEats.Engine;

/// <summary>A message type that a custom finder (an <see cref="ISagaFinder{TData, TMessage}"/>) finds the saga instance for.</summary>
internal sealed record SagaFinderMapping(Type MessageType, Type FinderType, Type DataType);
