namespace OrderEats.Engine.Recoverability;

/// <summary>The numbers the default policy works with.</summary>
/// <param name="ImmediateRetries">Immediate retries before delayed ones (default 5).</param>
/// <param name="DelayedRetries">Delayed retries before the error queue (default 3).</param>
/// <param name="DelayedRetryBase">The first delay; each further retry doubles it (default 10 s).</param>
/// <param name="MaxDelay">The longest single delay (default 1 h).</param>
/// <param name="JitterFraction">How much of each delay is randomized, 0..1 (default 0.2: ±20 %).</param>
/// <param name="RetryCap">No delayed retry is scheduled past this time since the first failure (default 24 h).</param>
/// <param name="ErrorQueue">The error queue.</param>
/// <param name="UnrecoverableExceptions">Exception types (and subtypes) that go to the error queue without retries.</param>
public sealed record RecoverabilityConfig(
    int ImmediateRetries,
    int DelayedRetries,
    TimeSpan DelayedRetryBase,
    TimeSpan MaxDelay,
    double JitterFraction,
    TimeSpan RetryCap,
    string ErrorQueue,
    IReadOnlyList<Type> UnrecoverableExceptions);
