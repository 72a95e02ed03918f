using System.Diagnostics;
using System.Globalization;
using OrderEats.Engine.Serialization;
using OrderEats.Engine.Telemetry;
using OrderEats.Engine.Transport;

namespace OrderEats.Engine.Routing;

/// <summary>Builds wire messages: serializes the body, fills the standard headers and resolves the destination.</summary>
internal sealed class OutgoingMessageFactory(EndpointConfiguration configuration, MessageTypeRegistry registry, MessageSerializer serializer)
{
    /// <summary>True when this endpoint handles its own publishes of <paramref name="eventType"/> inline (<c>HandleInline</c>).</summary>
    public bool IsHandledInline(Type eventType) => configuration.InlineEventTypes.Contains(eventType);

    public TransportOperation Create(object message, MessageIntent intent, ExtendableOptions? options, IncomingMessage? incoming, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(message);
        var type = message.GetType();
        using var producer = EngineSpans.Producer(intent, type, configuration.EndpointName);
        registry.Register(type);
        var messageId = options?.MessageId ?? Guid.CreateVersion7().ToString();
        producer?.SetTag("messaging.message.id", messageId);
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        if (options is not null)
        {
            foreach (var (key, value) in options.Headers)
            {
                headers[key] = value;
            }
        }

        headers[Headers.MessageId] = messageId;
        headers[Headers.MessageIntent] = headers.TryGetValue(Headers.MessageIntent, out var explicitIntent) ? explicitIntent : intent.ToString();
        headers[Headers.EnclosedMessageTypes] = string.Join(';', registry.Hierarchy(type));
        headers[Headers.ContentType] = MessageSerializer.ContentType;
        headers[Versioning.MessageVersioning.VersionHeader] = configuration.Versioning.Header(type);
        headers[Headers.TimeSent] = time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        headers[Headers.OriginatingEndpoint] = configuration.EndpointName;
        headers[Headers.OriginatingHost] = configuration.HostName;
        if (!configuration.SendOnly)
        {
            headers.TryAdd(Headers.ReplyToAddress, configuration.EndpointName);
        }

        var replyDestination = (options as ReplyOptions)?.Destination;
        FlowConversation(headers, incoming, intent, messageId, toSender: replyDestination is null);
        if (Activity.Current is { } activity)
        {
            headers[Headers.TraceParent] = activity.Id!;
            if (activity.TraceStateString is { } state)
            {
                headers[Headers.TraceState] = state;
            }
        }

        var outgoing = new OutgoingMessage(messageId, headers, serializer.Serialize(message));
        return intent switch
        {
            MessageIntent.Publish => TransportOperation.Publish(outgoing, registry.Hierarchy(type)),
            MessageIntent.Reply => TransportOperation.Send(outgoing, replyDestination ?? ReplyDestination(incoming, type)),
            _ => Send(outgoing, type, options as SendOptions, time),
        };
    }

    private static void FlowConversation(Dictionary<string, string> headers, IncomingMessage? incoming, MessageIntent intent, string messageId, bool toSender)
    {
        var incomingHeaders = incoming?.Headers;
        headers.TryAdd(
            Headers.ConversationId,
            incomingHeaders is not null && incomingHeaders.TryGetValue(Headers.ConversationId, out var conversation) ? conversation : Guid.CreateVersion7().ToString());
        if (intent == MessageIntent.Reply && incoming is not null)
        {
            headers.TryAdd(Headers.CorrelationId, incoming.MessageId);
            // Only a reply to the sender goes back to the sender's saga; one to another destination (ReplyToOriginator) does not.
            if (toSender && incomingHeaders!.TryGetValue(Headers.OriginatingSagaId, out var sagaId) && incomingHeaders.TryGetValue(Headers.OriginatingSagaType, out var sagaType))
            {
                headers.TryAdd(Headers.SagaId, sagaId);
                headers.TryAdd(Headers.SagaType, sagaType);
            }
        }
        else
        {
            headers.TryAdd(
                Headers.CorrelationId,
                incomingHeaders is not null && incomingHeaders.TryGetValue(Headers.CorrelationId, out var correlation) ? correlation : messageId);
        }
    }

    private TransportOperation Send(OutgoingMessage outgoing, Type type, SendOptions? options, TimeProvider time)
    {
        var destination = options?.Destination ?? configuration.Routing.Find(type)
            ?? throw new InvalidOperationException(
                $"Endpoint {configuration.EndpointName} has no route for {type.FullName}. Add `configuration.Routing.RouteToEndpoint<{type.Name}>(\"<endpoint>\")` or pass SendOptions.Destination.");
        DateTimeOffset? deliverAt = options?.DeliverAt ?? (options?.DeliveryDelay is { } delay ? time.GetUtcNow() + delay : null);
        return TransportOperation.Send(outgoing, destination, deliverAt);
    }

    private static string ReplyDestination(IncomingMessage? incoming, Type type)
    {
        if (incoming is not null && incoming.Headers.TryGetValue(Headers.ReplyToAddress, out var replyTo) && !string.IsNullOrEmpty(replyTo))
        {
            return replyTo;
        }

        throw new InvalidOperationException(
            $"Cannot reply with {type.FullName}: message {incoming?.MessageId ?? "(none)"} has no {Headers.ReplyToAddress} header. Send the answer to an explicit destination instead.");
    }
}
