namespace OrderEats.Console.Monitoring;

/// <summary>One transition of a saga graph.</summary>
internal sealed record SagaGraphEdge(string From, string Message, string To, bool IsTimeout);
