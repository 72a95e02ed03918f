using Microsoft.Extensions.Logging;

namespace OrderEats.Engine.Notifications;

/// <summary>
/// Callbacks the endpoint calls when a message was processed, is retried, or was moved to the error queue, e.g. for alerts or for tests that wait
/// until work is done. A callback runs before the message is acknowledged; one that throws is logged and never changes what happens to the message.
/// </summary>
public sealed class EndpointNotifications
{
    private readonly List<Func<ProcessedMessage, CancellationToken, Task>> processed = [];
    private readonly List<Func<RetryingMessage, CancellationToken, Task>> immediateRetries = [];
    private readonly List<Func<RetryingMessage, CancellationToken, Task>> delayedRetries = [];
    private readonly List<Func<FailedMessage, CancellationToken, Task>> sentToError = [];

    internal bool ObservesProcessed => processed.Count > 0;

    /// <summary>Calls <paramref name="callback"/> for every message processed successfully.</summary>
    public EndpointNotifications OnMessageProcessed(Func<ProcessedMessage, CancellationToken, Task> callback) => Add(processed, callback);

    /// <summary>Calls <paramref name="callback"/> for every failed attempt that is retried immediately.</summary>
    public EndpointNotifications OnImmediateRetry(Func<RetryingMessage, CancellationToken, Task> callback) => Add(immediateRetries, callback);

    /// <summary>Calls <paramref name="callback"/> for every failed message scheduled for a delayed retry.</summary>
    public EndpointNotifications OnDelayedRetry(Func<RetryingMessage, CancellationToken, Task> callback) => Add(delayedRetries, callback);

    /// <summary>Calls <paramref name="callback"/> for every message moved to the error queue.</summary>
    public EndpointNotifications OnMessageSentToErrorQueue(Func<FailedMessage, CancellationToken, Task> callback) => Add(sentToError, callback);

    internal Task Processed(ProcessedMessage message, ILogger logger, CancellationToken cancellationToken) => Raise(processed, message, logger, cancellationToken);

    internal Task ImmediateRetry(RetryingMessage message, ILogger logger, CancellationToken cancellationToken) => Raise(immediateRetries, message, logger, cancellationToken);

    internal Task DelayedRetry(RetryingMessage message, ILogger logger, CancellationToken cancellationToken) => Raise(delayedRetries, message, logger, cancellationToken);

    internal Task SentToErrorQueue(FailedMessage message, ILogger logger, CancellationToken cancellationToken) => Raise(sentToError, message, logger, cancellationToken);

    private EndpointNotifications Add<T>(List<Func<T, CancellationToken, Task>> callbacks, Func<T, CancellationToken, Task> callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        callbacks.Add(callback);
        return this;
    }

    private static async Task Raise<T>(List<Func<T, CancellationToken, Task>> callbacks, T message, ILogger logger, CancellationToken cancellationToken)
    {
        foreach (var callback in callbacks)
        {
            try
            {
                await callback(message, cancellationToken);
            }
#pragma warning disable CA1031 // a notification is an observer: its failure must not change what happens to the message
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogWarning(ex, "A {Notification} notification callback failed; what happens to the message is unchanged", typeof(T).Name);
            }
        }
    }
}
