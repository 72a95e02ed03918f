namespace OrderEats.Engine.Testing;

/// <summary>A message a handler sent (not a saga timeout; those are in <see cref="TestableMessageHandlerContext.TimeoutMessages"/>).</summary>
/// <param name="Message">The message.</param>
/// <param name="Options">The options it was sent with.</param>
/// <param name="IsLocal">True when sent with <c>SendLocal</c> to the handler's own endpoint.</param>
public sealed record SentMessage(object Message, SendOptions Options, bool IsLocal)
{
    /// <summary>The explicit destination, or null when routing chooses it.</summary>
    public string? Destination => Options.Destination;
}
