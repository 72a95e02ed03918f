namespace OrderEats.Engine.ConsoleReporting;

/// <summary>
/// A saga's static graph, derived from its declarations: the messages that start it, handle it and its timeouts, plus the states and
/// transitions it declares with <see cref="SagaTransitionAttribute"/>. Sent to the console in heartbeats.
/// <see cref="StateNames"/> maps a state property's stored values to state names when the property is an enum (stored as a number).
/// </summary>
internal sealed record SagaGraph(
    string SagaType,
    string Name,
    string? StateProperty,
    IReadOnlyList<string> States,
    IReadOnlyList<string> FinalStates,
    IReadOnlyList<SagaGraphTransition> Transitions,
    IReadOnlyList<string> StartedBy,
    IReadOnlyList<string> Handles,
    IReadOnlyList<string> Timeouts,
    IReadOnlyDictionary<string, string>? StateNames = null);
