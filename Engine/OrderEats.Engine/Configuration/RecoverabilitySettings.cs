using OrderEats.Engine.Recoverability;

namespace OrderEats.Engine;

/// <summary>Retries and the error queue of one endpoint.</summary>
public sealed class RecoverabilitySettings
{
    private readonly List<Type> unrecoverable = [typeof(MessageDeserializationException), typeof(MessageContractException), typeof(NoHandlerException)];

    /// <summary>Immediate retries (default 5).</summary>
    public int ImmediateRetries { get; set; } = 5;

    /// <summary>Delayed retries (default 3).</summary>
    public int DelayedRetries { get; set; } = 3;

    /// <summary>The first delayed retry's delay; doubled for each further one (default 10 s).</summary>
    public TimeSpan DelayedRetryBase { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest single delay (default 1 h).</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Fraction of each delay randomized (default 0.2).</summary>
    public double JitterFraction { get; set; } = 0.2;

    /// <summary>No delayed retry past this time since the first failure (default 24 h).</summary>
    public TimeSpan RetryCap { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Failures in a row (of at least two messages) that switch the endpoint to throttled mode; 0 turns throttling off (default 0).</summary>
    public int ThrottleAfterConsecutiveFailures { get; set; }

    /// <summary>The pause before each attempt while throttled (default 1 s).</summary>
    public TimeSpan ThrottledDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A custom policy replacing the default; it may call <see cref="DefaultRecoverabilityPolicy.Invoke"/> for the cases it leaves alone.</summary>
    public RecoverabilityPolicy? CustomPolicy { get; set; }

    /// <summary>
    /// Exception types that skip retries. By default: <see cref="MessageDeserializationException"/> (unreadable body), <see cref="MessageContractException"/>
    /// (a body that breaks its contract, a missing correlation value, a handler's refusal) and <see cref="NoHandlerException"/>.
    /// </summary>
    public IReadOnlyList<Type> UnrecoverableExceptions => unrecoverable;

    /// <summary>Sends messages failing with <typeparamref name="T"/> (or a subtype) straight to the error queue.</summary>
    public RecoverabilitySettings AddUnrecoverableException<T>()
        where T : Exception
    {
        unrecoverable.Add(typeof(T));
        return this;
    }

    internal ConsecutiveFailureThrottle CreateThrottle(string endpoint, TimeProvider time, Microsoft.Extensions.Logging.ILogger logger) =>
        new(endpoint, ThrottleAfterConsecutiveFailures, ThrottledDelay, [.. unrecoverable], time, logger);

    internal RecoverabilityConfig ToConfig(string errorQueue) => new(
        ImmediateRetries, DelayedRetries, DelayedRetryBase, MaxDelay, JitterFraction, RetryCap, errorQueue, [.. unrecoverable]);
}
