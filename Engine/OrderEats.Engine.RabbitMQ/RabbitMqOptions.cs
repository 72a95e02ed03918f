namespace OrderEats.Engine.RabbitMQ;

/// <summary>Settings of the RabbitMQ transport; the defaults suit production.</summary>
public sealed class RabbitMqOptions
{
    /// <summary>The queue type of endpoint, error and additional queues (default quorum). The delay levels are always quorum queues.</summary>
    public RabbitMqQueueType QueueType { get; set; } = RabbitMqQueueType.Quorum;

    /// <summary>
    /// The <c>x-delivery-limit</c> of quorum endpoint, error and additional queues (default 50). A message the broker hands out more often than
    /// this without an ack (its handler kills the process every time, say) is dead-lettered, at least once, to the error queue instead of being
    /// redelivered forever. The engine's own retries never come near it (see <see cref="MaxRequeues"/>). Null declares quorum queues without a
    /// limit or dead-lettering, as before: RabbitMQ 3.x then redelivers without bound, and 4.x drops such a message after its default of 20
    /// deliveries unless a policy sets <c>delivery-limit</c> and <c>dead-letter-exchange</c>.
    /// </summary>
    public int? DeliveryLimit { get; set; } = 50;

    /// <summary>
    /// How often one delivery may be requeued (retries, throttled mode, a failing callback) before the transport re-sends the message through the
    /// delay queues instead, so its delivery count starts over (default 10). Counted by the broker (<c>x-delivery-count</c>, quorum queues only).
    /// </summary>
    public int MaxRequeues { get; set; } = 10;

    /// <summary>How long a message re-sent after <see cref="MaxRequeues"/> requeues waits before it is delivered again (default 5 s, at least 1 s).</summary>
    public TimeSpan RequeueDelay { get; set; } = TimeSpan.FromSeconds(5);

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

        if (MaxRequeues < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRequeues), MaxRequeues, "MaxRequeues must be at least 1; the default is 10.");
        }

        if (DeliveryLimit is { } limit && limit <= MaxRequeues)
        {
            throw new ArgumentOutOfRangeException(
                nameof(DeliveryLimit),
                limit,
                $"DeliveryLimit ({limit}) must be above MaxRequeues ({MaxRequeues}), or requeued messages reach the broker's limit before the transport re-sends them. " +
                "Raise DeliveryLimit (default 50) or lower MaxRequeues (default 10).");
        }

        if (RequeueDelay < TimeSpan.FromSeconds(1))
        {
            throw new ArgumentOutOfRangeException(nameof(RequeueDelay), RequeueDelay, "RequeueDelay must be at least 1 s (the delay queues' resolution).");
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
