using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using OrderEats.Engine.Telemetry;
using OrderEats.Engine.Transport;

namespace OrderEats.Engine.Recoverability;

/// <summary>Carries out the policy's decision: requeue, schedule a delayed retry, move to the error queue, or discard.</summary>
internal sealed class RecoverabilityExecutor(
    RecoverabilityConfig config,
    RecoverabilityPolicy policy,
    ITransport transport,
    string endpointQueue,
    string hostName,
    TimeProvider time,
    ILogger logger,
    Notifications.EndpointNotifications? notifications = null)
{
    private readonly ConcurrentDictionary<string, int> immediateFailures = new(StringComparer.Ordinal);

    public void Succeeded(string messageId) => immediateFailures.TryRemove(messageId, out _);

    public async Task<ReceiveResult> Failed(IncomingMessage message, Exception exception, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var failures = immediateFailures.AddOrUpdate(message.MessageId, 1, (_, count) => count + 1);
        var delayed = int.TryParse(message.Headers.GetValueOrDefault(Headers.DelayedRetries), NumberStyles.Integer, CultureInfo.InvariantCulture, out var d) ? d : 0;
        var attempts = (int.TryParse(message.Headers.GetValueOrDefault(Headers.ProcessingAttempts), NumberStyles.None, CultureInfo.InvariantCulture, out var a) ? a : 0) + failures;
        var firstFailure = DateTimeOffset.TryParse(message.Headers.GetValueOrDefault(Headers.FirstFailure), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var first) ? first : now;
        var context = new ErrorContext(exception, message.MessageId, message.Headers, failures, delayed, firstFailure, now, Random.Shared.NextDouble());
        var action = policy(config, context);
        switch (action)
        {
            case ImmediateRetryAction:
                EngineMetrics.Retried.Add(1, new(EngineMetrics.EndpointTag, endpointQueue), new(EngineMetrics.RetryKindTag, "immediate"));
                logger.LogWarning(exception, "Message {MessageId} failed (attempt {Attempt}); retrying immediately", message.MessageId, failures);
                await Notify(n => n.ImmediateRetry(new(endpointQueue, message.MessageId, message.Headers, message.Body, exception, failures, 0, TimeSpan.Zero), logger, cancellationToken));
                return ReceiveResult.Requeue;
            case DelayedRetryAction retry:
                EngineMetrics.Retried.Add(1, new(EngineMetrics.EndpointTag, endpointQueue), new(EngineMetrics.RetryKindTag, "delayed"));
                var headers = new Dictionary<string, string>(message.Headers, StringComparer.Ordinal)
                {
                    [Headers.DelayedRetries] = (delayed + 1).ToString(CultureInfo.InvariantCulture),
                    [Headers.FirstFailure] = firstFailure.ToString("O", CultureInfo.InvariantCulture),
                    [Headers.ProcessingAttempts] = attempts.ToString(CultureInfo.InvariantCulture),
                };
                await transport.Dispatch([TransportOperation.Send(new OutgoingMessage(message.MessageId, headers, message.Body), endpointQueue, now + retry.Delay)], cancellationToken);
                immediateFailures.TryRemove(message.MessageId, out _);
                logger.LogWarning(exception, "Message {MessageId} failed; delayed retry {DelayedRetry} in {Delay}", message.MessageId, delayed + 1, retry.Delay);
                await Notify(n => n.DelayedRetry(new(endpointQueue, message.MessageId, message.Headers, message.Body, exception, failures, delayed + 1, retry.Delay), logger, cancellationToken));
                return ReceiveResult.Ack;
            case MoveToErrorAction toError:
                EngineMetrics.MovedToError.Add(1, new KeyValuePair<string, object?>(EngineMetrics.EndpointTag, endpointQueue));
                var failed = FailureHeaders.Add(message.Headers, exception, endpointQueue, endpointQueue, hostName, now);
                failed[Headers.ProcessingAttempts] = attempts.ToString(CultureInfo.InvariantCulture);
                await transport.Dispatch([TransportOperation.Send(new OutgoingMessage(message.MessageId, failed, message.Body), toError.ErrorQueue)], cancellationToken);
                immediateFailures.TryRemove(message.MessageId, out _);
                logger.LogError(exception, "Message {MessageId} moved to the error queue {ErrorQueue} after {Attempts} attempts and {DelayedRetries} delayed retries", message.MessageId, toError.ErrorQueue, failures, delayed);
                await Notify(n => n.SentToErrorQueue(new(endpointQueue, message.MessageId, failed, message.Body, exception, toError.ErrorQueue), logger, cancellationToken));
                return ReceiveResult.Ack;
            case DiscardAction discard:
                immediateFailures.TryRemove(message.MessageId, out _);
                logger.LogWarning(exception, "Message {MessageId} discarded: {Reason}", message.MessageId, discard.Reason);
                return ReceiveResult.Ack;
            default:
                throw new InvalidOperationException($"Unknown recoverability action {action}.");
        }
    }

    private Task Notify(Func<Notifications.EndpointNotifications, Task> raise) => notifications is null ? Task.CompletedTask : raise(notifications);
}
