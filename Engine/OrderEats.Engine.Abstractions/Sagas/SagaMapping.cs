namespace OrderEats.Engine;

/// <summary>How one message type finds its saga instance: a function reading the correlation value from the message.</summary>
/// <param name="MessageType">The mapped message type.</param>
/// <param name="ReadCorrelationValue">Reads the correlation value from a message of <paramref name="MessageType"/>.</param>
public sealed record SagaMessageMapping(Type MessageType, Func<object, object?> ReadCorrelationValue);
