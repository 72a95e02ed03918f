namespace OrderEats.Engine.Recoverability;

/// <summary>Immediate retries, then delayed retries with exponential back-off and jitter, then the error queue; unrecoverable exceptions go straight there.</summary>
public static class DefaultRecoverabilityPolicy
{
    /// <summary>Decides what to do with a failed message. Pure: same input, same answer.</summary>
    public static RecoverabilityAction Invoke(RecoverabilityConfig config, ErrorContext context)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(context);

        if (IsUnrecoverable(config, context.Exception))
        {
            return RecoverabilityAction.MoveToError(config.ErrorQueue);
        }

        if (context.ImmediateProcessingFailures <= config.ImmediateRetries)
        {
            return RecoverabilityAction.ImmediateRetry();
        }

        if (context.DelayedDeliveriesPerformed < config.DelayedRetries)
        {
            var delay = DelayFor(config, context.DelayedDeliveriesPerformed + 1, context.Jitter);
            if (context.Now + delay - context.FirstFailure <= config.RetryCap)
            {
                return RecoverabilityAction.DelayedRetry(delay);
            }
        }

        return RecoverabilityAction.MoveToError(config.ErrorQueue);
    }

    /// <summary>The delay before delayed retry number <paramref name="retry"/> (1-based): base × 2^(retry-1), capped, spread by ±jitter.</summary>
    public static TimeSpan DelayFor(RecoverabilityConfig config, int retry, double jitter)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentOutOfRangeException.ThrowIfLessThan(retry, 1);
        var exponential = config.DelayedRetryBase.TotalMilliseconds * Math.Pow(2, retry - 1);
        var capped = Math.Min(exponential, config.MaxDelay.TotalMilliseconds);
        var spread = capped * config.JitterFraction * ((jitter * 2) - 1);
        return TimeSpan.FromMilliseconds(Math.Max(0, capped + spread));
    }

    private static bool IsUnrecoverable(RecoverabilityConfig config, Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            var type = current.GetType();
            if (config.UnrecoverableExceptions.Any(u => u.IsAssignableFrom(type)))
            {
                return true;
            }
        }

        return false;
    }
}
