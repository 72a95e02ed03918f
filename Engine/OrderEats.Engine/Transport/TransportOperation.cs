namespace OrderEats.Engine.Transport;

/// <summary>One message to dispatch: to a queue (send) or to the subscribers of an event type hierarchy (publish), now or later.</summary>
public sealed record TransportOperation
{
    private TransportOperation(OutgoingMessage message, string? queue, IReadOnlyList<string> eventTypes, DateTimeOffset? deliverAt)
    {
        Message = message;
        Queue = queue;
        EventTypes = eventTypes;
        DeliverAt = deliverAt;
    }

    /// <summary>The message.</summary>
    public OutgoingMessage Message { get; }

    /// <summary>The destination queue of a send; null for a publish.</summary>
    public string? Queue { get; }

    /// <summary>For a publish: the event's contract name first, then those of its base types and interfaces. Empty for a send.</summary>
    public IReadOnlyList<string> EventTypes { get; }

    /// <summary>When a send becomes visible to the receiver; null for now.</summary>
    public DateTimeOffset? DeliverAt { get; }

    /// <summary>True for a publish.</summary>
    public bool IsPublish => Queue is null;

    /// <summary>A send to <paramref name="queue"/>, delayed until <paramref name="deliverAt"/> if given.</summary>
    public static TransportOperation Send(OutgoingMessage message, string queue, DateTimeOffset? deliverAt = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrEmpty(queue);
        return new TransportOperation(message, queue, [], deliverAt);
    }

    /// <summary>A publish of an event whose type hierarchy is <paramref name="eventTypes"/> (most derived first).</summary>
    public static TransportOperation Publish(OutgoingMessage message, IReadOnlyList<string> eventTypes)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(eventTypes);
        if (eventTypes.Count == 0)
        {
            throw new ArgumentException("A publish needs the event's contract name.", nameof(eventTypes));
        }

        return new TransportOperation(message, null, eventTypes, null);
    }
}
