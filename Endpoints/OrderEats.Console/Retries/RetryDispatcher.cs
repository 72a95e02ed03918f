using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrderEats.Console.Ingestion;
using OrderEats.Console.Model;
using OrderEats.Console.Storage;
using OrderEats.Engine.Transport;

namespace OrderEats.Console.Retries;

/// <summary>
/// Sends issued retries back to their queues in rate-limited batches. Issued retries are rows in the database (retry_pending = 1),
/// so a restart resumes where it stopped; a message sent twice after a crash is a duplicate the endpoint tolerates.
/// </summary>
internal sealed class RetryDispatcher(
    FailureCommands commands, ConsoleTransport transport, ConsoleOptions options, ConsoleChanges changes, TimeProvider time, ILogger<RetryDispatcher> logger)
    : BackgroundService
{
    private readonly SemaphoreSlim wake = new(0);
    private readonly BatchScheduler scheduler = new(options.RetryBatchSize, options.RetryMessagesPerSecond);

    /// <summary>Raised with each decision that sent a batch, so the rate limiting can be observed without timing.</summary>
    public event Action<BatchDecision>? BatchSent;

    public void Wake() => wake.Release();

    public override void Dispose()
    {
        wake.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DispatchPending(stoppingToken);
                // Woken by new retries; the periodic look also picks up retries another console instance issued.
                await wake.WaitAsync(TimeSpan.FromSeconds(30), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Dispatching retries failed; trying again in 5 s");
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(5), time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task DispatchPending(CancellationToken cancellationToken)
    {
        while (true)
        {
            var pending = await commands.PendingRetries(options.RetryBatchSize, cancellationToken);
            if (pending.Count == 0)
            {
                return;
            }

            var decision = scheduler.Decide(pending.Count, time.GetUtcNow());
            if (decision.Take == 0)
            {
                var wait = decision.NextAt - time.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, time, cancellationToken);
                }

                continue;
            }

            await SendBatch(pending.Take(decision.Take).ToList(), cancellationToken);
            BatchSent?.Invoke(decision);
        }
    }

    private async Task SendBatch(List<PendingRetry> batch, CancellationToken cancellationToken)
    {
        // A message that cannot be rebuilt fails alone: it goes back to Unresolved with the reason, and the rest of the batch is sent.
        var ready = new List<(PendingRetry Retry, TransportOperation Operation)>();
        foreach (var retry in batch)
        {
            try
            {
                ready.Add((retry, TransportOperation.Send(RetryMessageBuilder.Build(retry, options.Queue), retry.Queue)));
            }
            catch (Exception e) when (e is InvalidDataException or FormatException or ArgumentException)
            {
                await NotSent(retry, e, "could not be rebuilt", cancellationToken);
            }
        }

        if (ready.Count == 0)
        {
            return;
        }

        try
        {
            await transport.Transport.Dispatch(ready.Select(r => r.Operation).ToList(), cancellationToken);
            foreach (var (retry, _) in ready)
            {
                await Sent(retry, cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // One bad destination must not hold back the others: send one by one and set aside those that cannot be sent.
            logger.LogWarning(e, "Sending a batch of {Count} retries failed; sending them one by one", ready.Count);
            foreach (var (retry, operation) in ready)
            {
                try
                {
                    await transport.Transport.Dispatch([operation], cancellationToken);
                    await Sent(retry, cancellationToken);
                }
                catch (Exception single) when (single is not OperationCanceledException)
                {
                    await NotSent(retry, single, "could not be sent to " + retry.Queue, cancellationToken);
                }
            }
        }
    }

    private async Task NotSent(PendingRetry retry, Exception reason, string what, CancellationToken cancellationToken)
    {
        logger.LogError(reason, "Retry {RetryId} of message {MessageId} {What}; the failure is unresolved again", retry.RetryId, retry.MessageId, what);
        await commands.MarkRetryFailed(retry, reason.Message, time.GetUtcNow(), cancellationToken);
        changes.Raise(new ConsoleChange("RetryNotSent", retry.FailureId, retry.MessageId, FailureStatus.Unresolved, Detail: reason.Message));
    }

    private async Task Sent(PendingRetry retry, CancellationToken cancellationToken)
    {
        await commands.MarkDispatched(retry, cancellationToken);
        logger.LogInformation("Retry {RetryId} of message {MessageId} sent to {Queue}", retry.RetryId, retry.EditMessageId ?? retry.MessageId, retry.Queue);
        changes.Raise(new ConsoleChange("RetrySent", retry.FailureId, retry.EditMessageId ?? retry.MessageId, FailureStatus.RetryIssued, Detail: retry.RetryId));
    }
}
