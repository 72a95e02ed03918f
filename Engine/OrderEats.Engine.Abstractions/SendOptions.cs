namespace OrderEats.Engine;

/// <summary>Options for sending a command.</summary>
public sealed class SendOptions : ExtendableOptions
{
    /// <summary>The queue to send to, overriding routing.</summary>
    public string? Destination { get; set; }

    /// <summary>Delivers the message after this delay.</summary>
    public TimeSpan? DeliveryDelay { get; set; }

    /// <summary>Delivers the message at this time.</summary>
    public DateTimeOffset? DeliverAt { get; set; }
}
