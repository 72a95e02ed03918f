namespace OrderEats.Engine.Recoverability;

/// <summary>An endpoint entered or left throttled mode (one message at a time, failures requeued without using a retry).</summary>
/// <param name="endpoint">The endpoint's name.</param>
/// <param name="throttled">True when the endpoint is now throttled; false when it is back to full speed.</param>
/// <param name="consecutiveFailures">The failures in a row that led here (0 when leaving throttled mode).</param>
/// <param name="at">When the change happened.</param>
public sealed class ThrottleChangedEventArgs(string endpoint, bool throttled, int consecutiveFailures, DateTimeOffset at) : EventArgs
{
    /// <summary>The endpoint's name.</summary>
    public string Endpoint { get; } = endpoint;

    /// <summary>True when the endpoint is now throttled; false when it is back to full speed.</summary>
    public bool Throttled { get; } = throttled;

    /// <summary>The failures in a row that led here (0 when leaving throttled mode).</summary>
    public int ConsecutiveFailures { get; } = consecutiveFailures;

    /// <summary>When the change happened.</summary>
    public DateTimeOffset At { get; } = at;
}
