namespace OrderEats.Host;

/// <summary>The time since the demo started, read from the host's clock.</summary>
internal sealed class DemoClock(TimeProvider time)
{
    private readonly long started = time.GetTimestamp();

    /// <summary>The time since this clock was created.</summary>
    public TimeSpan Elapsed => time.GetElapsedTime(started);
}
