namespace OrderEats.Engine.ConsoleReporting;

/// <summary>A message in a saga audit record: the one handled, or one the saga sent, published or requested as a timeout.</summary>
internal sealed record AuditedMessage(
    string MessageId,
    string MessageType,
    string Intent,
    string? Destination,
    DateTimeOffset? TimeSent,
    DateTimeOffset? DeliverAt,
    string? TimeoutId,
    IReadOnlyDictionary<string, string> Headers,
    string Body);
