using OrderEats.Console.Model;

namespace OrderEats.Console.Ingestion;

/// <summary>What the console reads from one message in the error queue.</summary>
/// <param name="Body">The body as text: UTF-8 as it came, or base64 when it is not valid UTF-8 (<paramref name="BodyEncoding"/> says which).</param>
/// <param name="BodyEncoding"><see cref="StoredBody.Utf8"/> or <see cref="StoredBody.Base64"/>.</param>
/// <param name="BodySize">The body's length in bytes.</param>
/// <param name="ProcessingAttempts">How many times the endpoint tried to process it before giving up (immediate and delayed retries included).</param>
internal sealed record ParsedFailure(
    string MessageId,
    string MessageType,
    string Endpoint,
    string Host,
    string FailedQueue,
    string ExceptionType,
    string ExceptionMessage,
    string StackTrace,
    DateTimeOffset TimeOfFailure,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    string? EditOf,
    string BodyEncoding = StoredBody.Utf8,
    long BodySize = 0,
    int ProcessingAttempts = 1)
{
    public string GroupId(GroupingKind kind) => GroupKeys.Id(kind, kind == GroupingKind.Exception ? GroupKeys.ExceptionKey(ExceptionType, ExceptionMessage, StackTrace) : GroupTitle(kind));

    public string GroupTitle(GroupingKind kind) => kind switch
    {
        GroupingKind.Endpoint => Endpoint,
        GroupingKind.MessageType => MessageType,
        _ => GroupKeys.ExceptionTitle(ExceptionType, ExceptionMessage, StackTrace),
    };
}
