namespace OrderEats.Console.Model;

/// <summary>One entry of the event log: a failure, retry, resolution, archive, restore or new group.</summary>
public sealed record ConsoleEvent(string Id, DateTimeOffset At, string Kind, string? FailureId, string? GroupId, string Text, string? User);
