namespace OrderEats.Engine.Testing;

/// <summary>A reply a handler sent to the sender of the message it handled.</summary>
/// <param name="Message">The reply.</param>
/// <param name="Options">The options it was sent with.</param>
public sealed record RepliedMessage(object Message, ReplyOptions Options);
