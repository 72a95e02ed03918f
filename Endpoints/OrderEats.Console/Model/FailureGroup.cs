namespace OrderEats.Console.Model;

/// <summary>A group of failures sharing a cause, endpoint or message type.</summary>
public sealed record FailureGroup(
    string Id,
    GroupingKind Kind,
    string Title,
    int Total,
    int Unresolved,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen);
