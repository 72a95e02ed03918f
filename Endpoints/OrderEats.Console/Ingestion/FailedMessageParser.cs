using System.Globalization;
using OrderEats.Engine;
using OrderEats.Engine.Transport;

namespace OrderEats.Console.Ingestion;

/// <summary>Reads the failure headers the engine writes (FailureHeaders) from a message in the error queue; tolerates messages that lack them.</summary>
internal static class FailedMessageParser
{
    public const string Unknown = "(unknown)";

    /// <summary>Set on an edited copy: the message id of the failed message it was edited from.</summary>
    public const string EditOfHeader = Headers.Prefix + "Console.EditOf";

    public static ParsedFailure Parse(IncomingMessage message, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(message);
        var headers = message.Headers;
        string Get(string key, string fallback) => headers.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value : fallback;

        var failedQueue = Get(Headers.FailedQueue, string.Empty);
        var types = Get(Headers.EnclosedMessageTypes, Unknown);
        var exceptionType = Get(Headers.ExceptionType, message.TransportError is null ? Unknown : "TransportError");
        var (body, encoding) = StoredBody.Encode(message.Body.Span);
        var attempts = int.TryParse(Get(Headers.ProcessingAttempts, string.Empty), NumberStyles.None, CultureInfo.InvariantCulture, out var counted) && counted > 0 ? counted : 1;
        var time = DateTimeOffset.TryParse(Get(Headers.TimeOfFailure, string.Empty), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed.ToUniversalTime()
            : receivedAt;
        return new ParsedFailure(
            message.MessageId,
            types.Split(';')[0].Trim(),
            Get(Headers.ProcessingEndpoint, failedQueue.Length > 0 ? failedQueue : Unknown),
            Get(Headers.ProcessingMachine, Unknown),
            failedQueue,
            exceptionType,
            Get(Headers.ExceptionMessage, message.TransportError ?? string.Empty),
            Get(Headers.ExceptionStackTrace, string.Empty),
            time,
            new Dictionary<string, string>(headers, StringComparer.Ordinal),
            body,
            headers.TryGetValue(EditOfHeader, out var editOf) && editOf.Length > 0 ? editOf : null,
            encoding,
            message.Body.Length,
            attempts);
    }
}
