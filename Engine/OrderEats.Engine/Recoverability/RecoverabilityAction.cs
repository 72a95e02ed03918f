namespace OrderEats.Engine.Recoverability;

/// <summary>What to do with a message whose processing failed.</summary>
public abstract record RecoverabilityAction
{
    private protected RecoverabilityAction()
    {
    }

    /// <summary>Put the message back on its queue and try again now.</summary>
    public static RecoverabilityAction ImmediateRetry() => new ImmediateRetryAction();

    /// <summary>Try again after <paramref name="delay"/> (the message leaves the queue meanwhile).</summary>
    public static RecoverabilityAction DelayedRetry(TimeSpan delay) => new DelayedRetryAction(delay);

    /// <summary>Move the message to <paramref name="errorQueue"/> with the failure headers.</summary>
    public static RecoverabilityAction MoveToError(string errorQueue) => new MoveToErrorAction(errorQueue);

    /// <summary>Drop the message, logging <paramref name="reason"/>.</summary>
    public static RecoverabilityAction Discard(string reason) => new DiscardAction(reason);
}

/// <summary>Retry now.</summary>
public sealed record ImmediateRetryAction : RecoverabilityAction;

/// <summary>Retry after a delay.</summary>
/// <param name="Delay">How long to wait.</param>
public sealed record DelayedRetryAction(TimeSpan Delay) : RecoverabilityAction;

/// <summary>Move to the error queue.</summary>
/// <param name="ErrorQueue">The error queue.</param>
public sealed record MoveToErrorAction(string ErrorQueue) : RecoverabilityAction;

/// <summary>Drop the message.</summary>
/// <param name="Reason">Why; logged.</param>
public sealed record DiscardAction(string Reason) : RecoverabilityAction;
