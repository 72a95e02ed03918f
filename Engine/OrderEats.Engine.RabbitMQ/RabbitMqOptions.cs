namespace OrderEats.Engine.RabbitMQ;

/// <summary>Settings of the RabbitMQ transport; the defaults suit production.</summary>
public sealed class RabbitMqOptions
{
    /// <summary>The queue type of endpoint, error and additional queues (default quorum). The delay levels are always quorum queues.</summary>
    public RabbitMqQueueType QueueType { get; set; } = RabbitMqQueueType.Quorum;

    /// <summary>Prefetch per receiver is MaxConcurrency times this (default 3).</summary>
    public int PrefetchMultiplier { get; set; } = 3;

    /// <summary>The connection name shown by the broker (default "OrderEats &lt;process name&gt;"); " (dispatch)" or " (receive)" is appended.</summary>
    public string? ConnectionName { get; set; }

    /// <summary>
    /// With an <c>amqps://</c> URI: the PEM file of the CA that signed the broker's certificate. The certificate must chain to it and name the
    /// URI's host. Null: the operating system's trusted roots.
    /// </summary>
    public string? CertificateAuthorityFile { get; set; }

    /// <summary>How often a lost connection is retried (default 10 s).</summary>
    public TimeSpan RecoveryInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The heartbeat requested from the broker (default 60 s).</summary>
    public TimeSpan Heartbeat { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long the connection may stay down before the critical error is raised (default 2 minutes).</summary>
    public TimeSpan CriticalErrorAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Called (besides a critical log entry) when a connection has been down for <see cref="CriticalErrorAfter"/>; the transport keeps trying to recover.</summary>
    public Action<RabbitMqCriticalError>? OnCriticalError { get; set; }

    internal void Validate()
    {
        if (PrefetchMultiplier < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(PrefetchMultiplier), PrefetchMultiplier, "PrefetchMultiplier must be at least 1; the default is 3.");
        }

        foreach (var (name, value) in new[] { (nameof(RecoveryInterval), RecoveryInterval), (nameof(Heartbeat), Heartbeat), (nameof(CriticalErrorAfter), CriticalErrorAfter) })
        {
            if (value <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive.");
            }
        }
    }
}
