using System.Collections;
using System.Globalization;
using System.Text;
using OrderEats.Engine.Transport;
using RabbitMQ.Client;

namespace OrderEats.Engine.RabbitMQ;

/// <summary>
/// AMQP → engine message. Header values become strings (longstr bytes as UTF-8, numbers, booleans and timestamps invariantly);
/// broker and client headers (<c>x-…</c>, e.g. x-death) are left out so they never travel on with a retried or forwarded copy.
/// A message without message_id, or with a header that is not a string or scalar, is still handed over with a generated id and
/// <see cref="IncomingMessage.TransportError"/> set, so the engine moves it to the error queue. A message a queue dead-lettered at its
/// delivery limit gets the failure headers from its <c>x-death</c> entry (<see cref="DeliveryLimitFailure"/>), so it reads like any other failure
/// (unless it carries failure headers already: one the engine moved to the error queue and the error queue then parked).
/// </summary>
internal static class IncomingMapper
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static IncomingMessage ToIncoming(IReadOnlyBasicProperties properties, ReadOnlyMemory<byte> body, TimeProvider time)
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        var errors = new List<string>();
        if (properties.Headers is { } table)
        {
            foreach (var (name, value) in table)
            {
                if (name.StartsWith("x-", StringComparison.Ordinal))
                {
                    continue;
                }

                if (TryConvert(value, out var text, out var problem))
                {
                    headers[name] = text;
                }
                else
                {
                    errors.Add($"header '{name}' {problem}");
                }
            }
        }

        // A message the engine had already moved to the error queue keeps its own failure headers when the error queue parks it.
        if (!headers.ContainsKey(Headers.FailedQueue) && BrokerHeaders.LastDeath(properties.Headers) is { Reason: BrokerHeaders.DeliveryLimitReason } death)
        {
            DeliveryLimitFailure.Add(headers, death, time);
        }

        AddFromProperty(headers, Headers.CorrelationId, properties.CorrelationId);
        AddFromProperty(headers, Headers.ReplyToAddress, properties.ReplyTo);
        AddFromProperty(headers, Headers.EnclosedMessageTypes, properties.Type);
        AddFromProperty(headers, Headers.ContentType, properties.ContentType);
        if (properties.IsTimestampPresent() && properties.Timestamp.UnixTime > 0)
        {
            AddFromProperty(headers, Headers.TimeSent, DateTimeOffset.FromUnixTimeSeconds(properties.Timestamp.UnixTime).ToString("O", CultureInfo.InvariantCulture));
        }

        var messageId = properties.MessageId;
        if (string.IsNullOrEmpty(messageId))
        {
            errors.Insert(0, "the AMQP property message_id is missing (every OrderEats message needs one; see docs/wire-format.md)");
            messageId = Guid.NewGuid().ToString();
            headers[Headers.MessageId] = messageId;
        }
        else
        {
            headers.TryAdd(Headers.MessageId, messageId);
        }

        var error = errors.Count == 0 ? null : $"RabbitMQ message could not be read: {string.Join("; ", errors)}.";
        return new IncomingMessage(messageId, headers, body.ToArray(), error);
    }

    private static void AddFromProperty(Dictionary<string, string> headers, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            headers.TryAdd(name, value);
        }
    }

    private static bool TryConvert(object? value, out string text, out string problem)
    {
        problem = "";
        switch (value)
        {
            case null:
                text = "";
                return true;
            case byte[] bytes:
                try
                {
                    text = StrictUtf8.GetString(bytes);
                    return true;
                }
                catch (DecoderFallbackException)
                {
                    text = "";
                    problem = "is not valid UTF-8";
                    return false;
                }

            case string s:
                text = s;
                return true;
            case bool b:
                text = b ? "True" : "False";
                return true;
            case AmqpTimestamp timestamp:
                text = DateTimeOffset.FromUnixTimeSeconds(timestamp.UnixTime).ToString("O", CultureInfo.InvariantCulture);
                return true;
            case IConvertible convertible when value is not IEnumerable:
                text = convertible.ToString(CultureInfo.InvariantCulture);
                return true;
            default:
                text = "";
                problem = $"has a {value.GetType().Name} value (a table, array or binary); OrderEats headers are strings";
                return false;
        }
    }
}
