using OrderEats.Console.Model;

namespace OrderEats.Console.Ingestion;

/// <summary>What the console reads from one message in the error queue.</summary>
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
    string? EditOf)
{
    public string GroupId(GroupingKind kind) => GroupKeys.Id(kind, GroupTitle(kind));

    public string GroupTitle(GroupingKind kind) => kind switch
    {
        GroupingKind.Endpoint => Endpoint,
        GroupingKind.MessageType => MessageType,
        _ => GroupKeys.ExceptionTitle(ExceptionType, StackTrace),
    };
}
