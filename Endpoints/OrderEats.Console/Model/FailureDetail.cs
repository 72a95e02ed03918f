namespace OrderEats.Console.Model;

/// <summary>A failed message with its latest headers and body, every attempt, and how it relates to edited copies.</summary>
/// <param name="Body">The body as text when it is at most <see cref="InlineBodyLimit"/> bytes; else null (<paramref name="BodyTruncated"/>), download it from /api/failures/{id}/body.</param>
/// <param name="BodyPreview">The first characters of a body too large to inline, for the page; null otherwise.</param>
/// <param name="BodyEncoding">utf8, base64 (a body that is not valid UTF-8), or null for rows stored by an older console.</param>
public sealed record FailureDetail(
    FailureSummary Summary,
    string FailedQueue,
    string Host,
    string StackTrace,
    IReadOnlyDictionary<string, string> Headers,
    string? Body,
    string? RetryId,
    string? EditedFrom,
    string? EditMessageId,
    string EndpointGroupId,
    string MessageTypeGroupId,
    IReadOnlyList<FailureAttempt> AttemptHistory,
    long BodySize = 0,
    bool BodyTruncated = false,
    string? BodyPreview = null,
    string? BodyEncoding = null)
{
    /// <summary>Bodies up to this size are part of the detail; larger ones are downloaded.</summary>
    public const int InlineBodyLimit = 64 * 1024;

    /// <summary>How much of a larger body the page shows.</summary>
    public const int PreviewLength = 4 * 1024;
}
