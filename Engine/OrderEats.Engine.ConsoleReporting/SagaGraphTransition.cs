namespace OrderEats.Engine.ConsoleReporting;

/// <summary>One edge of a saga graph: in <paramref name="From"/>, <paramref name="Message"/> (a message or a timeout) leads to <paramref name="To"/>.</summary>
internal sealed record SagaGraphTransition(string From, string Message, string To, bool IsTimeout);
