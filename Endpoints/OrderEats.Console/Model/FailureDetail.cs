namespace OrderEats.Console.Model;

/// <summary>A failed message with its latest headers and body, every attempt, and how it relates to edited copies.</summary>
public sealed record FailureDetail(
    FailureSummary Summary,
    string FailedQueue,
    string Host,
    string StackTrace,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    string? RetryId,
    string? EditedFrom,
    string? EditMessageId,
    string EndpointGroupId,
    string MessageTypeGroupId,
    IReadOnlyList<FailureAttempt> AttemptHistory);
