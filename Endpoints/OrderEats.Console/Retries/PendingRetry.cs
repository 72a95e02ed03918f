namespace OrderEats.Console.Retries;

/// <summary>A retry issued but not yet sent: what to send, where, and under which retry id.</summary>
internal sealed record PendingRetry(
    string FailureId, string MessageId, string Queue, string Headers, string Body, string RetryId, string? EditMessageId, string? EditBody, string? BodyEncoding = null);
