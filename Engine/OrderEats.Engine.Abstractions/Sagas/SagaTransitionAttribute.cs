namespace OrderEats.Engine;

/// <summary>
/// Declares one transition of a saga's state machine, for the console's saga graph: in state <see cref="From"/>, <see cref="Message"/> moves the
/// saga to <see cref="To"/>. The engine checks at startup that the saga handles every message named, so the drawing follows the code.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class SagaTransitionAttribute : Attribute
{
    /// <summary>The pseudo-state before the saga exists; use it as <c>from</c> for the messages that start the saga.</summary>
    public const string Start = "(start)";

    /// <summary>Declares that <paramref name="message"/> moves the saga from state <paramref name="from"/> to state <paramref name="to"/>.</summary>
    public SagaTransitionAttribute(string from, Type message, string to)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(from);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrWhiteSpace(to);
        From = from;
        Message = message;
        To = to;
    }

    /// <summary>The state the saga is in (or <see cref="Start"/>).</summary>
    public string From { get; }

    /// <summary>The message or timeout type that causes the transition.</summary>
    public Type Message { get; }

    /// <summary>The state the saga is in afterwards.</summary>
    public string To { get; }
}
