namespace OrderEats.Engine.RabbitMQ;

/// <summary>Raised when the transport has been disconnected from the broker for longer than <see cref="RabbitMqOptions.CriticalErrorAfter"/>.</summary>
/// <param name="ConnectionName">The name of the connection that is down.</param>
/// <param name="DisconnectedSince">When the connection was lost.</param>
/// <param name="Message">What happened and what to check.</param>
/// <param name="LastException">The last connection failure seen, if any.</param>
public sealed record RabbitMqCriticalError(string ConnectionName, DateTimeOffset DisconnectedSince, string Message, Exception? LastException);
