using System.Text;
using OrderEats.Engine;
using OrderEats.Engine.Transport;

namespace OrderEats.Console.Retries;

/// <summary>
/// Turns a pending retry into the message sent back to its queue: the failed message as it was (failure and retry-count headers
/// removed so the endpoint gives it a full set of retries), plus Retry.Id and Retry.ReportTo; an edited copy gets a new id and EditOf.
/// </summary>
internal static class RetryMessageBuilder
{
    private static readonly string[] Removed =
    [
        Headers.FailedQueue, Headers.TimeOfFailure, Headers.ProcessingEndpoint, Headers.ProcessingMachine, Headers.DelayedRetries,
        Headers.FirstFailure, Headers.DeliverAt, Headers.DelayedDestination, Headers.RetryId, Headers.RetryReportTo, Headers.RetriedMessageId,
        Headers.ProcessingAttempts,
    ];

    /// <summary>The message to send; throws <see cref="InvalidDataException"/> saying why when the stored message cannot be rebuilt.</summary>
    public static OutgoingMessage Build(PendingRetry retry, string reportTo)
    {
        ArgumentNullException.ThrowIfNull(retry);
        if (retry.Queue.Length == 0)
        {
            throw new InvalidDataException($"Message {retry.MessageId} has no FailedQ header, so the console does not know where to send it; archive it or send an edited copy from its own endpoint.");
        }

        Dictionary<string, string> headers;
        try
        {
            headers = Storage.HeaderJson.Read(retry.Headers);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new InvalidDataException($"The stored headers of message {retry.MessageId} are not a JSON object of strings ({e.Message}); archive the message.", e);
        }

        foreach (var key in headers.Keys.Where(k => Removed.Contains(k) || k.StartsWith(Headers.ExceptionInfoPrefix, StringComparison.Ordinal)).ToList())
        {
            headers.Remove(key);
        }

        var messageId = retry.MessageId;
        byte[] bytes;
        if (retry.EditMessageId is { } editId)
        {
            messageId = editId;
            bytes = retry.EditBody is { } edited ? Encoding.UTF8.GetBytes(edited) : Ingestion.StoredBody.Decode(retry.Body, retry.BodyEncoding);
            headers[Ingestion.FailedMessageParser.EditOfHeader] = retry.MessageId;
        }
        else
        {
            bytes = Ingestion.StoredBody.Decode(retry.Body, retry.BodyEncoding);
        }

        headers[Headers.MessageId] = messageId;
        headers[Headers.RetryId] = retry.RetryId;
        headers[Headers.RetryReportTo] = reportTo;
        return new OutgoingMessage(messageId, headers, bytes);
    }
}
