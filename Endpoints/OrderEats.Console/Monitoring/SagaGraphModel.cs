namespace OrderEats.Console.Monitoring;

/// <summary>A saga's static graph as its endpoint derived it from the saga's declarations (sent in heartbeats).</summary>
public sealed record SagaGraphModel(
    string SagaType,
    string Name,
    string? StateProperty,
    IReadOnlyList<string> States,
    IReadOnlyList<string> FinalStates,
    IReadOnlyList<SagaGraphEdge> Transitions,
    IReadOnlyList<string> StartedBy,
    IReadOnlyList<string> Handles,
    IReadOnlyList<string> Timeouts,
    IReadOnlyDictionary<string, string>? StateNames = null)
{
    public const string Start = "(start)";
    public const string Running = "Running";
    public const string Completed = "Completed";
}
