using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging;

namespace OrderEats.Engine.Recoverability;

/// <summary>
/// Circuit breaking for a failing dependency. After <c>ThrottleAfterConsecutiveFailures</c> failures in a row (of at least two different messages,
/// so one poison message alone cannot trip it) the endpoint is throttled: one message at a time, <c>ThrottledDelay</c> before each attempt, and a
/// failed attempt is requeued without using the message's retries. The first success returns the endpoint to full concurrency.
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "The SemaphoreSlim never allocates a wait handle (AvailableWaitHandle is not used), so there is nothing to dispose.")]
internal sealed class ConsecutiveFailureThrottle(string endpoint, int threshold, TimeSpan delay, IReadOnlyList<Type> unrecoverable, TimeProvider time, ILogger logger)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Lock sync = new();
    private readonly HashSet<string> failingMessages = new(StringComparer.Ordinal);
    private int consecutiveFailures;
    private volatile bool throttled;

    public event EventHandler<ThrottleChangedEventArgs>? Changed;

    public bool IsThrottled => throttled;

    /// <summary>Waits for the single slot and the pause while throttled; returns whether the slot is held (pass it to <see cref="Exit"/>).</summary>
    public async Task<bool> Enter(CancellationToken cancellationToken = default)
    {
        if (!throttled)
        {
            return false;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            if (throttled)
            {
                await Task.Delay(delay, time, cancellationToken);
            }
        }
        catch
        {
            gate.Release();
            throw;
        }

        return true;
    }

    public void Exit(bool held)
    {
        if (held)
        {
            gate.Release();
        }
    }

    public void Succeeded()
    {
        bool leaving;
        lock (sync)
        {
            consecutiveFailures = 0;
            failingMessages.Clear();
            leaving = throttled;
            throttled = false;
        }

        if (leaving)
        {
            logger.LogInformation("Endpoint {Endpoint} left throttled mode: a message succeeded; back to full concurrency", endpoint);
            ThrottleMetrics.Throttled.Add(-1, new KeyValuePair<string, object?>("endpoint", endpoint));
            Changed?.Invoke(this, new ThrottleChangedEventArgs(endpoint, false, 0, time.GetUtcNow()));
        }
    }

    /// <summary>Counts a failure; true when the endpoint is throttled and the message should simply be requeued without using a retry.</summary>
    public bool Failed(string messageId, Exception exception)
    {
        if (threshold <= 0 || unrecoverable.Any(type => type.IsInstanceOfType(exception)))
        {
            return false;
        }

        bool entering;
        int failures;
        lock (sync)
        {
            failures = ++consecutiveFailures;
            if (failingMessages.Count < 2)
            {
                failingMessages.Add(messageId);
            }

            entering = !throttled && failures >= threshold && failingMessages.Count >= 2;
            throttled |= entering;
        }

        if (entering)
        {
            logger.LogWarning(
                "Endpoint {Endpoint} entered throttled mode after {Failures} consecutive failures (last: {ExceptionType}): one message at a time, {Delay} apart; failed attempts are requeued without using retries until a message succeeds",
                endpoint, failures, exception.GetType().Name, delay);
            ThrottleMetrics.Throttled.Add(1, new KeyValuePair<string, object?>("endpoint", endpoint));
            Changed?.Invoke(this, new ThrottleChangedEventArgs(endpoint, true, failures, time.GetUtcNow()));
        }

        if (throttled)
        {
            ThrottleMetrics.Requeued.Add(1, new KeyValuePair<string, object?>("endpoint", endpoint));
            return true;
        }

        return false;
    }
}
