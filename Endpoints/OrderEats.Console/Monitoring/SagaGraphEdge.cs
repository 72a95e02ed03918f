namespace OrderEats.Console.Monitoring;

/// <summary>One transition of a saga graph.</summary>
public sealed record SagaGraphEdge(string From, string Message, string To, bool IsTimeout);
