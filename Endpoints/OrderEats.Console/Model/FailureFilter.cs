namespace OrderEats.Console.Model;

/// <summary>What the failed-message list shows: a time window on the last failure, endpoint, message type, status, full text, group, and a page.</summary>
public sealed record FailureFilter
{
    /// <summary>Last failure at or after this time.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Last failure before this time.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>The processing endpoint.</summary>
    public string? Endpoint { get; init; }

    /// <summary>The message type (full contract name).</summary>
    public string? MessageType { get; init; }

    /// <summary>The status.</summary>
    public FailureStatus? Status { get; init; }

    /// <summary>Text searched (case-insensitively) in ids, types, endpoint, exception, stack trace and body.</summary>
    public string? Text { get; init; }

    /// <summary>Only failures of this group (any grouping kind).</summary>
    public string? GroupId { get; init; }

    /// <summary>The page, from 1.</summary>
    public int Page { get; init; } = 1;

    /// <summary>Failures per page.</summary>
    public int PageSize { get; init; } = 50;
}
