namespace OrderEats.Engine;

/// <summary>
/// Names the saga data property that holds the saga's state (shown as the current position on the console's saga graph) and the states in
/// which the saga ends. Used together with <see cref="SagaTransitionAttribute"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class SagaStatesAttribute : Attribute
{
    /// <summary>Declares the state property <paramref name="stateProperty"/> of the saga data and the final states <paramref name="finalStates"/>.</summary>
    public SagaStatesAttribute(string stateProperty, params string[] finalStates)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stateProperty);
        ArgumentNullException.ThrowIfNull(finalStates);
        StateProperty = stateProperty;
        FinalStates = finalStates;
    }

    /// <summary>The saga data property holding the state (its value as text is the state's name).</summary>
    public string StateProperty { get; }

    /// <summary>The states in which the saga completes.</summary>
    public IReadOnlyList<string> FinalStates { get; }
}
