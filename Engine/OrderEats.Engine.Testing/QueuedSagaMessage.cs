namespace OrderEats.Engine.Testing;

/// <summary>A message waiting for <see cref="TestableSaga{TSaga, TData}.HandleQueuedMessage"/>: one the saga sent or published to itself, or a simulated reply.</summary>
/// <param name="Message">The message.</param>
/// <param name="Headers">The headers it arrives with (a simulated reply carries the saga id, as a real reply does).</param>
public sealed record QueuedSagaMessage(object Message, IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>The message's type.</summary>
    public Type Type => Message.GetType();
}
