namespace OrderEats.Engine;

/// <summary>Handles messages of type <typeparamref name="T"/>.</summary>
/// <typeparam name="T">The message type (a record implementing <see cref="IMessage"/>).</typeparam>
public interface IHandleMessages<in T>
{
    /// <summary>Handles one message. Throwing hands the message to recoverability (retries, then the error queue).</summary>
    Task Handle(T message, IMessageHandlerContext context);
}
