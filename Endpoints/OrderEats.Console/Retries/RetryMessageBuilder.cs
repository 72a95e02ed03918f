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
    ];

    public static OutgoingMessage Build(PendingRetry retry, string reportTo)
    {
        ArgumentNullException.ThrowIfNull(retry);
        var headers = Storage.HeaderJson.Read(retry.Headers);
        foreach (var key in headers.Keys.Where(k => Removed.Contains(k) || k.StartsWith(Headers.ExceptionInfoPrefix, StringComparison.Ordinal)).ToList())
        {
            headers.Remove(key);
        }

        var messageId = retry.MessageId;
        var body = retry.Body;
        if (retry.EditMessageId is { } editId)
        {
            messageId = editId;
            body = retry.EditBody ?? body;
            headers[Ingestion.FailedMessageParser.EditOfHeader] = retry.MessageId;
        }

        headers[Headers.MessageId] = messageId;
        headers[Headers.RetryId] = retry.RetryId;
        headers[Headers.RetryReportTo] = reportTo;
        var bytes = body.StartsWith("base64:", StringComparison.Ordinal) ? Convert.FromBase64String(body["base64:".Length..]) : Encoding.UTF8.GetBytes(body);
        return new OutgoingMessage(messageId, headers, bytes);
    }
}
