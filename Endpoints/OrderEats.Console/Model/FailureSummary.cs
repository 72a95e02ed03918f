namespace OrderEats.Console.Model;

/// <summary>One failed message as listed.</summary>
/// <param name="Attempts">Every time an endpoint processed the message and failed: immediate and delayed retries and operator retries included.</param>
/// <param name="RetryError">Why the last operator retry could not be sent (the failure went back to Unresolved), or null.</param>
/// <param name="BodySize">The body's size in bytes.</param>
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
    string ExceptionGroupId,
    string? RetryError = null,
    long BodySize = 0);
