namespace OrderEats.Engine;

/// <summary>What a handler can see and do while it handles one message. Outgoing messages are sent only after the handler and its storage committed.</summary>
public interface IMessageHandlerContext
{
    /// <summary>The id of the message being handled.</summary>
    string MessageId { get; }

    /// <summary>The headers of the message being handled.</summary>
    IReadOnlyDictionary<string, string> MessageHeaders { get; }

    /// <summary>The address replies go to, if the sender gave one.</summary>
    string? ReplyToAddress { get; }

    /// <summary>Signalled when the endpoint is shutting down and in-flight work should stop.</summary>
    CancellationToken CancellationToken { get; }

    /// <summary>The storage session that the engine commits together with saga state and the outbox; use it for business data.</summary>
    IStorageSession Storage { get; }

    /// <summary>Sends a command to the endpoint that routing names for its type, or to <see cref="SendOptions.Destination"/>.</summary>
    Task Send(object message, SendOptions? options = null);

    /// <summary>Sends a message to this endpoint's own queue.</summary>
    Task SendLocal(object message, SendOptions? options = null);

    /// <summary>Publishes an event to every subscriber of its type or one of its base types.</summary>
    Task Publish(object message, PublishOptions? options = null);

    /// <summary>Replies to the sender of the message being handled (or to <see cref="ReplyOptions.Destination"/>); the reply is correlated back to a saga that sent it.</summary>
    Task Reply(object message, ReplyOptions? options = null);

    /// <summary>
    /// Sends a copy of the message being handled, with its body and all its headers unchanged, to <paramref name="destination"/>. Like every
    /// outgoing message it leaves only when the unit of work commits.
    /// </summary>
    Task ForwardCurrentMessageTo(string destination);

    /// <summary>Stops the handlers after the current one from being called for this message; what the handlers so far did still commits.</summary>
    void DoNotContinueDispatchingCurrentMessageToHandlers();
}
