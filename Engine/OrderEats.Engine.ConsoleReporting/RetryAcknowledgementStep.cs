using System.Globalization;
using OrderEats.Engine.Extensibility;
using OrderEats.Engine.Transport;

namespace OrderEats.Engine.ConsoleReporting;

/// <summary>
/// When a message an operator retried from the console succeeds, tells the console (the queue in <see cref="Headers.RetryReportTo"/>),
/// so the failure is marked resolved only once the endpoint really processed it.
/// </summary>
internal sealed class RetryAcknowledgementStep(ITransport transport, string endpointName, string hostName, TimeProvider time) : IIncomingMessageStep
{
    public const string RetrySucceeded = "RetrySucceeded";

    public async Task Invoke(IIncomingMessageContext context, Func<Task> next)
    {
        await next();
        if (!context.Message.Headers.TryGetValue(Headers.RetryId, out var retryId) ||
            !context.Message.Headers.TryGetValue(Headers.RetryReportTo, out var reportTo) || string.IsNullOrEmpty(reportTo))
        {
            return;
        }

        var id = Guid.CreateVersion7().ToString();
        var headers = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Headers.MessageId] = id,
            [Headers.ControlMessage] = RetrySucceeded,
            [Headers.RetryId] = retryId,
            [Headers.RetriedMessageId] = context.Message.MessageId,
            [Headers.ProcessingEndpoint] = endpointName,
            [Headers.ProcessingMachine] = hostName,
            [Headers.TimeSent] = time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
        };
        await transport.Dispatch([TransportOperation.Send(new OutgoingMessage(id, headers, "{}"u8.ToArray()), reportTo)], context.CancellationToken);
    }
}
