namespace OrderEats.Engine.Recoverability;

/// <summary>Everything the recoverability policy may look at; no I/O behind it.</summary>
/// <param name="Exception">Why processing failed.</param>
/// <param name="MessageId">The failed message's id.</param>
/// <param name="Headers">The failed message's headers.</param>
/// <param name="ImmediateProcessingFailures">How many times in a row it failed in this process since its last delayed retry (1 on the first failure).</param>
/// <param name="DelayedDeliveriesPerformed">How many delayed retries it has had.</param>
/// <param name="FirstFailure">When it first failed (the delayed-retry cap counts from here).</param>
/// <param name="Now">The current time.</param>
/// <param name="Jitter">A random number in [0, 1) for spreading delayed retries.</param>
public sealed record ErrorContext(
    Exception Exception,
    string MessageId,
    IReadOnlyDictionary<string, string> Headers,
    int ImmediateProcessingFailures,
    int DelayedDeliveriesPerformed,
    DateTimeOffset FirstFailure,
    DateTimeOffset Now,
    double Jitter);
