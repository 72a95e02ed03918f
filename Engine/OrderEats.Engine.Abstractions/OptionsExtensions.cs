namespace OrderEats.Engine;

/// <summary>Method-style setters for send, publish and reply options, under the names NServiceBus users know.</summary>
public static class OptionsExtensions
{
    /// <summary>Sets the outgoing message's id.</summary>
    public static void SetMessageId(this ExtendableOptions options, string messageId)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        options.MessageId = messageId;
    }

    /// <summary>Adds a header to the outgoing message (engine headers win over it).</summary>
    public static void SetHeader(this ExtendableOptions options, string key, string value)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(value);
        options.Headers[key] = value;
    }

    /// <summary>Sends to <paramref name="destination"/> instead of the route of the message type.</summary>
    public static void SetDestination(this SendOptions options, string destination)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(destination);
        options.Destination = destination;
    }

    /// <summary>Replies to <paramref name="destination"/> instead of the incoming message's reply-to address.</summary>
    public static void SetDestination(this ReplyOptions options, string destination)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(destination);
        options.Destination = destination;
    }

    /// <summary>Delivers the message after <paramref name="delay"/>.</summary>
    public static void DelayDeliveryWith(this SendOptions options, TimeSpan delay)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        options.DeliveryDelay = delay;
        options.DeliverAt = null;
    }

    /// <summary>Delivers the message at <paramref name="at"/>, not before.</summary>
    public static void DoNotDeliverBefore(this SendOptions options, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.DeliverAt = at;
        options.DeliveryDelay = null;
    }
}
