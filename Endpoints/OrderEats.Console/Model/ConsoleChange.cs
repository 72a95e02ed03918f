namespace OrderEats.Console.Model;

/// <summary>Something the console just committed: ingested a failure, issued, dispatched or resolved a retry, archived, restored, sent an alert.</summary>
public sealed record ConsoleChange(string Kind, string? FailureId, string? MessageId, FailureStatus? Status, int Attempts = 0, string? Detail = null);
