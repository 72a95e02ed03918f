namespace OrderEats.Console.Monitoring;

/// <summary>What became of an operator's request to cancel a saga timeout.</summary>
public enum TimeoutCancelOutcome
{
    /// <summary>The saga is not known (never audited, or purged).</summary>
    UnknownSaga,

    /// <summary>The timeout is not pending (fired, cancelled, or the saga completed).</summary>
    NotPending,

    /// <summary>The cancel request was sent to the saga's endpoint.</summary>
    Sent,

    /// <summary>The request could not be sent to the saga's endpoint queue (e.g. the queue does not exist); nothing changed.</summary>
    Unreachable,
}
