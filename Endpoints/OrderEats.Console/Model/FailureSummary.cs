namespace OrderEats.Console.Model;

/// <summary>One failed message as listed.</summary>
public sealed record FailureSummary(
    string Id,
    string MessageId,
    string MessageType,
    string Endpoint,
    string ExceptionType,
    string ExceptionMessage,
    FailureStatus Status,
    int Attempts,
    DateTimeOffset FirstFailed,
    DateTimeOffset LastFailed,
    string ExceptionGroupId);
