namespace OrderEats.Engine.Persistence;

/// <summary>How a message finds its saga instance: by the saga id its headers carry (replies, timeouts), else by its correlation value.</summary>
/// <param name="Saga">The saga's storage.</param>
/// <param name="SagaId">The instance id when the message names it; then <paramref name="CorrelationValue"/> is null.</param>
/// <param name="CorrelationValue">The correlation value read from the message when it names no id.</param>
public sealed record SagaLookup(SagaStorageDefinition Saga, Guid? SagaId, object? CorrelationValue);
