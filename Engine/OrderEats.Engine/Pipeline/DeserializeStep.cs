using OrderEats.Engine.Recoverability;
using OrderEats.Engine.Serialization;

namespace OrderEats.Engine.Pipeline;

/// <summary>Turns the body into the message type named by the enclosed-message-types header; unknown types and bad bodies are unrecoverable.</summary>
internal sealed class DeserializeStep(MessageTypeRegistry registry, MessageSerializer serializer) : IIncomingStep
{
    public Task Invoke(IncomingContext context, Func<Task> next)
    {
        if (context.Headers.ContainsKey(Headers.ControlMessage))
        {
            // A control message (e.g. the console's cancel-timeout request) has a body of its own; the add-on step that consumes it reads it.
            return next();
        }

        MessageLimits.Check(context.MessageId, context.Headers.GetValueOrDefault(Headers.ContentType), context.Message.Body.Length);
        var enclosed = context.Headers.GetValueOrDefault(Headers.EnclosedMessageTypes);
        var type = registry.Resolve(enclosed)
            ?? throw new MessageDeserializationException(
                string.IsNullOrWhiteSpace(enclosed)
                    ? $"Message {context.MessageId} has no {Headers.EnclosedMessageTypes} header, so its type is unknown. Senders must set it (or the AMQP 'type' property) to the message's contract name."
                    : $"Message {context.MessageId} is of unknown type '{enclosed}'. Register the type on this endpoint (a handler for it, or AddMessageTypesFromAssembly) or stop routing it here.");
        context.Body = serializer.Deserialize(context.Message.Body, type);
        return next();
    }
}
