namespace OrderEats.Engine;

/// <summary>Called when a message for a saga arrives and no instance matches it (and the message does not start the saga).</summary>
public interface IHandleSagaNotFound
{
    /// <summary>Handles the message that found no saga.</summary>
    Task Handle(object message, IMessageHandlerContext context);
}
