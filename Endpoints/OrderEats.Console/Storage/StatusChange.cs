using OrderEats.Console.Model;

namespace OrderEats.Console.Storage;

/// <summary>The outcome of a status change on one failure: not found, refused because of its current status, or done.</summary>
internal sealed record StatusChange(bool Found, FailureStatus? Current, bool Changed, string? RetryId = null, string? NewMessageId = null);
