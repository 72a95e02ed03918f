namespace OrderEats.Console.Monitoring;

/// <summary>A message in a saga audit record (the wire format of docs/console-api.md).</summary>
public sealed record AuditMessage(
    string MessageId,
    string MessageType,
    string Intent,
    string? Destination,
    DateTimeOffset? TimeSent,
    DateTimeOffset? DeliverAt,
    string? TimeoutId,
    IReadOnlyDictionary<string, string> Headers,
    string Body);
