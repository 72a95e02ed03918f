using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrderEats.Console.Alerts;
using OrderEats.Console.Model;
using OrderEats.Console.Storage;
using OrderEats.Engine;
using OrderEats.Engine.Transport;

namespace OrderEats.Console.Ingestion;

/// <summary>
/// Creates the schema and queues, then consumes the error queue (each message committed to the database before it is acked; a database
/// failure requeues it) and the console queue (RetrySucceeded reports resolve retries).
/// </summary>
internal sealed class ConsoleReceiver(
    ConsoleDatabase database,
    ConsoleTransport transport,
    ConsoleOptions options,
    FailureWriter writer,
    ConsoleChanges changes,
    AlertQueue alerts,
    TimeProvider time,
    ILogger<ConsoleReceiver> logger,
    Monitoring.MonitoringIngestion monitoring) : IHostedService, IAsyncDisposable
{
    private const string RetrySucceeded = "RetrySucceeded";
    private readonly List<IAsyncDisposable> receivers = [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await database.EnsureSchema(cancellationToken);
        await transport.Transport.Setup(new TransportSetup(options.Queue, options.ErrorQueue, []), cancellationToken);
        receivers.Add(await transport.Transport.Receive(new ReceiveSettings(options.ErrorQueue, 1, options.ErrorQueue), IngestFailure, cancellationToken));
        receivers.Add(await transport.Transport.Receive(new ReceiveSettings(options.Queue, 1, options.ErrorQueue), HandleControlMessage, cancellationToken));
        logger.LogInformation("Console ingesting {ErrorQueue} and listening on {Queue}", options.ErrorQueue, options.Queue);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // The host stops services concurrently (ServiceDefaults) and disposes this singleton too: take the receivers out before awaiting.
        IAsyncDisposable[] stopping;
        lock (receivers)
        {
            stopping = [.. receivers];
            receivers.Clear();
        }

        foreach (var receiver in stopping)
        {
            await receiver.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);

    internal async Task<ReceiveResult> IngestFailure(IncomingMessage message, CancellationToken cancellationToken)
    {
        ParsedFailure failure;
        IngestResult result;
        try
        {
            failure = FailedMessageParser.Parse(message, time.GetUtcNow());
            result = await writer.Ingest(failure, time.GetUtcNow(), cancellationToken);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Could not store failed message {MessageId} from {ErrorQueue}; it stays in the queue and is tried again", message.MessageId, options.ErrorQueue);
            changes.Raise(new ConsoleChange("IngestFailed", null, message.MessageId, null, Detail: e.Message));
            return ReceiveResult.Requeue;
        }

        if (!result.Duplicate)
        {
            logger.LogInformation("Failed message {MessageId} of {MessageType} from {Endpoint} stored as {FailureId} (attempt {Attempt})",
                failure.MessageId, failure.MessageType, failure.Endpoint, result.FailureId, result.Attempts);
            foreach (var group in result.NewGroups.Where(g => g.Kind == GroupingKind.Exception))
            {
                alerts.NewGroup(group, failure, result.FailureId);
            }

            changes.Raise(new ConsoleChange("Ingested", result.FailureId, failure.MessageId, FailureStatus.Unresolved, result.Attempts));
        }

        return ReceiveResult.Ack;
    }

    internal async Task<ReceiveResult> HandleControlMessage(IncomingMessage message, CancellationToken cancellationToken)
    {
        var kind = message.Headers.GetValueOrDefault(Headers.ControlMessage);
        if (kind == Monitoring.MonitoringIngestion.Heartbeat)
        {
            return await monitoring.OnHeartbeat(message, cancellationToken);
        }

        if (kind != RetrySucceeded || !message.Headers.TryGetValue(Headers.RetryId, out var retryId))
        {
            logger.LogWarning("Message {MessageId} on the console queue {Queue} is not a retry report (ControlMessage '{Kind}'); dropped", message.MessageId, options.Queue, kind);
            return ReceiveResult.Ack;
        }

        (string FailureId, string MessageId)? resolved;
        try
        {
            resolved = await writer.Resolve(retryId, message.Headers.GetValueOrDefault(Headers.ProcessingEndpoint, FailedMessageParser.Unknown), time.GetUtcNow(), cancellationToken);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Could not record that retry {RetryId} succeeded; the report stays in {Queue} and is tried again", retryId, options.Queue);
            return ReceiveResult.Requeue;
        }

        if (resolved is { } done)
        {
            logger.LogInformation("Retry {RetryId} of message {MessageId} succeeded; failure {FailureId} resolved", retryId, done.MessageId, done.FailureId);
            changes.Raise(new ConsoleChange("Resolved", done.FailureId, done.MessageId, FailureStatus.Resolved));
        }
        else
        {
            logger.LogInformation("Retry report {RetryId} matches no pending retry (already resolved, failed again or superseded)", retryId);
        }

        return ReceiveResult.Ack;
    }
}
