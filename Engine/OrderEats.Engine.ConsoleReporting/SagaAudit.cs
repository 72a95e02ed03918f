using System.Globalization;
using System.Text;
using OrderEats.Engine.Extensibility;
using OrderEats.Engine.Persistence;
using OrderEats.Engine.Transport;

namespace OrderEats.Engine.ConsoleReporting;

/// <summary>Builds the audit record of one saga invocation from what the saga invoker already has in hand.</summary>
internal static class SagaAudit
{
    private const int MaxBody = 8 * 1024;

    public static SagaAuditEntry Entry(IncomingMessage message, SagaChange change, string endpoint)
    {
        var before = change.Loaded.PendingTimeouts;
        var isTimeout = message.Headers.TryGetValue(Headers.IsSagaTimeout, out var value) && bool.TryParse(value, out var timeout) && timeout;
        var fired = isTimeout ? message.Headers.GetValueOrDefault(Headers.TimeoutId) : null;
        var afterIds = change.PendingAfter.Select(t => t.TimeoutId).ToHashSet();
        var beforeIds = before.Select(t => t.TimeoutId).ToHashSet();
        var incoming = Incoming(message);
        if (message.Headers.GetValueOrDefault(Headers.ControlMessage) is { } control)
        {
            incoming = incoming with { MessageType = control };
        }

        return new SagaAuditEntry(
            change.SagaType,
            change.Loaded.Id,
            Convert.ToString(change.Loaded.CorrelationValue, CultureInfo.InvariantCulture) ?? string.Empty,
            endpoint,
            change.At,
            incoming,
            change.IsNew,
            change.Completed,
            change.StateBefore,
            change.StateAfter,
            change.Outgoing.Select(Outgoing).ToList(),
            change.PendingAfter.Where(t => !beforeIds.Contains(t.TimeoutId)).ToList(),
            before.Where(t => !afterIds.Contains(t.TimeoutId) && t.TimeoutId.ToString() != fired).ToList(),
            change.Completed ? [] : change.PendingAfter,
            fired,
            change.Note);
    }

    public static AuditedMessage Incoming(IncomingMessage message) => new(
        message.MessageId,
        message.Headers.GetValueOrDefault(Headers.EnclosedMessageTypes, "(unknown)").Split(';')[0],
        message.Headers.GetValueOrDefault(Headers.MessageIntent, "Send"),
        null,
        Time(message.Headers.GetValueOrDefault(Headers.TimeSent)),
        null,
        message.Headers.GetValueOrDefault(Headers.TimeoutId),
        Subset(message.Headers),
        Body(message.Body));

    private static AuditedMessage Outgoing(TransportOperation operation) => new(
        operation.Message.MessageId,
        operation.Message.Headers.GetValueOrDefault(Headers.EnclosedMessageTypes, "(unknown)").Split(';')[0],
        operation.Message.Headers.GetValueOrDefault(Headers.MessageIntent, operation.IsPublish ? "Publish" : "Send"),
        operation.Queue,
        Time(operation.Message.Headers.GetValueOrDefault(Headers.TimeSent)),
        operation.DeliverAt,
        operation.Message.Headers.TryGetValue(Headers.IsSagaTimeout, out var isTimeout) && isTimeout == bool.TrueString
            ? operation.Message.Headers.GetValueOrDefault(Headers.TimeoutId) : null,
        Subset(operation.Message.Headers),
        Body(operation.Message.Body));

    // The engine's own headers tell the story; exception details live in the error queue and trace context in the tracing backend.
    private static Dictionary<string, string> Subset(IReadOnlyDictionary<string, string> headers) => headers
        .Where(h => h.Key.StartsWith(Headers.Prefix, StringComparison.Ordinal) && !h.Key.StartsWith(Headers.ExceptionInfoPrefix, StringComparison.Ordinal))
        .ToDictionary(h => h.Key, h => h.Value, StringComparer.Ordinal);

    private static string Body(ReadOnlyMemory<byte> body) =>
        body.Length <= MaxBody ? Encoding.UTF8.GetString(body.Span) : Encoding.UTF8.GetString(body.Span[..MaxBody]) + "…";

    private static DateTimeOffset? Time(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed) ? parsed : null;
}
