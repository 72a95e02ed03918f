using System.Globalization;
using OrderEats.Engine.Transport;
using RabbitMQ.Client;

namespace OrderEats.Engine.RabbitMQ;

/// <summary>Engine message → AMQP: the well-known headers also fill the AMQP properties, every header travels as a string (longstr).</summary>
internal static class OutgoingMapper
{
    public const string JsonContentType = "application/json";

    public static BasicProperties ToProperties(OutgoingMessage message, TimeProvider time, IReadOnlyDictionary<string, string>? extraHeaders = null)
    {
        var headers = new Dictionary<string, object?>(message.Headers.Count + 3, StringComparer.Ordinal);
        foreach (var (name, value) in message.Headers)
        {
            headers[name] = value;
        }

        headers[Headers.MessageId] = message.MessageId;
        if (extraHeaders is not null)
        {
            foreach (var (name, value) in extraHeaders)
            {
                headers[name] = value;
            }
        }

        var properties = new BasicProperties
        {
            MessageId = message.MessageId,
            ContentType = message.Headers.TryGetValue(Headers.ContentType, out var contentType) ? contentType : JsonContentType,
            DeliveryMode = DeliveryModes.Persistent,
            Timestamp = new AmqpTimestamp(TimeSent(message, time).ToUnixTimeSeconds()),
            Headers = headers,
        };

        if (message.Headers.TryGetValue(Headers.CorrelationId, out var correlationId))
        {
            properties.CorrelationId = correlationId;
        }

        if (message.Headers.TryGetValue(Headers.ReplyToAddress, out var replyTo))
        {
            properties.ReplyTo = replyTo;
        }

        if (message.Headers.TryGetValue(Headers.EnclosedMessageTypes, out var enclosed))
        {
            var first = enclosed.Split(';', 2, StringSplitOptions.TrimEntries)[0];
            if (first.Length > 0)
            {
                properties.Type = first;
            }
        }

        return properties;
    }

    private static DateTimeOffset TimeSent(OutgoingMessage message, TimeProvider time) =>
        message.Headers.TryGetValue(Headers.TimeSent, out var sent) &&
        DateTimeOffset.TryParse(sent, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed
            : time.GetUtcNow();
}
